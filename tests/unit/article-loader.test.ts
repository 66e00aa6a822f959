import type { EventEmitter } from 'node:events';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { articleLoader } from '../../src/loaders/article-loader.ts';
import { articleSchema } from '../../src/lib/content/article-schema.ts';
import { photoSchema } from '../../src/lib/content/photo-schema.ts';
import { SAVE_SETTLES_MS } from '../../src/loaders/watched-sync.ts';
import { newerBodies, photosInUse, searchableArticles } from '../../src/publish/handover.ts';
import { onPagesOutdated } from '../../src/publish/preview/content-problems.ts';
import { ArticleBodies } from '../../src/publish/article-bodies.ts';
import { cacheFiles } from '../../src/publish/state.ts';
import { fakeLoaderContext } from '../support/loader-context.ts';

/** The folders the loader watches itself (folder-watch.ts, tested on its own); the tests fire its events through Astro's watcher. */
const watchedFolders = vi.hoisted(() => [] as string[]);
vi.mock('../../src/loaders/folder-watch.ts', () => ({
  watchFolders: (folders: readonly string[]) => {
    watchedFolders.push(...folders);
    return { close() {} };
  },
}));

/** 21.01.2025, 15:44 in Berlin: the build's "now", fixed as SOURCE_DATE_EPOCH fixes it (read once, as the environment module loads). */
vi.mock('../../src/publish/environment.ts', async (original) => ({
  ...(await original<typeof import('../../src/publish/environment.ts')>()),
  buildNow: () => new Date(1_737_470_640_000),
}));

const FRONT_MATTER = `kicker: Diplomatie
title: Xi und Putin sprechen per Videoschalte
lead: Ein Vorspann.
section: politik/international
authors: [sabine-gusbeth]
updated: 2025-01-21T15:44:00+01:00
images:
  - id: foto
    src: ../images/foto.jpg
    alt: Platzhalterbild
    caption: Videokonferenz.
    credit: "Foto: AP"`;
const BODY = '::figure{image="foto"}\n\n:dateline[Berlin.] Text.\n\n::ad{slot="article-1"}\n';

let site: string;
let article: string;
/** A site with one article, its photo and the lists it refers to. */
function writeSite() {
  site = mkdtempSync(join(tmpdir(), 'article-loader-'));
  mkdirSync(join(site, 'articles'));
  mkdirSync(join(site, 'images'));
  copyFileSync('tests/fixtures/images/foto.jpg', join(site, 'images/foto.jpg'));
  writeFileSync(join(site, 'authors.yaml'), '- id: sabine-gusbeth\n  name: Sabine Gusbeth\n');
  writeFileSync(join(site, 'topics.yaml'), '- id: russland\n  name: Russland\n');
  writeFileSync(join(site, 'sections.yaml'), '- id: politik/international\n  name: International\n');
  writeFileSync(join(site, 'ad-slots.yaml'), '- id: article-1\n  format: medium-rectangle\n');
  article = join(site, 'articles/beispiel.md');
  writeArticle();
}
const writeArticle = (frontMatter = FRONT_MATTER, body = BODY, path = article) => writeFileSync(path, `---\n${frontMatter}\n---\n\n${body}`);
const options = () => ({
  directory: join(site, 'articles'),
  inventory: {
    authors: join(site, 'authors.yaml'),
    topics: join(site, 'topics.yaml'),
    sections: join(site, 'sections.yaml'),
    adSlots: join(site, 'ad-slots.yaml'),
  },
});

const schema = articleSchema(() => photoSchema);
/** The folder of the entries the loader keeps between processes. */
const entryCache = () => cacheFiles(join(site, 'cache')).articles;
/** The rendered bodies it keeps beside the store. */
const bodies = () => new ArticleBodies(cacheFiles(join(site, 'cache')).articleBodies);

/** Astro's side, with the collection's own schema; `rendered` lists the articles it checked, which the loader renders first. */
function astro(dev = false) {
  const rendered: string[] = [];
  const parseData = async ({ id, data }: { id: string; data: unknown }) => {
    rendered.push(id);
    return schema.parse(data);
  };
  const fake = fakeLoaderContext<{ id: string; data: Record<string, unknown>; filePath: string; digest: string }>({
    dev,
    cacheDir: pathToFileURL(join(site, 'cache/')),
    parseData,
  });
  return { ...fake, rendered };
}

beforeEach(() => {
  writeSite();
});
afterEach(() => {
  vi.useRealTimers();
  watchedFolders.length = 0;
  newerBodies().clear();
  rmSync(site, { recursive: true, force: true });
});

