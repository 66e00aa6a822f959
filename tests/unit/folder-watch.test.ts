import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchFolders } from '../../src/loaders/folder-watch.ts';

let root: string;
let watching: ReturnType<typeof watchFolders> | undefined;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'folder-watch-'));
  mkdirSync(join(root, 'artikel/2025'), { recursive: true });
});
afterEach(() => {
  watching?.close();
  rmSync(root, { recursive: true, force: true });
});

/** Watches the article folder; `next(path)` resolves once an event names `path`. */
function watchArticles() {
  const waiting = new Map<string, () => void>();
  watching = watchFolders([join(root, 'artikel')], (path) => waiting.get(path)?.());
  return (path: string) => new Promise<void>((resolve) => waiting.set(path, resolve));
}

describe('watchFolders', () => {
  it('names a file written, made or removed in a folder or one inside it', async () => {
    const next = watchArticles();
    for (const path of [join(root, 'artikel/a.md'), join(root, 'artikel/2025/b.md')]) {
      const seen = next(path);
      writeFileSync(path, 'Text');
      await seen;
      const gone = next(path);
      rmSync(path);
      await gone;
    }
  });

  it('watches a folder made after it started, and one made again under an old name', async () => {
    const next = watchArticles();
    for (let round = 0; round < 2; round++) {
      const folder = join(root, 'artikel/2026');
      const made = next(folder);
      mkdirSync(folder);
      await made;
      const path = join(folder, 'c.md');
      const seen = next(path);
      writeFileSync(path, 'Text');
      await seen;
      const gone = next(folder);
      rmSync(folder, { recursive: true });
      await gone;
    }
  });

  it('watches nothing more once closed', async () => {
    const changed: string[] = [];
    const closing = watchFolders([join(root, 'artikel')], (path) => changed.push(path));
    closing.close();
    // Another watch of the same folders sees the file: the system had told the closed ones by then.
    const next = watchArticles();
    for (const path of [join(root, 'artikel/a.md'), join(root, 'artikel/2025/b.md')]) {
      const seen = next(path);
      writeFileSync(path, 'Text');
      await seen;
    }
    expect(changed).toEqual([]);
  });

  it('passes on any error but a folder that is not there, or no folder', () => {
    expect(() => watchFolders([join(root, 'a'.repeat(300))], () => {})).toThrow(expect.objectContaining({ code: 'ENAMETOOLONG' }));
    watching = watchFolders([join(root, 'fehlt'), join(root, 'artikel')], () => {});
  });
});
