import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { pruneStore, writeAtomic } from './disk.ts';

const SUFFIX = '.v8';

/**
 * Values kept one file each in a folder, `<key>.v8`, in V8's own serialisation (which keeps
 * dates as dates), each written whole or not at all.
 */
export class V8Files<Value> {
  readonly folder: string;

  constructor(folder: string) {
    this.folder = folder;
  }

  /** The file of `key`, and the name it has in the folder. */
  #name = (key: string) => `${key}${SUFFIX}`;
  path = (key: string) => join(this.folder, this.#name(key));

  /** The value of `key`; throws when it was never written or is not whole. */
  read(key: string): Value {
    return deserialize(readFileSync(this.path(key))) as Value;
  }

  write(key: string, value: Value) {
    writeAtomic(this.path(key), serialize(value));
  }

  /** Whether a value of `key` is here: written whole, as a half-made one has another name. */
  has(key: string): boolean {
    return existsSync(this.path(key));
  }

  /**
   * Removes the values whose keys are not in `keys`, and what killed writers left half-made;
   * with `since` (ms), none written since then (pruneStore).
   */
  keepOnly(keys: ReadonlySet<string>, since?: number) {
    if (existsSync(this.folder)) pruneStore(this.folder, new Set([...keys].map(this.#name)), since);
  }
}
