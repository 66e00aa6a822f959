import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

interface Known {
  stamp: string;
  digest: string;
}

/**
 * The digests of article files' text, each read again only when its file changed: by size,
 * times and inode, as a save changes them. A sync under `astro dev` after one save reads one
 * file, not the archive; a build starts with none known and reads every file once.
 */
export class SourceDigests {
  #known = new Map<string, Known>();

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
    for (const file of this.#known.keys()) if (!files.has(file)) this.#known.delete(file);
  }
}
