import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { offers } from '../../src/publish/handover.ts';
import { linkFolder, makerOf, partialOf, pruneStore, writeAtomic } from '../../src/publish/disk.ts';

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
