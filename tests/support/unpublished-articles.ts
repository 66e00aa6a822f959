import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const REAL_ARTICLE = 'content/articles/xi-und-putin-sprechen-per-videoschalte.md';
/** The end of an embargo, as an article's `published` time, and the build's „now“ on either side of it. */
export const RELEASE = '2025-01-22T06:00:00+01:00';
export const BEFORE_RELEASE = String(Date.parse(RELEASE) / 1000 - 3600);
export const AT_RELEASE = String(Date.parse(RELEASE) / 1000);

/** Test articles made from the real one: only the headline, the slug and the times differ. */
export const DRAFT = { slug: 'testentwurf', title: 'Testentwurf ohne Freigabe', path: '/politik/international/testentwurf/' };
export const EMBARGOED = { slug: 'testsperrfrist', title: 'Testartikel unter Sperrfrist', path: '/politik/international/testsperrfrist/' };

/**
 * Adds to a copy of the site a draft and an article under embargo until RELEASE, and points the
 * real article's teasers at both: its „Wuttke“ teaser at the embargoed one, a second teaser at
 * the draft.
 */
export function addUnpublishedArticles(root: string) {
  const real = readFileSync(REAL_ARTICLE, 'utf8');
  const titled = (title: string) => real.replace(/^title: .*$/m, `title: ${title}`);
  writeFileSync(join(root, `content/articles/${DRAFT.slug}.md`), titled(DRAFT.title).replace(/^updated: /m, 'draft: true\nupdated: '));
  writeFileSync(join(root, `content/articles/${EMBARGOED.slug}.md`), titled(EMBARGOED.title).replace(/^updated: .*$/m, `published: ${RELEASE}`));
  const teasers = real
    .replace('    kicker: Jörg Wuttke\n', `    kicker: Jörg Wuttke\n    article: ${EMBARGOED.slug}\n`)
    // The first "---" after the opening one closes the front matter, which ends with `related`.
    .replace('\n---\n', `\n  - id: entwurf\n    kicker: Test\n    title: Ein Teaser auf den Entwurf\n    article: ${DRAFT.slug}\n---\n`);
  writeFileSync(join(root, REAL_ARTICLE), teasers);
}
