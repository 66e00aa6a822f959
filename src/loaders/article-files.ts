import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ContentError } from '../lib/content/content-error.ts';

export interface ArticleFile {
  /** The slug: the file name without `.md`, unique across all folders. */
  id: string;
  filePath: string;
}

/**
 * The article files under `directory`, sub-folders included, so editors may sort them by
 * year or desk. The slug is the file name alone, so two files of one name would claim one
 * URL: that stops the build.
 */
export function listArticleFiles(directory: string): ArticleFile[] {
  // Stryker disable next-line StringLiteral: equivalent, because Node reads an empty encoding as its default, utf8
  const files = readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ id: basename(name, '.md'), filePath: join(directory, name) }));
  const taken = new Map<string, string>();
  for (const file of files) {
    const first = taken.get(file.id);
    if (first) throw new ContentError(file.filePath, undefined, undefined, `the slug "${file.id}" is already taken by ${first}; rename one of the files`);
    taken.set(file.id, file.filePath);
  }
  return files;
}
