import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { factsOf, manifestStamp, readRecord, recordOf, type SiteRecord, writeRecord } from '../../src/publish/site/site-record.ts';
import { prepareStaging } from '../../src/publish/site/staging.ts';
import { siteFiles, type SiteFiles } from '../support/fake-build.ts';

let folder: string;
const at = (path: string) => join(folder, path);
const live = () => at('live');
const next = () => at('next');
const cache = () => at('cache');

/** Writes `files` into `site` with a record of them, as the last build (or the one before) left it. */
function recorded(site: string, files: SiteFiles, generation: string, last = true): SiteRecord {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), text);
  }
  const record = { generation, manifest: last ? manifestStamp(cache()) : { size: 0, mtimeMs: 0 }, files: Object.fromEntries(Object.keys(files).map((path) => [path, factsOf(join(site, path))])) };
  writeRecord(site, record);
  return record;
}

const LIVE: SiteFiles = { 'index.html': 'Startseite 2', 'politik/index.html': 'Politik', 'neu/index.html': 'Neu', '_astro/app.js': 'app 2' };
const BEFORE: SiteFiles = { 'index.html': 'Startseite 1', 'politik/index.html': 'Politik', 'alt/index.html': 'Alt', '_astro/app.js': 'app 1' };

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'staging-'));
  mkdirSync(cache());
  writeFileSync(join(cache(), 'incremental-build.json'), '{}');
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('prepareStaging', () => {
  it('brings the site before up to date with the live one, keeping what is the same, and records it as a copy', () => {
    const liveRecord = recorded(live(), LIVE, 'zwei');
    recorded(next(), BEFORE, 'eins', false);
    const kept = statSync(join(next(), 'politik/index.html')).ino;
    // Held by a second name, its inode cannot go to a copy made in its place.
    linkSync(join(next(), 'politik/index.html'), at('halter'));
    expect(prepareStaging(live(), next(), cache())).toBe('updated');
    expect(siteFiles(next())).toEqual(LIVE);
    expect(statSync(join(next(), 'politik/index.html')).ino).toBe(kept);
    const record = readRecord(next())!;
    expect(record).toEqual({ ...liveRecord, files: expect.any(Object) });
    for (const path of Object.keys(LIVE)) expect(record.files[path], path).toEqual(factsOf(join(next(), path)));
    // The two folders share no file: a build into one never writes into the other.
    expect(statSync(join(next(), 'index.html')).ino).not.toBe(statSync(join(live(), 'index.html')).ino);
  });

  it('copies the live site into a folder without a record, and removes what else was there', () => {
    recorded(live(), LIVE, 'zwei');
    mkdirSync(join(next(), 'pagefind'), { recursive: true });
    writeFileSync(join(next(), 'notiz.txt'), 'unbekannt');
    writeFileSync(join(next(), 'pagefind/pagefind-entry.json'), '{"fremd":1}');
    expect(prepareStaging(live(), next(), cache())).toBe('copied');
    expect(siteFiles(next())).toEqual(LIVE);
  });

  it('removes files no record names, and keeps the folders of the stores as they are', () => {
    recorded(live(), LIVE, 'zwei');
    recorded(next(), LIVE, 'zwei');
    writeFileSync(join(next(), 'politik/fremd.html'), 'fremd');
    mkdirSync(join(next(), 'pagefind'));
    writeFileSync(join(next(), 'pagefind/pagefind-entry.json'), '{}');
    prepareStaging(live(), next(), cache());
    expect(siteFiles(next())).toEqual({ ...LIVE, 'pagefind/pagefind-entry.json': '{}' });
  });

  it('replaces a file damaged in the site before with the live one', () => {
    recorded(live(), LIVE, 'zwei');
    recorded(next(), LIVE, 'zwei');
    writeFileSync(join(next(), 'politik/index.html'), '');
    writeFileSync(join(next(), 'neu/index.html'), 'Neu, von Hand');
    prepareStaging(live(), next(), cache());
    expect(siteFiles(next())).toEqual(LIVE);
  });

  it('leaves out a file damaged in the live site and missing from the other, for the build to make again', () => {
    recorded(live(), LIVE, 'zwei');
    recorded(next(), BEFORE, 'eins', false);
    writeFileSync(join(live(), 'neu/index.html'), '');
    writeFileSync(join(live(), 'index.html'), 'Startseite X');
    prepareStaging(live(), next(), cache());
    const { 'neu/index.html': _new, 'index.html': _home, ...rest } = LIVE;
    expect(siteFiles(next())).toEqual(rest);
    expect(Object.keys(readRecord(next())!.files).sort()).toEqual(Object.keys(rest).sort());
  });

  it('keeps a file of the live site that was touched but not changed', () => {
    recorded(live(), LIVE, 'zwei');
    writeFileSync(join(live(), 'neu/index.html'), readFileSync(join(live(), 'neu/index.html')));
    prepareStaging(live(), next(), cache());
    expect(siteFiles(next())).toEqual(LIVE);
  });

  it.each([
    ['there is no live site', () => undefined],
    ['the live site has no record', () => {
      recorded(live(), LIVE, 'zwei');
      rmSync(recordOf(live()));
      return live();
    }],
    ['another build has run since the live one', () => {
      recorded(live(), LIVE, 'zwei');
      writeFileSync(join(cache(), 'incremental-build.json'), '{"anders":1}');
      return live();
    }],
  ])('empties the folder when %s', (_case, liveSite) => {
    recorded(next(), BEFORE, 'eins');
    expect(prepareStaging(liveSite(), next(), cache())).toBe('emptied');
    expect(() => statSync(next())).toThrow();
    expect(readRecord(next())).toBeUndefined();
  });
});
