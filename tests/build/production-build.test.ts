import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { astroBuildIn, pagesBuilt, productionBuildIn } from '../support/astro-cli.ts';
import { SOURCE_DATE_EPOCH } from '../support/build-site.ts';
import { copySite } from '../support/site-copy.ts';
import { fingerprint } from '../support/site-files.ts';

// `npm run build` keeps the site it replaced as the folder of the next build and brings it up to
// date, so unchanged pages stay in place; these tests prove that what it ships is exactly what a
// build from nothing makes of the same content.
const site = copySite();
const copies = [site];
afterAll(() => {
  for (const copy of copies) copy.remove();
});

const ARTICLE = readFileSync('content/articles/xi-und-putin-sprechen-per-videoschalte.md', 'utf8');
const at = (path: string) => join(site.root, path);
const build = async () => {
  const { stdout } = await productionBuildIn(site.root, { SOURCE_DATE_EPOCH });
  return { stdout, ...pagesBuilt(stdout) };
};

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
  it('starts from an empty staging folder, then from a copy of the live site, then brings it up to date', async () => {
    expect((await build()).stdout).toContain('dist.staging: emptied.');
    const second = await build();
    expect(second.stdout).toContain('dist.staging: a copy of the live site.');
    // Every page with a cache key was already in place: none copied from Astro's cache.
    expect(second.restored.length).toBeGreaterThan(5);
    expect(second.copied).toEqual([]);
    writeFileSync(at('content/articles/neu.md'), ARTICLE.replace(/^title: .*$/m, 'title: Ein neuer Artikel'));
    const third = await build();
    expect(third.stdout).toContain('dist.staging: brought up to date with the live site.');
    expect(third.rendered).toContain('politik/international/neu/index.html');
    expect(existsSync(at('dist.staging/politik/international/neu/index.html'))).toBe(false);
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
    expect(stdout).toContain('dist.staging: brought up to date with the live site.');
    expect(existsSync(at('dist/politik/international/neu/index.html'))).toBe(false);
    expect(fingerprint(at('dist'))).toEqual(await coldBuildOfSameContent());
  });

  it('starts from an empty folder again when another build has run since', async () => {
    await astroBuildIn(site.root, { SOURCE_DATE_EPOCH }, ['--outDir', at('anderswo')]);
    writeFileSync(at('content/articles/noch-einer.md'), ARTICLE.replace(/^title: .*$/m, 'title: Noch ein Artikel'));
    expect((await build()).stdout).toContain('dist.staging: emptied.');
    expect(fingerprint(at('dist'))).toEqual(await coldBuildOfSameContent());
  });

  it('builds the whole site again when dist/ was deleted by hand and its record left beside it', async () => {
    rmSync(at('dist'), { recursive: true });
    expect(existsSync(at('dist.record.json'))).toBe(true);
    expect((await build()).stdout).toContain('dist.staging: emptied.');
    expect(fingerprint(at('dist'))).toEqual(await coldBuildOfSameContent());
  });

  it('stops while another build runs, and takes over the lock a killed build left, even an empty one', async () => {
    const lock = at('.cache/astro/build.lock');
    writeFileSync(lock, String(process.pid));
    await expect(build()).rejects.toThrow(`Another build (process ${process.pid}) is using`);
    expect(existsSync(at('dist/index.html'))).toBe(true);
    writeFileSync(lock, '');
    expect((await build()).stdout).toContain(`Built into ${at('dist')}.`);
    expect(existsSync(lock)).toBe(false);
  });
});
