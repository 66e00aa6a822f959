import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { astroBuildIn, pagesBuilt, productionBuildIn } from '../support/astro-cli.ts';
import { SOURCE_DATE_EPOCH } from '../support/build-site.ts';
import { copySite } from '../support/site-copy.ts';
import { fingerprint } from '../support/site-files.ts';

// `npm run build` keeps the site it replaced as the folder of the next build and brings it up to
// date, so unchanged pages stay in place; these tests prove that what it ships is exactly what a
// build from nothing makes of the same content, whatever happened to the folders in between.
const site = copySite();
const copies = [site];
afterAll(() => {
  for (const copy of copies) copy.remove();
});

const ARTICLE = readFileSync('content/articles/xi-und-putin-sprechen-per-videoschalte.md', 'utf8');
const ARTICLE_PAGE = 'dist/politik/international/xi-und-putin-sprechen-per-videoschalte/index.html';
const at = (path: string) => join(site.root, path);
const build = async () => {
  const { stdout } = await productionBuildIn(site.root, { SOURCE_DATE_EPOCH });
  return { stdout, ...pagesBuilt(at('dist')) };
};
const next = 'dist.builds/next/site';
const generations = () => readdirSync(at('dist.builds')).sort();

/** The site a cold `astro build` makes of the same content, in a copy of its own. */
async function coldBuildOfSameContent() {
  const cold = copySite();
  copies.push(cold);
  rmSync(join(cold.root, 'content'), { recursive: true });
  cpSync(at('content'), join(cold.root, 'content'), { recursive: true });
  await astroBuildIn(cold.root, { SOURCE_DATE_EPOCH });
  return fingerprint(join(cold.root, 'dist'));
}

describe('npm run build, build after build', () => {
  it('starts from an empty folder, then from a copy of the live site, then brings it up to date', async () => {
    expect((await build()).stdout).toContain(`${at(next)}: emptied.`);
    const second = await build();
    expect(second.stdout).toContain(`${at(next)}: a copy of the live site.`);
    // Every page with a cache key was already in place: none copied from Astro's cache.
    expect(second.restored.length).toBeGreaterThan(5);
    expect(second.copied).toEqual([]);
    writeFileSync(at('content/articles/neu.md'), ARTICLE.replace(/^title: .*$/m, 'title: Ein neuer Artikel'));
    const third = await build();
    expect(third.stdout).toContain(`${at(next)}: brought up to date with the live site.`);
    expect(third.rendered).toContain('politik/international/neu/index.html');
    expect(existsSync(at('dist/politik/international/neu/index.html'))).toBe(true);
  });

  it('goes live by switching one link, and keeps the site before beside it, nothing more', () => {
    expect(lstatSync(at('dist')).isSymbolicLink()).toBe(true);
    const live = readlinkSync(at('dist'));
    expect(live).toMatch(/^dist\.builds\/[0-9a-f-]{36}\/site$/);
    const kept = generations();
    expect(kept).toHaveLength(2);
    expect(kept).toContain(live.split('/')[1]);
    expect(readdirSync(site.root).filter((name) => name.startsWith('dist'))).toEqual(['dist', 'dist.builds']);
  });

  it('ships exactly what a cold build makes, after a new article', async () => {
    expect(fingerprint(at('dist'))).toEqual(await coldBuildOfSameContent());
  });

  it('ships exactly what a cold build makes when the pages the last build changed stay as they are', async () => {
    // Only the article pages change, where the house ad shows; the listings the new article
    // changed last time are taken as they are, and must be the new ones.
    const houseAds = at('content/house-ads.yaml');
    writeFileSync(houseAds, readFileSync(houseAds, 'utf8').replace('headline: Newsletter abonnieren', 'headline: Newsletter bestellen'));
    const { rendered, restored } = await build();
    expect(rendered).toContain('politik/international/neu/index.html');
    expect(restored).toContain('politik/international/index.html');
    expect(fingerprint(at('dist'))).toEqual(await coldBuildOfSameContent());
  });

  it('ships exactly what a cold build makes, after an article is deleted and a photo replaced', async () => {
    rmSync(at('content/articles/neu.md'));
    await sharp(at('content/images/oval-office.jpg')).flop().toFile(at('content/images/gespiegelt.jpg'));
    writeFileSync(at('content/images/oval-office.jpg'), readFileSync(at('content/images/gespiegelt.jpg')));
    rmSync(at('content/images/gespiegelt.jpg'));
    const { stdout } = await build();
    expect(stdout).toContain(`${at(next)}: brought up to date with the live site.`);
    expect(existsSync(at('dist/politik/international/neu/index.html'))).toBe(false);
    expect(fingerprint(at('dist'))).toEqual(await coldBuildOfSameContent());
  });

  it('makes again the pages damaged, emptied or deleted in either site, however many builds follow', async () => {
    const cold = fingerprint(at('dist'));
    writeFileSync(at(ARTICLE_PAGE), '');
    writeFileSync(at('dist/politik/index.html'), '<p>von Hand geändert</p>');
    rmSync(at('dist/themen/usa/index.html'));
    // The site before, which the next build starts from, damaged too.
    const other = generations().find((name) => !readlinkSync(at('dist')).includes(name))!;
    writeFileSync(at(`dist.builds/${other}/site/autoren/sabine-gusbeth/index.html`), '');
    for (let round = 0; round < 3; round++) {
      await build();
      expect(fingerprint(at('dist')), `build ${round + 1}`).toEqual(cold);
    }
  });

  it('starts from an empty folder again when another build has run since', async () => {
    await astroBuildIn(site.root, { SOURCE_DATE_EPOCH }, ['--outDir', at('anderswo')]);
    writeFileSync(at('content/articles/noch-einer.md'), ARTICLE.replace(/^title: .*$/m, 'title: Noch ein Artikel'));
    expect((await build()).stdout).toContain(`${at(next)}: emptied.`);
    expect(fingerprint(at('dist'))).toEqual(await coldBuildOfSameContent());
  });

  it('puts the newest site live again when the link dist was deleted by hand, and builds on it', async () => {
    const before = fingerprint(at('dist'));
    rmSync(at('dist'));
    const { stdout, rendered } = await build();
    expect(stdout).toContain(`${at(next)}: brought up to date with the live site.`);
    expect(rendered.filter((page) => page.endsWith('index.html') && page.includes('/autoren/'))).toEqual([]);
    expect(fingerprint(at('dist'))).toEqual(before);
  });

  it('keeps the live site as it was when a build fails, and goes live with the next good one', async () => {
    const [live, before] = [readlinkSync(at('dist')), fingerprint(at('dist'))];
    writeFileSync(at('content/articles/kaputt.md'), ARTICLE.replace(/^title: .*$/m, ''));
    const failed = await productionBuildIn(site.root, { SOURCE_DATE_EPOCH }).then(
      () => '',
      (error: { stderr: string }) => error.stderr,
    );
    // Failed for the broken article, not for any other reason.
    expect(failed).toContain('content/articles/kaputt.md: title: is required (the headline)');
    expect(failed).toContain(`Build failed: ${at('dist')} was left as it was.`);
    expect(readlinkSync(at('dist'))).toBe(live);
    expect(fingerprint(at('dist'))).toEqual(before);
    rmSync(at('content/articles/kaputt.md'));
    await build();
    expect(readlinkSync(at('dist'))).not.toBe(live);
    expect(fingerprint(at('dist'))).toEqual(await coldBuildOfSameContent());
  });

  it('stops while another build holds the lock, and takes over one its holder left, even an empty one', async () => {
    const lock = at('.cache/astro/build.lock');
    writeFileSync(lock, String(process.pid));
    await expect(build()).rejects.toThrow(`Another build (process ${process.pid} on `);
    expect(readFileSync(lock, 'utf8')).toBe(String(process.pid));
    writeFileSync(lock, '');
    expect((await build()).stdout).toContain(`Built into ${at('dist')}.`);
    expect(existsSync(lock)).toBe(false);
  });
});

