import { readFileSync } from 'node:fs';
import { writeAtomic } from './disk.ts';

/**
 * A map kept between processes in one JSON file: read once, written whole (and atomically) only
 * after it changed. A missing or damaged file reads as an empty map: what it keeps is only a
 * cache, and whatever it lacks is worked out again.
 */
export class KeptMap<Value> {
  readonly file: string;
  #values = new Map<string, Value>();
  #changed = false;

  constructor(file: string) {
    this.file = file;
    try {
      this.#values = new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, Value>));
    } catch {
      // None kept yet, or a damaged file.
    }
  }

  get(key: string): Value | undefined {
    return this.#values.get(key);
  }

  set(key: string, value: Value) {
    this.#values.set(key, value);
    this.#changed = true;
  }

  /** Forgets the keys that `keep` turns down. */
  keepOnly(keep: (key: string) => boolean) {
    for (const key of this.#values.keys()) {
      if (keep(key)) continue;
      this.#values.delete(key);
      this.#changed = true;
    }
  }

  /** Writes the map to its file, if it changed since it was read or last written. */
  save() {
    if (!this.#changed) return;
    writeAtomic(this.file, JSON.stringify(Object.fromEntries(this.#values)));
    this.#changed = false;
  }
}
