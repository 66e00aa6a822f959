import { basename, isAbsolute } from 'node:path';
import { z } from 'astro/zod';
import { VFileMessage } from 'vfile-message';
import { SIDEBAR_SLOT } from '../ads/article-slots.ts';
import { type BodyBlock, type Placed, placedBy } from '../markdown/body-blocks.ts';
import { renderArticleBody } from '../markdown/processor.ts';
import { frontMatterSchema } from './article-schema.ts';
import { ContentError, fieldName } from './content-error.ts';
import { refuseControlCharacters, refuseControlCharactersIn } from './control-characters.ts';
import { splitFrontMatter } from './front-matter.ts';
import type { KnownIds } from './known-ids.ts';
import { findBrokenReferences } from './references.ts';
import { firstIssue } from './schema-issue.ts';

export interface ReadArticle {
  id: string;
  /** The front matter as written and what the body places, ready for the collection schema. */
  data: Record<string, unknown> & { placed: Placed };
  /** The body as the markdown pipeline rendered it. */
  body: BodyBlock[];
  /** Its images as checked, each `src` a path relative to the article file. */
  images: { id: string; src: string }[];
  /** The file line of a front-matter field, for messages about it. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An image path is relative to the article file; the loader finds the file (src/loaders/content-photos.ts). */
const relativeImagePath = () =>
  z.string().refine((src) => !isAbsolute(src) && !src.includes('://'), 'expected a path relative to the article file, e.g. ../images/foto.jpg');

// Built once: constructing the schema costs more than checking an article against it.
const frontMatter = frontMatterSchema(relativeImagePath);

/**
 * Reads one article file: front matter checked against the schema and against what exists,
 * body rendered by the markdown pipeline. Any mistake throws a ContentError naming the file,
 * the field and the line.
 */
export function readArticle(file: string, source: string, known: KnownIds): ReadArticle {
  const id = basename(file, '.md');
  if (!SLUG.test(id)) throw new ContentError(file, undefined, undefined, 'the file name is the URL slug: use lower-case letters, digits and dashes');
  refuseControlCharacters(file, source);
  const split = splitFrontMatter(file, source);
  refuseControlCharactersIn(file, split.data, split.lineOf);
  if ('body' in split.data) {
    throw new ContentError(file, 'body', split.lineOf(['body']), 'is reserved: the body is the markdown below the front matter');
  }
  const parsed = frontMatter.safeParse(split.data);
  if (!parsed.success) {
    const { path, problem } = firstIssue(parsed.error, 'articles');
    throw new ContentError(file, fieldName(path), split.lineOf(path), problem);
  }
  const [broken] = findBrokenReferences(parsed.data, known);
  if (broken) throw new ContentError(file, fieldName(broken.path), split.lineOf(broken.path), broken.problem);
  try {
    const body = renderArticleBody(split.body, {
      path: file,
      embeds: {
        figure: { attribute: 'image', known: parsed.data.images.map((image) => image.id) },
        // Each slot is one place on the page; the sidebar's is placed by the page itself.
        ad: { attribute: 'slot', known: known.adSlots.filter((slot) => slot !== SIDEBAR_SLOT), eachOnce: true },
        teaser: { attribute: 'related', known: parsed.data.related.map((related) => related.id) },
        topics: { once: true, unavailable: parsed.data.topics.length ? undefined : 'the front matter lists no `topics`' },
      },
    });
    // The front matter's strings are slices of the file's text, which would keep every article's
    // whole file in memory for the rest of the build: they are copied out.
    const { data, images } = structuredClone({ data: split.data, images: parsed.data.images });
    return { id, data: { ...data, placed: placedBy(body) }, body, images, lineOf: split.lineOf };
  } catch (error) {
    if (error instanceof VFileMessage) throw new ContentError(file, undefined, error.line, error.reason);
    // Whatever else breaks, the editor must learn which article broke it.
    throw new ContentError(file, undefined, undefined, `the body could not be rendered: ${String(error)}`);
  }
}
