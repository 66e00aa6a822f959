/** The oldest of `entries` (oldest first) beyond the newest `limit`. */
export function overflow<T>(entries: readonly T[], limit: number): T[] {
  return entries.slice(0, Math.max(0, entries.length - limit));
}

/** A stored hashed file: its address, and for a script its code, which may import others. */
export interface StoredFile {
  url: string;
  code?: string;
}

const nameOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);

/**
 * The files (by address) that no stored page uses any more. A page names the photos it may show
 * and the scripts it runs; a script names the modules it imports, relative to itself. File names
 * carry a hash of their content, so a name found in a page or in a used script is that file.
 */
export function unusedFiles(files: readonly StoredFile[], pages: readonly string[]): string[] {
  const used = new Set<StoredFile>();
  for (let users = [...pages]; users.length > 0; ) {
    const found = files.filter((file) => !used.has(file) && users.some((text) => text.includes(nameOf(file.url))));
    for (const file of found) used.add(file);
    users = found.flatMap((file) => (file.code === undefined ? [] : [file.code]));
  }
  return files.filter((file) => !used.has(file)).map((file) => file.url);
}
