import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { writeAtomic } from '../../publish/disk.ts';

interface Known {
  stamp: string;
  digest: string;
}

/**
 * The digests of article files' text, each read again only when its file changed: by size,
 * times and inode, as a save changes them and nobody can set back (the change time). A sync
 * under `astro dev` after one save reads one file, not the archive; kept in `file`, the digests
 * outlive the process, so a build reads only the files saved since the last sync of either
 * command.
 */
export class SourceDigests {
  #known = new Map<string, Known>();
  #changed = false;
  readonly #file: string;

  constructor(file: string) {
    this.#file = file;
    try {
      this.#known = new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, Known>));
    } catch {
      // None kept yet, or a damaged file: it is only a cache, and every file is read again.
    }
  }

  /** The digest of the file's text, and the text itself when it had to be read. */
  of(file: string): { digest: string; source?: string } {
    const { size, mtimeMs, ctimeMs, ino } = statSync(file);
    const stamp = `${size}:${mtimeMs}:${ctimeMs}:${ino}`;
    const known = this.#known.get(file);
    if (known?.stamp === stamp) return { digest: known.digest };
    const source = readFileSync(file, 'utf8');
    const digest = createHash('sha256').update(source).digest('base64url');
    this.#known.set(file, { stamp, digest });
    this.#changed = true;
    return { digest, source };
  }

  /** Forgets the files not in `files`. */
  keepOnly(files: ReadonlySet<string>) {
    for (const file of this.#known.keys()) {
      if (files.has(file)) continue;
      this.#known.delete(file);
      this.#changed = true;
    }
  }

  /** Writes the digests to the file they were read from, if any changed. */
  save() {
    if (!this.#changed) return;
    writeAtomic(this.#file, JSON.stringify(Object.fromEntries(this.#known)));
    this.#changed = false;
  }
}
