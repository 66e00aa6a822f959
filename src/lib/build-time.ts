/**
 * The build's notion of "now", for embargoes and for the start and end dates of house ads.
 * `SOURCE_DATE_EPOCH` (whole seconds since 1970, the reproducible-builds convention) fixes it,
 * so two builds of one commit under one epoch are byte-identical; without it, the clock.
 */
export function buildNow(env: Readonly<Record<string, string | undefined>>, clock: () => Date): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return clock();
  if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC, e.g. 1737470640, not "${epoch}"`);
  return new Date(Number(epoch) * 1000);
}
