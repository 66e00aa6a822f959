import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SourceDigests } from '../../src/loaders/articles/source-digests.ts';

let folder: string;
const file = () => join(folder, 'artikel.md');
/** Where the digests are kept between processes. */
const kept = () => join(folder, 'cache/source-digests.json');
const sha = (text: string) => createHash('sha256').update(text).digest('base64url');
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'source-digests-'));
  writeFileSync(file(), 'Erste Fassung');
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('the digests of article files', () => {
  it('read a file once, and again only after it was saved', () => {
    const digests = new SourceDigests(kept());
    expect(digests.of(file())).toEqual({ digest: sha('Erste Fassung'), source: 'Erste Fassung' });
    expect(digests.of(file())).toEqual({ digest: sha('Erste Fassung') });
    writeFileSync(file(), 'Zweite Fassung');
    expect(digests.of(file())).toEqual({ digest: sha('Zweite Fassung'), source: 'Zweite Fassung' });
  });

  it('read a file again that was saved with the same size, or only touched', () => {
    const digests = new SourceDigests(kept());
    digests.of(file());
    writeFileSync(file(), 'Erste Fassunk');
    expect(digests.of(file()).source).toBe('Erste Fassunk');
    utimesSync(file(), new Date('2025-01-21T15:44:00Z'), new Date('2025-01-21T15:44:00Z'));
    expect(digests.of(file()).source).toBe('Erste Fassunk');
  });

  it('outlive the process in their file, which they write only when a digest changed', () => {
    const first = new SourceDigests(kept());
    first.of(file());
    first.save();
    const next = new SourceDigests(kept());
    expect(next.of(file())).toEqual({ digest: sha('Erste Fassung') });
    // Neither a process that read nothing new nor one that saved already writes again.
    utimesSync(kept(), new Date(0), new Date(0));
    next.save();
    first.save();
    expect(statSync(kept()).mtimeMs).toBe(0);
    writeFileSync(file(), 'Zweite Fassung');
    expect(next.of(file()).source).toBe('Zweite Fassung');
    next.keepOnly(new Set());
    next.save();
    expect(readFileSync(kept(), 'utf8')).toBe('{}');
  });

  it('read every file again when their file is damaged', () => {
    mkdirSync(join(folder, 'cache'));
    writeFileSync(kept(), '{"halb');
    expect(new SourceDigests(kept()).of(file()).source).toBe('Erste Fassung');
  });

  it('forget the files that are gone', () => {
    const digests = new SourceDigests(kept());
    digests.of(file());
    digests.keepOnly(new Set());
    expect(digests.of(file()).source).toBe('Erste Fassung');
    digests.keepOnly(new Set([file()]));
    expect(digests.of(file()).source).toBeUndefined();
  });
});
