import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BodyBlock } from '../../src/lib/markdown/body-blocks.ts';
import { ArticleBodies, articleBodies } from '../../src/publish/article-bodies.ts';
import { partialOf } from '../../src/publish/disk.ts';
import { newerBodies } from '../../src/publish/handover.ts';
import { CACHE_DIR, cacheFiles } from '../../src/publish/state.ts';

const BODY: BodyBlock[] = [
  { type: 'html', html: '<p>Moskau, Peking, Düsseldorf.</p>' },
  { type: 'embed', kind: 'ad', ref: 'article-1' },
];

let folder: string;
beforeEach(() => {
  folder = join(mkdtempSync(join(tmpdir(), 'article-bodies-')), 'bodies');
});
afterEach(() => rmSync(join(folder, '..'), { recursive: true, force: true }));

/** Dates a body's file back, as if written `ago` ms before now. */
const writtenAgo = (digest: string, ago: number) => {
  const time = new Date(Date.now() - ago);
  utimesSync(join(folder, `${digest}.v8`), time, time);
};

describe('ArticleBodies', () => {
  it('gives back a body as it was written, by digest, also to another instance', () => {
    new ArticleBodies(folder).set('abc', BODY);
    expect(new ArticleBodies(folder).get('abc', 'content/articles/xi.md')).toEqual(BODY);
    expect([new ArticleBodies(folder).has('abc'), new ArticleBodies(folder).has('def')]).toEqual([true, false]);
  });

  it('shows an article the body its entry names, or the newer one a save under astro dev named', () => {
    const bodies = new ArticleBodies(folder);
    const newer: BodyBlock[] = [{ type: 'html', html: '<p>Gespeichert.</p>' }];
    bodies.set('alt', BODY);
    bodies.set('neu', newer);
    const entry = { id: 'xi', digest: 'alt', filePath: 'content/articles/xi.md' };
    try {
      expect(bodies.shown(entry)).toEqual(BODY);
      newerBodies().set('xi', 'neu');
      expect(bodies.shown(entry)).toEqual(newer);
      expect(bodies.shown({ ...entry, id: 'putin' })).toEqual(BODY);
    } finally {
      newerBodies().clear();
    }
  });

  it('holds nothing before any was written, and names the article whose body is gone', () => {
    const bodies = new ArticleBodies(folder);
    expect(bodies.has('abc')).toBe(false);
    bodies.keepOnly(new Set(), Date.now());
    expect(() => bodies.get('abc', 'content/articles/xi.md')).toThrow(
      expect.objectContaining({
        message: `content/articles/xi.md: its rendered body (${join(folder, 'abc.v8')}) could not be read; the next sync or build renders it again`,
        cause: expect.objectContaining({ code: 'ENOENT' }),
      }),
    );
  });

  it('counts only whole bodies as held, not one a writer left half-made', () => {
    const bodies = new ArticleBodies(folder);
    bodies.set('abc', BODY);
    writeFileSync(partialOf(join(folder, 'def.v8')), 'halb');
    expect([bodies.has('abc'), bodies.has('def')]).toEqual([true, false]);
  });

  it('forgets the bodies not in use, but none written since the sync began', () => {
    const bodies = new ArticleBodies(folder);
    for (const digest of ['alt', 'neu', 'frisch']) bodies.set(digest, BODY);
    writtenAgo('alt', 60_000);
    writtenAgo('neu', 60_000);
    writtenAgo('frisch', 0);
    bodies.keepOnly(new Set(['neu']), Date.now() - 30_000);
    expect(readdirSync(folder).sort()).toEqual(['frisch.v8', 'neu.v8']);
  });
});

describe('articleBodies', () => {
  it('is the folder of the project’s cache, where the loader writes', () => {
    expect(articleBodies().folder).toBe(cacheFiles(join(process.cwd(), CACHE_DIR)).articleBodies);
  });
});
