import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuildIn } from '../support/astro-cli.ts';
import { copySite } from '../support/site-copy.ts';

const ARTICLE_PAGE = 'dist/politik/international/xi-und-putin-sprechen-per-videoschalte/index.html';
const copy = copySite();
const at = (path: string) => join(copy.root, path);
const build = async () => (await astroBuildIn(copy.root)).stdout;
const photoFiles = () => readdirSync(at('dist/_astro/fotos')).sort();
/** Every photo address the article page names, in its srcsets and fallbacks. */
function photoUrls() {
  const $ = load(readFileSync(at(ARTICLE_PAGE), 'utf8'));
  const srcsets = $('article figure picture source, article figure picture img').toArray().map((element) => $(element).attr('srcset')!);
  return srcsets.flatMap((srcset) => srcset.split(',').map((candidate) => candidate.trim().split(' ')[0]));
}

let firstOutput: string;
beforeAll(async () => {
  firstOutput = await build();
}, 180_000);
afterAll(() => copy.remove());

describe('photos', () => {
  it('are made in each width and format the page names, and in nothing else', async () => {
    const named = photoUrls();
    expect(named).toHaveLength(16);
    // The article's two photos, eight variants each, and the house ads' three 1200-pixel images, six each.
    expect(photoFiles()).toHaveLength(34);
    expect(photoFiles()).toEqual(expect.arrayContaining(named.map((url) => url.replace('/_astro/fotos/', ''))));
    for (const url of named) {
      const [, width, format] = /-(\d+)\.(avif|jpg)$/.exec(url)!;
      const metadata = await sharp(at(`dist${url}`)).metadata();
      expect({ width: metadata.width, format: metadata.format }).toEqual({ width: Number(width), format: format === 'jpg' ? 'jpeg' : 'heif' });
    }
    expect(firstOutput).toContain('34 photo file(s) in use, 5 photo(s) made anew');
  });

  it('are made once: the next build links what the first one made', async () => {
    const output = await build();
    expect(output).toContain('34 photo file(s) in use, 0 photo(s) made anew');
    for (const file of photoFiles()) {
      expect(statSync(at(`dist/_astro/fotos/${file}`)).ino).toBe(statSync(at(`.cache/astro/fotos/${file}`)).ino);
    }
  });

  it('get new addresses when a photo file is replaced, and the old variants leave the cache', async () => {
    const before = photoUrls();
    await sharp(at('content/images/oval-office.jpg')).flop().toFile(at('content/images/gespiegelt.jpg'));
    writeFileSync(at('content/images/oval-office.jpg'), readFileSync(at('content/images/gespiegelt.jpg')));
    const output = await build();
    expect(output).toContain('1 photo(s) made anew');
    const after = photoUrls();
    expect(after.filter((url) => url.includes('videokonferenz'))).toEqual(before.filter((url) => url.includes('videokonferenz')));
    const [oldOval, newOval] = [before, after].map((urls) => urls.filter((url) => url.includes('oval-office')));
    expect(newOval).toHaveLength(8);
    expect(newOval.some((url) => oldOval.includes(url))).toBe(false);
    expect(readdirSync(at('.cache/astro/fotos')).sort()).toEqual(photoFiles());
  });
});
