// The two sites the benchmark builds on the same generated articles: ours, and a bare Astro 7
// markdown template (glob loader, one-line `<Content />` page) as the baseline.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { copyProjectInto, linkPackagesInto } from '../../tests/support/site-copy.ts';
import { writeOwnCopies } from './agency-photos.ts';
import type { Shown } from './measure.ts';

const project = resolve('.');
const ARTICLE = readFileSync(join(project, 'content/articles/xi-und-putin-sprechen-per-videoschalte.md'), 'utf8');
const FIRST = Date.parse('2025-01-01T06:00:00+01:00');

/** A site to build: its root, the folder of its articles, and the path of one article page. */
export interface Site {
  root: string;
  articles: string;
  articlePath: string;
  /** The photo folder, and how an article file names it. */
  photos?: { folder: string; fromArticle: string };
}

const articleFile = (site: Site, index: number) => join(site.articles, `testartikel-${index}.md`);
/** The sub-folder of the photo folder that holds the articles' own photos, and their names. */
const OWN = 'generated/';
const ownPhotos = (index: number) => [`testartikel-${index}-a.jpg`, `testartikel-${index}-b.jpg`];

/**
 * Writes article `index` with the real article's text and structure: its own slug, headline and
 * time (ten minutes after the one before), and with `pictures` its own two photos.
 */
export function writeArticle(site: Site, index: number, pictures?: readonly Buffer[]) {
  let source = ARTICLE.replace(/^title: .*$/m, `title: Testartikel ${index}`).replace(
    /^updated: .*$/m,
    `updated: ${new Date(FIRST + index * 600_000).toISOString().replace('.000Z', '+00:00')}`,
  );
  if (site.photos) source = source.replaceAll('../images/', site.photos.fromArticle);
  if (pictures && site.photos) {
    const own = ownPhotos(index);
    writeOwnCopies(join(site.photos.folder, OWN), own, pictures);
    source = source.replace('videokonferenz.jpg', `${OWN}${own[0]}`).replace('oval-office.jpg', `${OWN}${own[1]}`);
  }
  writeFileSync(articleFile(site, index), source);
}

export function writeArticles(site: Site, count: number, pictures?: readonly Buffer[]) {
  mkdirSync(site.articles, { recursive: true });
  if (site.photos && pictures) mkdirSync(join(site.photos.folder, OWN), { recursive: true });
  for (let index = 0; index < count; index++) writeArticle(site, index, pictures);
}

/** The correction an editor makes all day: one word in the body of one article. */
export function correctOneWord(site: Site, index: number) {
  const file = articleFile(site, index);
  const text = readFileSync(file, 'utf8');
  if (!text.includes('ihre enge Beziehung')) throw new Error(`${file} lacks the words the correction changes`);
  writeFileSync(file, text.replace('ihre enge Beziehung', 'ihre besonders enge Beziehung'));
}

/**
 * An editor's slip in the preview: article `index` updated in a month that does not exist;
 * returns what the error overlay then says. Writing the article again fixes it.
 */
export function saveImpossibleDate(site: Site, index: number): Shown {
  const file = articleFile(site, index);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^updated: (\d{4})-\d\d/m, 'updated: $1-13'));
  return { status: 500, text: 'there is no month 13' };
}

/** An editor's save in the preview: article `index` under a new title; returns what the page then shows. */
export function saveTitle(site: Site, index: number, title: string): Shown {
  const file = articleFile(site, index);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${title}`));
  return { status: 200, text: title };
}

/** An editor's save in the preview: one more word in the body of article `index`; returns what the page then shows. */
export function saveOneWord(site: Site, index: number, word: string): Shown {
  const file = articleFile(site, index);
  const text = readFileSync(file, 'utf8');
  const changed = text.replace(/ihre (\S+ )?enge Beziehung/, `ihre ${word} enge Beziehung`);
  if (changed === text) throw new Error(`${file} lacks the words the save changes`);
  writeFileSync(file, changed);
  return { status: 200, text: `ihre ${word} enge Beziehung` };
}

/** Our site: the project's code and data, its one article joined by the generated ones. */
export function ourSite(root: string): Site {
  copyProjectInto(root);
  const articles = join(root, 'content/articles/generated');
  return {
    root,
    articles,
    articlePath: '/politik/international/testartikel-0/',
    photos: { folder: join(root, 'content/images'), fromArticle: '../../images/' },
  };
}

/** The baseline: a glob-loaded collection and a one-line `<Content />` page, nothing else. */
export function bareTemplate(root: string): Site {
  mkdirSync(join(root, 'src/pages/artikel'), { recursive: true });
  linkPackagesInto(root);
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(root, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n");
  writeFileSync(
    join(root, 'src/content.config.ts'),
    "import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\n" +
      "export const collections = { articles: defineCollection({ loader: glob({ pattern: '**/*.md', base: './articles' }) }) };\n",
  );
  writeFileSync(
    join(root, 'src/pages/artikel/[id].astro'),
    "---\nimport { getCollection, render } from 'astro:content';\n" +
      "export async function getStaticPaths() { return (await getCollection('articles')).map((entry) => ({ params: { id: entry.id }, props: { entry } })); }\n" +
      'const { Content } = await render(Astro.props.entry);\n---\n<Content />\n',
  );
  return { root, articles: join(root, 'articles'), articlePath: '/artikel/testartikel-0/' };
}
