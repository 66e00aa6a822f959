import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { partialOf } from '../../src/publish/disk.ts';
import { EntryCache } from '../../src/publish/entry-cache.ts';

let folder: string;
beforeEach(() => {
  folder = join(mkdtempSync(join(tmpdir(), 'entry-cache-')), 'articles');
});
afterEach(() => rmSync(join(folder, '..'), { recursive: true, force: true }));

const ENTRY = { digest: 'abc', data: { title: 'Xi und Putin', updated: new Date('2025-01-21T14:44:00Z'), images: [{ src: { width: 1600 } }] } };

describe('EntryCache', () => {
  it('gives back an entry as it was made, dates as dates, also to another instance', () => {
    new EntryCache(folder).set('xi', ENTRY);
    const again = new EntryCache(folder).get('xi');
    expect(again).toEqual(ENTRY);
    expect(again?.data.updated).toBeInstanceOf(Date);
  });

  it('has nothing for an entry it never made, or before it made any', () => {
    const cache = new EntryCache(folder);
    expect(cache.get('xi')).toBeUndefined();
    cache.keepOnly(new Set());
    cache.set('xi', ENTRY);
    expect(cache.get('putin')).toBeUndefined();
  });

  it('forgets the entries of articles that are gone', () => {
    const cache = new EntryCache(folder);
    cache.set('xi', ENTRY);
    cache.set('putin', ENTRY);
    cache.keepOnly(new Set(['putin']));
    expect([cache.get('xi'), cache.get('putin')]).toEqual([undefined, ENTRY]);
    expect(existsSync(join(folder, 'xi.v8'))).toBe(false);
  });

  it('leaves alone what is no entry of its own, such as an entry another build is writing', () => {
    const cache = new EntryCache(folder);
    cache.set('xi', ENTRY);
    const writing = partialOf(join(folder, 'putin.v8'));
    writeFileSync(writing, '');
    cache.keepOnly(new Set());
    expect(readdirSync(folder)).toEqual([basename(writing)]);
  });

  it('removes what a killed build left half-written', () => {
    const cache = new EntryCache(folder);
    cache.set('xi', ENTRY);
    // Above the kernel's largest process number: a process that cannot be running.
    writeFileSync(join(folder, 'xi.v8.4194305.partial'), '');
    cache.keepOnly(new Set(['xi']));
    expect(readdirSync(folder)).toEqual(['xi.v8']);
  });
});