describe('npm run build and a folder it did not make', () => {
  const refusal = (args: string[]) =>
    productionBuildIn(site.root, {}, args).then(
      () => 'built',
      (error: { stderr: string }) => error.stderr,
    );

  it.each([
    ['a folder of notes', 'notizen', 'it holds files that no build of ours made'],
    ['the public folder', 'public', "it lies in the project's public/"],
    ['a folder inside the content', 'content/ausgabe', "it lies in the project's content/"],
    ['the project itself', '.', 'it holds the project itself'],
    ['the folder above it', '..', 'it holds the project itself'],
  ])('refuses %s, naming it, and deletes nothing', async (_case, folder, why) => {
    mkdirSync(at('notizen'), { recursive: true });
    writeFileSync(at('notizen/einkauf.txt'), 'Milch');
    const before = fingerprint(at('content'));
    const out = join(site.root, folder);
    expect(await refusal([folder])).toContain(`${out}: ${why}. npm run build deletes nothing there`);
    expect(readFileSync(at('notizen/einkauf.txt'), 'utf8')).toBe('Milch');
    expect(fingerprint(at('content'))).toEqual(before);
    expect(existsSync(`${out}.builds`)).toBe(false);
  });

  it('refuses a builds folder holding what no build made, and a link pointing elsewhere', async () => {
    mkdirSync(at('ausgabe.builds/urlaubsfotos'), { recursive: true });
    expect(await refusal(['ausgabe'])).toContain(`${at('ausgabe.builds')} holds urlaubsfotos, which no build of ours made`);
    expect(existsSync(at('ausgabe.builds/urlaubsfotos'))).toBe(true);
  });

  it('takes over a site of the older layout (a folder with its record beside it) and keeps nothing else of it', async () => {
    // What builds before this layout left: the live site, its record, and the staging folder.
    const live = fingerprint(at('dist'));
    rmSync(at('dist.builds'), { recursive: true });
    rmSync(at('dist'));
    await astroBuildIn(site.root, { SOURCE_DATE_EPOCH }, ['--outDir', at('alt')]);
    cpSync(at('alt'), at('dist'), { recursive: true });
    cpSync(at('alt'), at('dist.staging'), { recursive: true });
    for (const record of ['dist.record.json', 'dist.staging.record.json']) writeFileSync(at(record), '{"generation":"alt","written":[],"removed":[]}');
    await build();
    expect(lstatSync(at('dist')).isSymbolicLink()).toBe(true);
    expect(fingerprint(at('dist'))).toEqual(live);
    await build();
    expect(readdirSync(site.root).filter((name) => name.startsWith('dist'))).toEqual(['dist', 'dist.builds']);
    expect(generations()).toHaveLength(2);
  });
});
