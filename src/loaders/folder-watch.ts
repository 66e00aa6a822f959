import { type FSWatcher, readdirSync, statSync, watch } from 'node:fs';
import { join } from 'node:path';

/**
 * Watches `folders` and every folder in them, each with one of the system's own watches
 * (inotify on Linux), and calls `onChange` with the path of whatever changed in them (written, made, removed or renamed). Astro's
 * watcher (chokidar) reads a whole folder again on every change in it, and the system's own
 * recursive watch does no better under Node: with thousands of articles in one folder that was
 * most of the time a save took. A folder that appears is watched too.
 */
export function watchFolders(folders: readonly string[], onChange: (path: string) => void): { close(): void } {
  const watches = new Map<string, FSWatcher>();
  const add = (folder: string) => {
    // A folder made again under a name watched before has a new inode: the old watch is dead.
    watches.get(folder)?.close();
    const watcher = watch(folder, (event, name) => {
      if (name === null) return;
      const path = join(folder, name);
      if (event === 'rename' && statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
        try {
          add(path);
        } catch (error) {
          // Gone again before its watch began: nothing to watch.
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
      }
      onChange(path);
    });
    // A folder removed ends its watch with an error on some systems.
    watcher.on('error', () => watcher.close());
    watches.set(folder, watcher);
    for (const entry of readdirSync(folder, { withFileTypes: true })) if (entry.isDirectory()) add(join(folder, entry.name));
  };
  for (const folder of folders) add(folder);
  return {
    close() {
      for (const watcher of watches.values()) watcher.close();
    },
  };
}
