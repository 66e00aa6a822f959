// What an editor waits for under `astro dev`: a saved word, a mistake and its fix, each timed
// from the save until the article page shows it.
import { resolve } from 'node:path';
import { devSaves } from './measure.ts';
import { type Site, saveImpossibleDate, saveOneWord, saveTitle, writeArticle } from './sites.ts';

const astro = resolve('node_modules/astro/bin/astro.mjs');

/** Three saves of one word in the first article's body, timed until the dev server shows each. */
export const savesOf = async (site: Site) =>
  (await devSaves(astro, site.root, site.articlePath, ['bemerkenswert', 'auffallend', 'ungewöhnlich'].map((word) => () => saveOneWord(site, 0, word)))).result;

/**
 * Three new titles of the first article, timed until the dev server shows each: a change to
 * what listings show, which Astro's content store must hold.
 */
export const titlesOf = async (site: Site) =>
  (await devSaves(astro, site.root, site.articlePath, [1, 2, 3].map((round) => () => saveTitle(site, 0, `Testartikel 0, Fassung ${round}`)))).result;

/**
 * Three slips in the first article's front matter, each timed until the dev server shows the
 * mistake, and each fix (the article written again) until it shows the article.
 */
export async function slipsOf(site: Site, pictures?: readonly Buffer[]) {
  const fix = () => {
    writeArticle(site, 0, pictures);
    return { status: 200, text: 'Testartikel 0' };
  };
  const waits = (await devSaves(astro, site.root, site.articlePath, [1, 2, 3].flatMap(() => [() => saveImpossibleDate(site, 0), fix]))).result;
  return { shown: waits.filter((_, index) => index % 2 === 0), fixed: waits.filter((_, index) => index % 2 === 1) };
}

/** The middle of the values, which a busy moment of the machine does not move. */
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export const seconds = (value: number) => `${value.toFixed(1)} s`;
/** Each wait, and their median. */
export const times = (waits: number[], format = seconds) => `${waits.map(format).join(', ')} (median ${format(median(waits))})`;
