import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REAL_ARTICLE } from './unpublished-articles.ts';

/** A time `hours` after 1 February 2025, after the real article (21 January), as front matter writes it. */
export const hoursAfterFebruary = (hours: number) => new Date(Date.parse('2025-02-01T00:00:00+01:00') + hours * 3_600_000).toISOString().replace('.000Z', '+00:00');

/**
 * Writes Testartikel n into a copy of the site: the real article under another headline, at
 * `/politik/international/testartikel-n/`, updated n hours after 1 February 2025 unless `times`
 * says otherwise.
 */
export function writeTestArticle(root: string, index: number, times = `updated: ${hoursAfterFebruary(index)}`) {
  const source = readFileSync(REAL_ARTICLE, 'utf8').replace(/^title: .*$/m, `title: Testartikel ${index}`).replace(/^updated: .*$/m, times);
  writeFileSync(join(root, `content/articles/testartikel-${index}.md`), source);
}
