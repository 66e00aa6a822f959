/**
 * Astro loads the content config and the integrations as separate module instances of one
 * process, so what the article loader learns in a sync reaches the integrations of the build
 * (search index, photos) through a named slot on the global object.
 */
export function handover<T>(name: string, missing: string) {
  const slot = Symbol.for(`zeitungsleser.${name}`);
  const slots = globalThis as unknown as Record<symbol, (() => T) | undefined>;
  return {
    /** Called by the loader after each sync: how to list the data as it now is. */
    offer(list: () => T) {
      slots[slot] = list;
    },
    /** The data of the last sync; `missing` explains a build whose loader never ran. */
    take(): T {
      const list = slots[slot];
      if (!list) throw new Error(missing);
      return list();
    },
  };
}
