import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Every file of a built site, by its path inside `dist`, sorted. */
function filesOf(dist: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Every file of a built site with the SHA-256 of its bytes. */
export function fingerprint(dist: string): Record<string, string> {
  return Object.fromEntries(filesOf(dist).map((file) => [file.slice(dist.length), createHash('sha256').update(readFileSync(file)).digest('hex')]));
}

const GZIP = Buffer.from([0x1f, 0x8b]);

/**
 * The files of a built site that contain any of `needles`, with the needles each contains. The
 * search index's parts are gzip files, read unpacked, so nothing hides in them.
 */
export function filesMentioning(dist: string, needles: readonly string[]): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const file of filesOf(dist)) {
    const bytes = readFileSync(file);
    const text = (bytes.subarray(0, 2).equals(GZIP) ? gunzipSync(bytes) : bytes).toString('utf8');
    const mentioned = needles.filter((needle) => text.includes(needle));
    if (mentioned.length) found[file.slice(dist.length)] = mentioned;
  }
  return found;
}
