import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeptMap } from '../../src/publish/kept-map.ts';

let folder: string;
const file = () => join(folder, 'cache/kept.json');
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'kept-map-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('KeptMap', () => {
  it('gives another process what one saved', () => {
    const first = new KeptMap<{ size: number }>(file());
    first.set('a.md', { size: 12 });
    first.save();
    expect(new KeptMap(file()).get('a.md')).toEqual({ size: 12 });
  });

  it('writes only after a change, and not twice for one', () => {
    const map = new KeptMap<number>(file());
    map.save();
    expect(() => statSync(file())).toThrow();
    map.set('a.md', 1);
    map.save();
    utimesSync(file(), new Date(0), new Date(0));
    map.save();
    map.keepOnly(() => true);
    map.save();
    expect(statSync(file()).mtimeMs).toBe(0);
  });

  it('forgets the keys turned down, and writes that', () => {
    const map = new KeptMap<number>(file());
    map.set('a.md', 1);
    map.set('b.md', 2);
    map.save();
    map.keepOnly((key) => key === 'b.md');
    map.save();
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toEqual({ 'b.md': 2 });
  });

  it('reads a damaged file as an empty map', () => {
    const damaged = join(folder, 'kept.json');
    writeFileSync(damaged, '{"halb');
    expect(new KeptMap(damaged).get('a.md')).toBeUndefined();
  });
});
