/**
 * Astro loads the content config and the integrations as separate module instances of one
 * process, so what the loaders learn in a sync reaches the integrations of the build (search
 * index, photos) through a named slot on the global object. Several loaders may offer to one
 * slot, each under its own name; the integration takes what all of them offered.
 */
export function handover<Item>(name: string, missing: string) {
  const slot = Symbol.for(`zeitungsleser.${name}`);
  const slots = globalThis as unknown as Record<symbol, Map<string, () => Item[]> | undefined>;
  return {
    /** Called by a loader after each sync: how to list its items as they now are. */
    offer(from: string, list: () => Item[]) {
      (slots[slot] ??= new Map()).set(from, list);
    },
    /** The items of every loader's last sync; `missing` explains a build whose loaders never ran. */
    take(): Item[] {
      const lists = slots[slot];
      if (!lists) throw new Error(missing);
      return [...lists.values()].flatMap((list) => list());
    },
  };
}
