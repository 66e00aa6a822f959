import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../support/site-files.ts';
import { ARTICLE, NEXT, productionSite } from '../support/production-site.ts';

// `npm run build` keeps the site it replaced as the folder of the next build and brings it up to
// date, so unchanged pages stay in place; these tests prove that what it ships is exactly what a
// build from nothing makes of the same content, whatever the content did in between.
const site = productionSite();
const { at, build } = site;
afterAll(site.remove);

describe('npm run build, build after build', () => {
  it('starts from an empty folder, then from a copy of the live site, then brings it up to date', async () => {
    expect((await build()).stdout).toContain(`${at(NEXT)}: emptied.`);
    const second = await build();
    expect(second.stdout).toContain(`${at(NEXT)}: a copy of the live site.`);
    // Every page with a cache key was already in place: none copied from Astro's cache.
    expect(second.restored.length).toBeGreaterThan(5);
    expect(second.copied).toEqual([]);
    writeFileSync(at('content/articles/neu.md'), ARTICLE.replace(/^title: .*$/m, 'title: Ein neuer Artikel'));
    const third = await build();
    expect(third.stdout).toContain(`${at(NEXT)}: brought up to date with the live site.`);
    expect(third.rendered).toContain('politik/international/neu/index.html');
    expect(existsSync(at('dist/politik/international/neu/index.html'))).toBe(true);
  });

  it('goes live by switching one link, and keeps the site before beside it, nothing more', () => {
    expect(lstatSync(at('dist')).isSymbolicLink()).toBe(true);
    const live = readlinkSync(at('dist'));
    expect(live).toMatch(/^dist\.builds\/[0-9a-f-]{36}\/site$/);
    const kept = site.generations();
    expect(kept).toHaveLength(2);
    expect(kept).toContain(live.split('/')[1]);
    expect(readdirSync(site.root).filter((name) => name.startsWith('dist'))).toEqual(['dist', 'dist.builds']);
  });

  it('ships exactly what a cold build makes, after a new article', async () => {
    expect(fingerprint(at('dist'))).toEqual(await site.coldBuildOfSameContent());
  });

  it('ships exactly what a cold build makes when the pages the last build changed stay as they are', async () => {
    // Only the article pages change, where the house ad shows; the listings the new article
    // changed last time are taken as they are, and must be the new ones.
    const houseAds = at('content/house-ads.yaml');
    writeFileSync(houseAds, readFileSync(houseAds, 'utf8').replace('headline: Newsletter abonnieren', 'headline: Newsletter bestellen'));
    const { rendered, restored } = await build();
    expect(rendered).toContain('politik/international/neu/index.html');
    expect(restored).toContain('politik/international/index.html');
    expect(fingerprint(at('dist'))).toEqual(await site.coldBuildOfSameContent());
  });

  it('ships exactly what a cold build makes, after an article is deleted and a photo replaced', async () => {
    rmSync(at('content/articles/neu.md'));
    await sharp(at('content/images/oval-office.jpg')).flop().toFile(at('content/images/gespiegelt.jpg'));
    writeFileSync(at('content/images/oval-office.jpg'), readFileSync(at('content/images/gespiegelt.jpg')));
    rmSync(at('content/images/gespiegelt.jpg'));
    const { stdout } = await build();
    expect(stdout).toContain(`${at(NEXT)}: brought up to date with the live site.`);
    expect(existsSync(at('dist/politik/international/neu/index.html'))).toBe(false);
    expect(fingerprint(at('dist'))).toEqual(await site.coldBuildOfSameContent());
  });
});
