import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { KeptMap } from '../../publish/kept-map.ts';

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
  readonly #known: KeptMap<Known>;

  constructor(file: string) {
    this.#known = new KeptMap(file);
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
    return { digest, source };
  }

  /** Forgets the files not in `files`. */
  keepOnly(files: ReadonlySet<string>) {
    this.#known.keepOnly((file) => files.has(file));
  }

  /** Writes the digests to their file, if any changed. */
  save() {
    this.#known.save();
  }
}