describe('the article loader in a build', () => {
  it('stores each article with what its body places and its photos described, its body rendered beside the store, and hands them on', async () => {
    const { entries, logged, context } = astro();
    const loader = articleLoader(options());
    expect(loader.name).toBe('article-loader');
    await loader.load(context);
    const entry = entries.get('beispiel');
    expect(entry).toMatchObject({ id: 'beispiel', filePath: article, data: { title: 'Xi und Putin sprechen per Videoschalte', placed: { ads: ['article-1'], topics: false } } });
    expect(entry?.data).not.toHaveProperty('body');
    const body = bodies().get(String(entry?.digest), article);
    expect(body.map((block) => block.type)).toEqual(['embed', 'html', 'embed']);
    expect(readdirSync(bodies().folder)).toEqual([`${entry?.digest}.v8`]);
    const photo = (entry?.data.images as { src: { fsPath: string; src: string } }[])[0].src;
    expect(photo).toMatchObject({ fsPath: join(site, 'images/foto.jpg'), format: 'jpg' });
    expect(logged).toEqual([]);
    expect(existsSync(join(site, 'cache/photo-catalog-articles.json'))).toBe(true);
    const [searchable] = searchableArticles.take();
    expect(searchable).toMatchObject({ id: 'beispiel', digest: entry?.digest, lead: 'Ein Vorspann.' });
    expect(searchable.body()).toEqual(body);
    expect(photosInUse.take()).toContainEqual(photo);
  });

  it('digests the code of the content loader and the markdown pipeline, so a change to it renders every article anew', async () => {
    const { digested, context } = astro();
    await articleLoader(options()).load(context);
    for (const code of ['src/lib/content/read-article.ts', 'src/lib/markdown/remark-embeds.ts', 'src/loaders/articles/entries.ts']) {
      expect(digested[0]).toContain(readFileSync(code, 'utf8'));
    }
  });

  it('renders an article again only when its file, its photo or the ad slots changed', async () => {
    const { entries, written, rendered, context } = astro();
    const loader = articleLoader(options());
    await loader.load(context);
    await loader.load(context);
    expect(rendered).toEqual(['beispiel']);
    expect(written).toEqual(['beispiel']);
    // The body it did not render again is kept.
    expect(bodies().has(String(entries.get('beispiel')?.digest))).toBe(true);

    writeArticle(FRONT_MATTER.replace('Ein Vorspann.', 'Ein neuer Vorspann.'));
    await loader.load(context);
    expect(rendered).toHaveLength(2);
    expect(entries.get('beispiel')?.data.lead).toBe('Ein neuer Vorspann.');

    await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c00' } }).jpeg().toFile(join(site, 'images/foto.jpg'));
    await loader.load(context);
    expect(rendered).toHaveLength(3);
    expect((entries.get('beispiel')?.data.images as { src: { width: number } }[])[0].src.width).toBe(40);

    writeFileSync(join(site, 'ad-slots.yaml'), '- id: article-1\n  format: medium-rectangle\n- id: article-2\n  format: medium-rectangle\n');
    await loader.load(context);
    expect(rendered).toHaveLength(4);
  });

  it('renders again when the ad slots change, even when their ids run together the same', async () => {
    const { context } = astro();
    const loader = articleLoader(options());
    writeFileSync(join(site, 'ad-slots.yaml'), '- id: article-1\n  format: medium-rectangle\n- id: a\n  format: medium-rectangle\n');
    await loader.load(context);
    writeFileSync(join(site, 'ad-slots.yaml'), '- id: article-1a\n  format: medium-rectangle\n');
    await expect(loader.load(context)).rejects.toThrow(`${article}:20: \`::ad\` refers to unknown slot "article-1" (known: "article-1a")`);
  });

  it('checks the references of an unchanged article on every sync', async () => {
    const { context } = astro();
    const loader = articleLoader(options());
    await loader.load(context);
    writeFileSync(join(site, 'authors.yaml'), '- id: mareike-mueller\n  name: Mareike Müller\n');
    await expect(loader.load(context)).rejects.toThrow(
      `${article}:6: authors[0]: unknown author "sabine-gusbeth"; add it to content/authors.yaml or use one of "mareike-mueller"`,
    );
  });

  it('leaves drafts and articles under embargo out, saying so, and takes back an article made a draft again', async () => {
    const { entries, logged, context } = astro();
    const loader = articleLoader(options());
    writeArticle(FRONT_MATTER.replace('updated: 2025-01-21T15:44:00+01:00', 'published: 2025-01-22T06:00:00+01:00'), BODY, join(site, 'articles/morgen.md'));
    await loader.load(context);
    expect([...entries.keys()]).toEqual(['beispiel']);
    expect(logged).toEqual([`info ${join(site, 'articles/morgen.md')}: Sperrfrist bis 22.01.2025 - 06:00 Uhr; left out of this build`]);

    writeArticle(`${FRONT_MATTER}\ndraft: true`);
    await loader.load(context);
    expect([...entries.keys()]).toEqual([]);
    expect(logged.at(-2)).toBe(`info ${article}: Entwurf; left out of this build`);
  });

  it('changes nothing in the store when it syncs again while an article waits for its embargo', async () => {
    const { written, deleted, context } = astro();
    const loader = articleLoader(options());
    writeArticle(FRONT_MATTER.replace('updated: 2025-01-21T15:44:00+01:00', 'published: 2025-01-22T06:00:00+01:00'), BODY, join(site, 'articles/morgen.md'));
    await loader.load(context);
    expect(written).toEqual(['beispiel']);
    await loader.load(context);
    expect(written).toEqual(['beispiel']);
    expect(deleted).toEqual([]);
  });

  it('forgets an article whose file is gone, in the store and in the entry cache', async () => {
    const { entries, context } = astro();
    const loader = articleLoader(options());
    await loader.load(context);
    expect(readdirSync(entryCache())).toEqual(['beispiel.v8']);
    rmSync(article);
    await loader.load(context);
    expect([...entries.keys()]).toEqual([]);
    expect(searchableArticles.take()).toEqual([]);
    expect(readdirSync(entryCache())).toEqual([]);
  });

  it('keeps the digests of the files it read for the next process, and forgets a file that is gone', async () => {
    const { context } = astro();
    const other = join(site, 'articles/zweiter.md');
    writeArticle(FRONT_MATTER, BODY, other);
    const kept = () => Object.keys(JSON.parse(readFileSync(cacheFiles(join(site, 'cache')).sourceDigests, 'utf8')) as object).sort();
    await articleLoader(options()).load(context);
    expect(kept()).toEqual([article, other]);
    rmSync(other);
    await articleLoader(options()).load(context);
    expect(kept()).toEqual([article]);
  });

  it('takes an entry an earlier process made from the entry cache, as the build after a preview does', async () => {
    await articleLoader(options()).load(astro().context);
    const next = astro();
    await articleLoader(options()).load(next.context);
    expect(next.rendered).toEqual([]);
    expect(next.entries.get('beispiel')?.data.lead).toBe('Ein Vorspann.');
  });

  it('takes an entry from the store when the entry cache has lost it', async () => {
    const { rendered, context } = astro();
    await articleLoader(options()).load(context);
    rmSync(entryCache(), { recursive: true });
    await articleLoader(options()).load(context);
    expect(rendered).toEqual(['beispiel']);
  });

  it('renders anew an entry whose body is gone, from the store or the entry cache, and forgets old bodies', async () => {
    const { rendered, entries, context } = astro();
    await articleLoader(options()).load(context);
    rmSync(bodies().folder, { recursive: true });
    await articleLoader(options()).load(context);
    expect(rendered).toEqual(['beispiel', 'beispiel']);
    const first = String(entries.get('beispiel')?.digest);
    expect(bodies().get(first, article)).toHaveLength(3);

    writeArticle(FRONT_MATTER, `${BODY}\nNoch ein Absatz.\n`);
    await articleLoader(options()).load(context);
    const second = String(entries.get('beispiel')?.digest);
    expect(second).not.toBe(first);
    expect(readdirSync(bodies().folder)).toEqual([`${second}.v8`]);
  });

  it('renders anew over a cached entry it cannot use', async () => {
    mkdirSync(entryCache(), { recursive: true });
    writeFileSync(join(entryCache(), 'beispiel.v8'), serialize({ digest: 'aus einer älteren Fassung' }));
    const { rendered, entries, context } = astro();
    await articleLoader(options()).load(context);
    expect(rendered).toEqual(['beispiel']);
    expect(entries.get('beispiel')?.data.lead).toBe('Ein Vorspann.');
  });

  it('knows the other articles, for the teasers that point at them', async () => {
    writeArticle(`${FRONT_MATTER}\nrelated:\n  - id: anderer\n    kicker: Test\n    title: Ein Teaser\n    article: anderer`);
    writeArticle(FRONT_MATTER, BODY, join(site, 'articles/anderer.md'));
    const { entries, logged, context } = astro();
    await articleLoader(options()).load(context);
    expect([...entries.keys()].sort()).toEqual(['anderer', 'beispiel']);
    expect(logged).toEqual([]);
  });

  it('warns about a lead too long for search results, at its line', async () => {
    const { logged, context } = astro();
    writeArticle(FRONT_MATTER.replace('Ein Vorspann.', 'x'.repeat(321)));
    await articleLoader(options()).load(context);
    expect(logged).toEqual([`warn ${article}:4: lead: has 321 characters; search results and link previews cut a description after 320 at most`]);
  });

  it('stops at a broken data file', async () => {
    const { context } = astro();
    writeFileSync(join(site, 'topics.yaml'), 'russland: Russland\n');
    await expect(articleLoader(options()).load(context)).rejects.toThrow(`${join(site, 'topics.yaml')}:1: expected a YAML list of entries`);
  });
});

