import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ARTICLE = readFileSync('content/articles/xi-und-putin-sprechen-per-videoschalte.md', 'utf8');

export const hoursAfterFebruary = (hours: number) => new Date(Date.parse('2025-02-01T00:00:00+01:00') + hours * 3_600_000).toISOString().replace('.000Z', '+00:00');

/**
 * Writes „Testartikel n“ into the site copy at `root`: the real article under that headline,
 * updated n hours after 1 February 2025, so after the real one (21 January); `times` replaces
 * its time line.
 */
export function writeTestArticle(root: string, index: number, times = `updated: ${hoursAfterFebruary(index)}`) {
  const source = ARTICLE.replace(/^title: .*$/m, `title: Testartikel ${index}`).replace(/^updated: .*$/m, times);
  writeFileSync(join(root, `content/articles/testartikel-${index}.md`), source);
}
