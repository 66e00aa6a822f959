import type { KnownIds } from './known-ids.ts';

/** A reference that points nowhere, with the front-matter path of the field that holds it. */
export interface BrokenReference {
  path: (string | number)[];
  problem: string;
}

/** The front-matter fields that refer to other entries. */
export interface Referring {
  section: string;
  authors: readonly string[];
  topics: readonly string[];
  images: readonly { id: string }[];
  related: readonly { id: string; article?: string }[];
}

const listed = (known: readonly string[]) => (known.length ? known.map((id) => `"${id}"`).join(', ') : 'none');

function unknownIn(field: 'authors' | 'topics', ids: readonly string[], known: readonly string[], what: string, file: string) {
  return ids.flatMap((id, index) =>
    known.includes(id) ? [] : [{ path: [field, index], problem: `unknown ${what} "${id}"; add it to ${file} or use one of ${listed(known)}` }],
  );
}

function duplicatesIn(field: keyof Referring, ids: readonly string[], path: (index: number) => (string | number)[]): BrokenReference[] {
  return ids.flatMap((id, index) =>
    ids.indexOf(id) === index ? [] : [{ path: path(index), problem: `"${id}" is listed twice in \`${field}\`` }],
  );
}

/** Finds every reference of an article to an author, topic or section that does not exist. */
export function findBrokenReferences(article: Referring, known: KnownIds): BrokenReference[] {
  const broken: BrokenReference[] = [];
  if (!known.sections.includes(article.section)) {
    broken.push({ path: ['section'], problem: `unknown section "${article.section}"; expected one of ${listed(known.sections)}` });
  }
  broken.push(
    ...unknownIn('authors', article.authors, known.authors, 'author', 'content/authors.yaml'),
    ...unknownIn('topics', article.topics, known.topics, 'topic', 'content/topics.yaml'),
    ...duplicatesIn('authors', article.authors, (index) => ['authors', index]),
    ...duplicatesIn('topics', article.topics, (index) => ['topics', index]),
    ...duplicatesIn('images', article.images.map(({ id }) => id), (index) => ['images', index, 'id']),
    ...duplicatesIn('related', article.related.map(({ id }) => id), (index) => ['related', index, 'id']),
    ...article.related.flatMap(({ article: slug }, index) =>
      slug === undefined || known.articles.includes(slug)
        ? []
        : [{ path: ['related', index, 'article'], problem: `no article "${slug}" in content/articles; leave \`article\` out for a teaser without link` }],
    ),
  );
  return broken;
}