describe('the article loader under astro dev', () => {
  /** One save as an editor's tool makes it, and the moment of quiet after it. */
  const save = async (watcher: EventEmitter, path: string, event = 'change') => {
    watcher.emit('all', event, path);
    await vi.advanceTimersByTimeAsync(SAVE_SETTLES_MS);
  };

  it('keeps drafts and articles under embargo for the preview', async () => {
    const { entries, logged, context } = astro(true);
    writeArticle(`${FRONT_MATTER}\ndraft: true`);
    await articleLoader(options()).load(context);
    expect([...entries.keys()]).toEqual(['beispiel']);
    expect(logged).toEqual([]);
  });

  it('leaves the store as it was when a save changed a body alone, names the new body for the page, and keeps the old one', async () => {
    const { entries, written, watcher, context } = astro(true);
    await articleLoader(options()).load(context);
    const entry = entries.get('beispiel')!;
    const before = String(entry.digest);
    vi.useFakeTimers();
    writeArticle(FRONT_MATTER, `${BODY}\nNoch ein Absatz.\n`);
    await save(watcher, article);
    expect(entries.get('beispiel')).toBe(entry);
    expect(written).toEqual(['beispiel']);
    const after = newerBodies().get('beispiel');
    expect(readdirSync(bodies().folder).sort()).toEqual([`${before}.v8`, `${after}.v8`].sort());
    expect(bodies().shown(entry).map((block) => block.type)).toEqual(['embed', 'html', 'embed', 'html']);
    // A page asked for during the save still names the old body.
    expect(bodies().get(before, article)).toHaveLength(3);

    writeArticle(FRONT_MATTER.replace('Ein Vorspann.', 'Gespeichert.'), `${BODY}\nNoch ein Absatz.\n`);
    await save(watcher, article);
    expect(entries.get('beispiel')?.data.lead).toBe('Gespeichert.');
    expect(newerBodies().has('beispiel')).toBe(false);
    expect(bodies().shown(entries.get('beispiel')!)).toHaveLength(4);
  });

  it('stores what a save held back once a sync reads every file, without rendering it again', async () => {
    const { entries, rendered, watcher, context } = astro(true);
    await articleLoader(options()).load(context);
    vi.useFakeTimers();
    writeArticle(FRONT_MATTER, `${BODY}\nNoch ein Absatz.\n`);
    await save(watcher, article);
    const before = String(entries.get('beispiel')?.digest);
    const after = newerBodies().get('beispiel');
    // A list saved: every file is read again.
    await save(watcher, join(site, 'topics.yaml'));
    expect(entries.get('beispiel')?.digest).toBe(after);
    expect(newerBodies().size).toBe(0);
    expect(rendered).toEqual(['beispiel', 'beispiel']);
    // A page asked for during the sync may still name the body before.
    expect(bodies().has(before)).toBe(true);
  });

  it('has the open pages reload when every file read again leaves the store as it was, but a newer body no longer shows', async () => {
    const { watcher, context } = astro(true);
    await articleLoader(options()).load(context);
    vi.useFakeTimers();
    const reloads = vi.fn();
    const stop = onPagesOutdated(reloads);
    try {
      writeArticle(FRONT_MATTER, `${BODY}\nNoch ein Absatz.\n`);
      await save(watcher, article);
      expect(reloads).toHaveBeenCalledTimes(1);
      // The article as the store has it again, and a list saved: every file is read.
      writeArticle();
      await save(watcher, join(site, 'topics.yaml'));
      expect(reloads).toHaveBeenCalledTimes(2);
      await save(watcher, join(site, 'authors.yaml'));
      expect(reloads).toHaveBeenCalledTimes(2);
    } finally {
      stop();
    }
  });

  it('reads only the articles a save changed in place, and every file after one added or removed', async () => {
    const { entries, logged, watcher, context } = astro(true);
    const other = join(site, 'articles/zweiter.md');
    writeArticle(FRONT_MATTER, BODY, other);
    await articleLoader(options()).load(context);
    vi.useFakeTimers();
    // Changed on disk without an event, then a save of the other article: not read.
    writeArticle(FRONT_MATTER.replace('Ein Vorspann.', 'Ohne Ereignis.'), BODY, other);
    writeArticle(FRONT_MATTER.replace('Ein Vorspann.', 'Gespeichert.'));
    await save(watcher, article);
    expect([entries.get('beispiel')?.data.lead, entries.get('zweiter')?.data.lead]).toEqual(['Gespeichert.', 'Ein Vorspann.']);
    // A mistake saved, then its fix: still that file alone.
    writeArticle(FRONT_MATTER.replace('2025-01-21T15:44', '2025-13-21T15:44'));
    await save(watcher, article);
    expect(logged).toEqual([expect.stringMatching(/^error .*beispiel\.md:7: updated: .*month 13/)]);
    writeArticle(FRONT_MATTER.replace('Ein Vorspann.', 'Berichtigt.'));
    await save(watcher, article);
    expect([entries.get('beispiel')?.data.lead, entries.get('zweiter')?.data.lead]).toEqual(['Berichtigt.', 'Ein Vorspann.']);
    // A new article saved with a change to a known one: every file is read.
    writeArticle(FRONT_MATTER, BODY, join(site, 'articles/dritter.md'));
    watcher.emit('all', 'change', article);
    await save(watcher, join(site, 'articles/dritter.md'), 'add');
    expect([...entries.keys()].sort()).toEqual(['beispiel', 'dritter', 'zweiter']);
    expect(entries.get('zweiter')?.data.lead).toBe('Ohne Ereignis.');
  });

  it('stores a save that changes what the body places', async () => {
    const { entries, watcher, context } = astro(true);
    await articleLoader(options()).load(context);
    vi.useFakeTimers();
    writeArticle(FRONT_MATTER, BODY.replace('::ad{slot="article-1"}', ''));
    await save(watcher, article);
    expect(entries.get('beispiel')?.data.placed).toEqual({ ads: [], topics: false });
    expect(newerBodies().has('beispiel')).toBe(false);
  });

  it('leaves a broken data file to the loader of that file', async () => {
    const { entries, logged, context } = astro(true);
    writeFileSync(join(site, 'topics.yaml'), 'russland: Russland\n');
    await articleLoader(options()).load(context);
    expect(logged).toEqual([]);
    expect(entries.size).toBe(0);
  });

  it('syncs again when an article, a folder of articles or a list it refers to is saved, and not for other files', async () => {
    const { entries, digested, watcher, context } = astro(true);
    await articleLoader(options()).load(context);
    expect(watcher.watched).toEqual(Object.values(options().inventory));
    expect(watchedFolders).toEqual([join(site, 'articles')]);
    vi.useFakeTimers();
    /** The syncs that read every file (and digest the code again). */
    const syncs = () => digested.filter((input) => input.includes('export function readArticle')).length;

    for (const other of [join(site, 'articles/.beispiel.md.swp'), join(site, 'articles/beispiel.md~'), join(site, 'README.md'), join(site, 'partners.yaml')]) {
      await save(watcher, other);
    }
    expect(syncs()).toBe(1);

    writeArticle(FRONT_MATTER.replace('Ein Vorspann.', 'Gespeichert.'));
    await save(watcher, article);
    await vi.waitFor(() => expect(entries.get('beispiel')?.data.lead).toBe('Gespeichert.'));

    mkdirSync(join(site, 'articles/2025'));
    writeArticle(FRONT_MATTER.replace('../images/', '../../images/'), BODY, join(site, 'articles/2025/zweiter.md'));
    await save(watcher, join(site, 'articles/2025'), 'addDir');
    await vi.waitFor(() => expect(entries.has('zweiter')).toBe(true));

    const digest = entries.get('beispiel')?.digest;
    writeFileSync(join(site, 'ad-slots.yaml'), '- id: article-1\n  format: medium-rectangle\n- id: article-2\n  format: medium-rectangle\n');
    await save(watcher, join(site, 'ad-slots.yaml'));
    await vi.waitFor(() => expect(entries.get('beispiel')?.digest).not.toBe(digest));
    // Every save read all files but the article's, which read that file alone.
    expect(syncs()).toBe(3);
  });
});
