import { createHash } from 'node:crypto';
import type { AdFormat } from './formats.ts';

/** What the choice reads of a house ad. */
export interface Bookable {
  id: string;
  formats: readonly AdFormat[];
  weight: number;
  start?: Date;
  end?: Date;
}

export interface PlacedSlot {
  id: string;
  format: AdFormat;
}

/** Whether a house ad runs at `now`: from its start, inclusive, until its end, exclusive. */
export const isRunning = (ad: Bookable, now: Date) => (!ad.start || ad.start <= now) && (!ad.end || now < ad.end);

/** A number in [0, 1) drawn from the page and the slot: the same in every build. */
function draw(page: string, slot: string): number {
  return createHash('sha256').update(`${page}\0${slot}`).digest().readUIntBE(0, 6) / 2 ** 48;
}

function byWeight<Ad extends Bookable>(ads: readonly Ad[], at: number): Ad {
  let left = at * ads.reduce((sum, ad) => sum + ad.weight, 0);
  for (const ad of ads) {
    left -= ad.weight;
    if (left < 0) return ad;
  }
  // Stryker disable next-line ArithmeticOperator: equivalent, because `at` is below 1, so the loop above returns by the last creative and this line is never reached
  return ads[ads.length - 1];
}

/**
 * The house ad each slot of a page shows: one that fits the slot's format and runs at `now`,
 * picked by weight at a point drawn from page and slot, so that the choice never depends on the
 * order of the build. A page shows each creative once while others fit; a slot that nothing
 * fits is left out of the result and keeps its empty reserved space.
 */
export function chooseHouseAds<Ad extends Bookable>(slots: readonly PlacedSlot[], ads: readonly Ad[], page: string, now: Date): Map<string, Ad> {
  const running = ads.filter((ad) => isRunning(ad, now)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const chosen = new Map<string, Ad>();
  for (const slot of slots) {
    const fitting = running.filter((ad) => ad.formats.includes(slot.format));
    const unshown = fitting.filter((ad) => ![...chosen.values()].includes(ad));
    const pool = unshown.length ? unshown : fitting;
    if (pool.length) chosen.set(slot.id, byWeight(pool, draw(page, slot.id)));
  }
  return chosen;
}
