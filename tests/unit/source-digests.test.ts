import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SourceDigests } from '../../src/loaders/articles/source-digests.ts';

let folder: string;
const file = () => join(folder, 'artikel.md');
const sha = (text: string) => createHash('sha256').update(text).digest('base64url');
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'source-digests-'));
  writeFileSync(file(), 'Erste Fassung');
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('the digests of article files', () => {
  it('read a file once, and again only after it was saved', () => {
    const digests = new SourceDigests();
    expect(digests.of(file())).toEqual({ digest: sha('Erste Fassung'), source: 'Erste Fassung' });
    expect(digests.of(file())).toEqual({ digest: sha('Erste Fassung') });
    writeFileSync(file(), 'Zweite Fassung');
    expect(digests.of(file())).toEqual({ digest: sha('Zweite Fassung'), source: 'Zweite Fassung' });
  });

  it('read a file again that was saved with the same size, or only touched', () => {
    const digests = new SourceDigests();
    digests.of(file());
    writeFileSync(file(), 'Erste Fassunk');
    expect(digests.of(file()).source).toBe('Erste Fassunk');
    utimesSync(file(), new Date('2025-01-21T15:44:00Z'), new Date('2025-01-21T15:44:00Z'));
    expect(digests.of(file()).source).toBe('Erste Fassunk');
  });

  it('outlive the process with a file of their own, which they write only when a digest changed', () => {
    const kept = join(folder, 'cache/source-digests.json');
    const first = new SourceDigests(kept);
    first.of(file());
    first.save();
    const written = statSync(kept).mtimeMs;
    const next = new SourceDigests(kept);
    expect(next.of(file())).toEqual({ digest: sha('Erste Fassung') });
    utimesSync(kept, new Date(0), new Date(0));
    next.save();
    expect(statSync(kept).mtimeMs).toBe(0);
    writeFileSync(file(), 'Zweite Fassung');
    expect(next.of(file()).source).toBe('Zweite Fassung');
    next.keepOnly(new Set());
    next.save();
    expect(readFileSync(kept, 'utf8')).toBe('{}');
    expect(written).toBeGreaterThan(0);
  });

  it('read every file again when their file is damaged, and write none without one', () => {
    const kept = join(folder, 'source-digests.json');
    writeFileSync(kept, '{"halb');
    expect(new SourceDigests(kept).of(file()).source).toBe('Erste Fassung');
    const unkept = new SourceDigests();
    unkept.of(file());
    unkept.save();
    expect(readdirSync(folder).sort()).toEqual(['artikel.md', 'source-digests.json']);
  });

  it('forget the files that are gone', () => {
    const digests = new SourceDigests();
    digests.of(file());
    digests.keepOnly(new Set());
    expect(digests.of(file()).source).toBe('Erste Fassung');
    digests.keepOnly(new Set([file()]));
    expect(digests.of(file()).source).toBeUndefined();
  });
});
