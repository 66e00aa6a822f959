import { readFileSync } from 'node:fs';
import { ContentWarning, fieldName } from '../../lib/content/content-error.ts';
import { type CheckedArticle, editorWarnings } from '../../lib/content/editor-checks.ts';
import { splitFrontMatter } from '../../lib/content/front-matter.ts';
import type { Unpublished } from '../../lib/content/publication.ts';
import type { LoadedArticle } from './entries.ts';

/** The editor's warnings about an article, located in its file; the file is read again only when there are some. */
export function warningsAbout(article: LoadedArticle, unpublished: ReadonlyMap<string, Unpublished>, now: Date): ContentWarning[] {
  const found = editorWarnings(article.data as unknown as CheckedArticle, unpublished, now);
  // The file is read only to locate warnings.
  if (!found.length) return [];
  const { lineOf } = splitFrontMatter(article.filePath, readFileSync(article.filePath, 'utf8'));
  return found.map(({ path, problem }) => new ContentWarning(article.filePath, fieldName(path), lineOf(path), problem));
}
