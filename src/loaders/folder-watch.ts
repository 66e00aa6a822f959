import { type Dirent, type FSWatcher, readdirSync, watch } from 'node:fs';
import { join } from 'node:path';

/**
 * Watches `folders` and every folder in them, each with one of the system's own watches
 * (inotify on Linux), and calls `onChange` with the path of whatever changed in them (written,
 * made, removed or renamed). Astro's watcher (chokidar) reads a whole folder again on every
 * change in it, and the system's own recursive watch does no better under Node: with thousands
 * of articles in one folder that was most of the time a save took. A folder that appears is
 * watched too.
 */
export function watchFolders(folders: readonly string[], onChange: (path: string) => void): { close(): void } {
  const watches = new Map<string, FSWatcher>();
  /** Watches `path` and the folders in it, if it is a folder. */
  const add = (path: string) => {
    let entries: Dirent[];
    let watcher: FSWatcher;
    try {
      entries = readdirSync(path, { withFileTypes: true });
      watcher = watch(path, (_event, name) => {
        // Stryker disable next-line ConditionalExpression: equivalent, because Linux names the file of every event
        if (name === null) return;
        const changed = join(path, name);
        // A folder made or moved here (anything else is left alone by add).
        add(changed);
        onChange(changed);
      });
    } catch (error) {
      // A file, or a folder gone again before its watch began.
      if (['ENOTDIR', 'ENOENT'].includes(String((error as NodeJS.ErrnoException).code))) return;
      throw error;
    }
    // A folder made again under a name watched before has a new inode: the old watch is dead.
    watches.get(path)?.close();
    // A folder removed ends its watch with an error on some systems.
    // Stryker disable next-line StringLiteral,ArrowFunction,CallExpression: equivalent, because Linux ends a removed folder's watch without one
    watcher.on('error', () => watcher.close());
    watches.set(path, watcher);
    // Stryker disable next-line ConditionalExpression: equivalent, because add() leaves a file alone too; this spares it a call for each
    for (const entry of entries) if (entry.isDirectory()) add(join(path, entry.name));
  };
  for (const folder of folders) add(folder);
  return {
    close() {
      for (const watcher of watches.values()) watcher.close();
    },
  };
}
