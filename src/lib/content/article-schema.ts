import { z } from 'astro/zod';
import type { Placed } from '../markdown/body-blocks.ts';
import { DATE_TIME_EXAMPLE, parseOffsetDateTime } from './offset-date-time.ts';

export const required = (what: string) => ({
  error: (issue: { input: unknown }) => (issue.input === undefined ? `is required (${what})` : `expected ${what}`),
});

export const text = (what: string) => z.string(required(what)).trim().min(1, `must not be empty (${what})`);

export const id = z
  .string(required('an id'))
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected an id of lower-case letters, digits and dashes, e.g. "sabine-gusbeth"');

export const dateTime = z.string(required(`a date and time with its UTC offset, e.g. ${DATE_TIME_EXAMPLE}`)).transform((value, context) => {
  const read = parseOffsetDateTime(value);
  if ('date' in read) return read.date;
  // Stryker disable next-line StringLiteral: equivalent, because nothing reads this issue's code; its message is what the editor sees
  context.issues.push({ code: 'custom', message: read.problem, input: value });
  return z.NEVER;
});

const imageFields = <Image extends z.ZodType>(image: () => Image) =>
  z.strictObject({
    id,
    src: image(),
    alt: text('a text describing the image for readers who cannot see it'),
    caption: text('the caption shown under the image'),
    credit: text('the photo credit, e.g. "Foto: AP"'),
  });

const relatedArticle = z.strictObject({
  id,
  kicker: text('the teaser kicker'),
  title: text('the teaser headline'),
  /** Slug of the article in our collection; without one the teaser is shown but not linked. */
  article: z.string().optional(),
});

const fieldsBeforeImages = {
  kicker: text('the short topic line above the headline'),
  title: text('the headline'),
  lead: text('the lead paragraph'),
  section: z.string(required('a section id from content/sections.yaml, e.g. "politik/international"')),
  authors: z.array(id, required('a list of author ids')).min(1, 'must name at least one author'),
  published: dateTime.optional(),
  updated: dateTime.optional(),
  topics: z.array(id).default([]),
};
const fieldsAfterImages = {
  related: z.array(relatedArticle).default([]),
  /** A draft shows under `astro dev` only; see publication.ts. */
  draft: z.boolean({ error: 'expected true or false' }).default(false),
  ads: z
    .strictObject({ sidebar: z.boolean().default(true), partners: z.boolean().default(true) })
    .default({ sidebar: true, partners: true }),
};

const frontMatterFields = <Image extends z.ZodType>(image: () => Image) => ({
  ...fieldsBeforeImages,
  images: z.array(imageFields(image)).default([]),
  ...fieldsAfterImages,
});

interface Times {
  published?: Date;
  updated?: Date;
}

/** A news article must carry a time, and an update cannot precede the first publication. */
const withTimeRules = <Schema extends z.ZodType<Times>>(schema: Schema) =>
  schema
    .refine((data) => data.published ?? data.updated, {
      message: 'needs `published`, `updated` or both: a news article must carry a time',
      path: ['updated'],
    })
    .refine((data) => !data.published || !data.updated || data.updated >= data.published, {
      message: 'must not be earlier than `published`',
      path: ['updated'],
    });

/**
 * An article's front matter. The image field is a path relative to the article file where the
 * loader reads it, and the photo made of that file in the collection, so the same rules serve both.
 */
export function frontMatterSchema<Image extends z.ZodType>(image: () => Image) {
  return withTimeRules(z.strictObject(frontMatterFields(image)));
}

/** What the pipeline made of an article's body; nobody writes this by hand. */
const placed = z.custom<Placed>((value) => typeof value === 'object' && value !== null, 'expected what the markdown pipeline found the body places');

/**
 * The stored article: its front matter and what its body places. The rendered body is kept
 * beside the store (publish/article-bodies.ts), by the entry's digest.
 */
export function articleSchema<Image extends z.ZodType>(image: () => Image) {
  return withTimeRules(z.strictObject({ ...frontMatterFields(image), placed }));
}
