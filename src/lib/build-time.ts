import type { Settings } from './settings.ts';

/**
 * The build's notion of "now", for embargoes and for the start and end dates of house ads.
 * `SOURCE_DATE_EPOCH` (whole seconds since 1970, the reproducible-builds convention, checked by
 * src/lib/settings.ts) fixes it, so two builds of one commit under one epoch are byte-identical;
 * without it, the clock.
 */
export const buildNow = ({ sourceDateEpoch }: Pick<Settings, 'sourceDateEpoch'>, clock: () => Date): Date =>
  sourceDateEpoch === undefined ? clock() : new Date(sourceDateEpoch * 1000);
