import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { offers } from '../../src/publish/handover.ts';
import { filesIn, linkFile, linkFolder, makerOf, partialOf, pruneStore, sameFile, writeAtomic } from '../../src/publish/disk.ts';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'build-store-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('the build store', () => {
  it('links a finished folder into the output, sub-folders included, without copying', () => {
    mkdirSync(join(folder, 'store/teil/fragment'), { recursive: true });
    writeFileSync(join(folder, 'store/teil/fragment/a.pf'), 'a');
    linkFolder(join(folder, 'store'), join(folder, 'dist'));
    expect(statSync(join(folder, 'dist/teil/fragment/a.pf')).ino).toBe(statSync(join(folder, 'store/teil/fragment/a.pf')).ino);
  });

  it('prunes what is not in use and what dead builds left half-made, but not what a live build is making', () => {
    const store = join(folder, 'store');
    mkdirSync(store);
    const dead = 2 ** 22 + 12345;
    for (const name of ['in-use.avif', 'unused.avif', partialOf('live.avif'), `dead.avif.${dead}.partial`]) writeFileSync(join(store, name), '');
    pruneStore(store, new Set(['in-use.avif']));
    expect(readdirSync(store).sort()).toEqual(['in-use.avif', partialOf('live.avif')].sort());
  });
});

/** Writes each file under the test's folder, its folders made. */
function write(files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
}
const text = (path: string) => readFileSync(join(folder, path), 'utf8');
const inode = (path: string) => statSync(join(folder, path)).ino;
/** A folder on another disk than the test's, where the machine has one. */
const OTHER_DISK = '/dev/shm';

describe('the files of a site', () => {
  it('are every file under its folder, sorted, but for the folders skipped and those that hold nothing', () => {
    write({ 'z.html': '', 'a/x.txt': '', 'a/b/c.html': '', 'pagefind/teil.pf': '' });
    mkdirSync(join(folder, 'leer'));
    expect(filesIn(folder, ['pagefind/'])).toEqual(['a/b/c.html', 'a/x.txt', 'z.html']);
    expect(filesIn(folder, [])).toEqual(['a/b/c.html', 'a/x.txt', 'pagefind/teil.pf', 'z.html']);
  });

  it('are the same file only when they are links to one', () => {
    write({ eins: 'gleich', zwei: 'gleich' });
    linkSync(join(folder, 'eins'), join(folder, 'link'));
    expect(sameFile(join(folder, 'eins'), join(folder, 'link'))).toBe(true);
    expect(sameFile(join(folder, 'eins'), join(folder, 'zwei'))).toBe(false);
    expect(sameFile(join(folder, 'eins'), join(folder, 'fehlt'))).toBe(false);
    expect(sameFile(join(folder, 'fehlt'), join(folder, 'eins'))).toBe(false);
  });
});

describe('linking a finished file into the output', () => {
  it('replaces a file of that name without writing through it: it may be a link to another finished file', () => {
    write({ 'store/neu.avif': 'neu', 'store/alt.avif': 'alt' });
    mkdirSync(join(folder, 'dist'));
    linkSync(join(folder, 'store/alt.avif'), join(folder, 'dist/foto.avif'));
    linkFile(join(folder, 'store/neu.avif'), join(folder, 'dist/foto.avif'));
    expect(inode('dist/foto.avif')).toBe(inode('store/neu.avif'));
    expect(text('store/alt.avif')).toBe('alt');
  });

  it('replaces a folder of that name', () => {
    write({ 'store/foto.avif': 'neu', 'dist/foto.avif/darin': 'alt' });
    linkFile(join(folder, 'store/foto.avif'), join(folder, 'dist/foto.avif'));
    expect(text('dist/foto.avif')).toBe('neu');
  });

  it.runIf(existsSync(OTHER_DISK) && statSync(OTHER_DISK).dev !== statSync(tmpdir()).dev)('copies where the output lies on another disk', () => {
    write({ 'store/foto.avif': 'neu' });
    const other = mkdtempSync(join(OTHER_DISK, 'build-store-'));
    try {
      linkFile(join(folder, 'store/foto.avif'), join(other, 'foto.avif'));
      expect(readFileSync(join(other, 'foto.avif'), 'utf8')).toBe('neu');
    } finally {
      rmSync(other, { recursive: true });
    }
  });

  it('makes a folder hold what the store’s folder holds and, of anything else, only what it is told to keep', () => {
    write({ 'store/a.pf': 'a', 'store/teil/b.pf': 'b', 'dist/alt.pf': 'alt', 'dist/teil/alt.pf': 'alt', 'dist/alter-teil/c.pf': 'alt', 'dist/teile.json': '[]' });
    linkFolder(join(folder, 'store'), join(folder, 'dist'), new Set(['teile.json']));
    expect(filesIn(join(folder, 'dist'), [])).toEqual(['a.pf', 'teil/b.pf', 'teile.json']);
  });
});

describe('partial files', () => {
  it('name the process that makes them', () => {
    expect(makerOf(partialOf('x.avif'))).toBe(process.pid);
    expect(makerOf('x.avif')).toBeUndefined();
    expect(makerOf(`${partialOf('x.avif')}.alt`)).toBeUndefined();
  });

  it('are how a file is written whole: aside, then renamed over the old one', () => {
    writeFileSync(join(folder, 'stand.json'), 'alt');
    writeAtomic(join(folder, 'neu/stand.json'), 'neu');
    writeAtomic(join(folder, 'stand.json'), new TextEncoder().encode('ganz'));
    expect(readdirSync(folder).sort()).toEqual(['neu', 'stand.json']);
    expect(readFileSync(join(folder, 'stand.json'), 'utf8')).toBe('ganz');
    expect(readFileSync(join(folder, 'neu/stand.json'), 'utf8')).toBe('neu');
  });

  it('leave no file open behind them', () => {
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    for (let write = 0; write < 20; write++) writeAtomic(join(folder, 'stand.json'), `Fassung ${write}`);
    expect(open()).toBe(before);
  });
});

describe('offers between module instances', () => {
  it('hands what loaders offer to another module instance, the last offer of each, and explains a missing offer', () => {
    const name = `test-${Math.random()}`;
    expect(() => offers<number>(name, 'nothing offered').take()).toThrow('nothing offered');
    offers<number>(name, '').offer('eins', () => [1, 2]);
    offers<number>(name, '').offer('zwei', () => [3]);
    offers<number>(name, '').offer('eins', () => [4]);
    expect(offers<number>(name, '').take()).toEqual([4, 3]);
  });
});
