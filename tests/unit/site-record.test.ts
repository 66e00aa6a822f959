import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copiedFacts, factsOf, hashFile, holdsLastBuild, isIntact, manifestStamp, readRecord, recordOf, writeRecord } from '../../src/publish/site/site-record.ts';

let folder: string;
const at = (path: string) => join(folder, path);
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'site-record-'));
  mkdirSync(at('site'));
  writeFileSync(at('site/index.html'), '<h1>Start</h1>');
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const sha = (text: string) => createHash('sha256').update(text).digest('base64url');

describe('the record of a site', () => {
  it('lies beside its folder, and is read back as written', () => {
    expect(recordOf('/x/dist/')).toBe('/x/dist.record.json');
    const record = { generation: 'g', manifest: { size: 1, mtimeMs: 2 }, files: { 'index.html': factsOf(at('site/index.html')) } };
    writeRecord(at('site'), record);
    expect(readRecord(at('site'))).toEqual(record);
  });

  it.each([
    ['no record', undefined],
    ['a record that is no JSON', '{"generation":'],
    ['a record of the older layout, without files', '{"generation":"g","written":[],"removed":[]}'],
    ['a record whose files are null', '{"generation":"g","files":null}'],
    ['a record without generation', '{"files":{}}'],
  ])('is none for %s', (_case, text) => {
    if (text !== undefined) writeFileSync(recordOf(at('site')), text);
    expect(readRecord(at('site'))).toBeUndefined();
  });

  it('is none for a folder that is gone, whatever was left beside it', () => {
    writeRecord(at('site'), { generation: 'g', files: {} });
    rmSync(at('site'), { recursive: true });
    expect(readRecord(at('site'))).toBeUndefined();
  });
});

describe('the facts of a file', () => {
  it('are its size, the hash of its bytes and its seal', () => {
    const stats = statSync(at('site/index.html'));
    expect(factsOf(at('site/index.html'))).toEqual([14, sha('<h1>Start</h1>'), stats.ino, stats.ctimeMs]);
    expect(hashFile(at('site/index.html'))).toBe(sha('<h1>Start</h1>'));
  });

  it('take the hash they know while the seal holds, and hash the file again once it is touched', () => {
    const known = factsOf(at('site/index.html'));
    const trusted: typeof known = [known[0], 'bekannt', known[2], known[3]];
    expect(factsOf(at('site/index.html'), trusted)[1]).toBe('bekannt');
    writeFileSync(at('site/index.html'), '<h1>Neu!</h1>!');
    expect(factsOf(at('site/index.html'), trusted)[1]).toBe(sha('<h1>Neu!</h1>!'));
  });

  it('hash the file again when any part of the seal is another file’s: its size, its inode or its change time', () => {
    const [size, , ino, changed] = factsOf(at('site/index.html'));
    for (const other of [[size + 1, 'bekannt', ino, changed], [size, 'bekannt', ino + 1, changed], [size, 'bekannt', ino, changed + 1]] as const) {
      expect(factsOf(at('site/index.html'), [...other])[1], String(other)).toBe(sha('<h1>Start</h1>'));
    }
  });

  it('of a copy carry the hash of what was copied, and the copy’s own seal', () => {
    const stats = statSync(at('site/index.html'));
    expect(copiedFacts(at('site/index.html'), 'kopiert')).toEqual([14, 'kopiert', stats.ino, stats.ctimeMs]);
  });
});

describe('whether a file is intact', () => {
  it('is told by its seal without reading it', () => {
    const facts = factsOf(at('site/index.html'));
    expect(isIntact(at('site/index.html'), [facts[0], 'nie gelesen', facts[2], facts[3]])).toBe(true);
  });

  it('is told by size and hash once the seal is broken, so a file touched but unchanged is intact', () => {
    const facts = factsOf(at('site/index.html'));
    const then = new Date('2025-01-21T15:44:00Z');
    utimesSync(at('site/index.html'), then, then);
    expect(isIntact(at('site/index.html'), facts)).toBe(true);
    writeFileSync(at('site/index.html'), '<h1>Stört</h1>');
    expect(isIntact(at('site/index.html'), facts)).toBe(false);
  });

  it.each([
    ['emptied', () => writeFileSync(at('site/index.html'), '')],
    ['deleted', () => rmSync(at('site/index.html'))],
    ['made a folder', () => {
      rmSync(at('site/index.html'));
      mkdirSync(at('site/index.html'));
    }],
  ])('is not, when %s', (_case, damage) => {
    const facts = factsOf(at('site/index.html'));
    damage();
    expect(isIntact(at('site/index.html'), facts)).toBe(false);
  });
});

describe('whether a site is the last build’s', () => {
  const manifest = () => at('cache/incremental-build.json');
  it('is told by the stamp of Astro’s manifest', () => {
    expect(manifestStamp(at('cache'))).toBeUndefined();
    mkdirSync(at('cache'));
    writeFileSync(manifest(), '{}');
    const stamp = manifestStamp(at('cache'))!;
    expect(stamp).toEqual({ size: 2, mtimeMs: statSync(manifest()).mtimeMs });
    expect(holdsLastBuild({ generation: 'g', manifest: stamp, files: {} }, at('cache'))).toBe(true);
    expect(holdsLastBuild({ generation: 'g', manifest: { ...stamp, size: 3 }, files: {} }, at('cache'))).toBe(false);
    expect(holdsLastBuild({ generation: 'g', manifest: { ...stamp, mtimeMs: 1 }, files: {} }, at('cache'))).toBe(false);
    expect(holdsLastBuild({ generation: 'g', files: {} }, at('cache'))).toBe(false);
    expect(holdsLastBuild(undefined, at('cache'))).toBe(false);
    rmSync(manifest());
    expect(holdsLastBuild({ generation: 'g', manifest: stamp, files: {} }, at('cache'))).toBe(false);
  });
});
