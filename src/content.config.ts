import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { houseAdLoader } from './loaders/house-ad-loader.ts';
import { adFormat, houseAdSchema } from './lib/ads/house-ad-schema.ts';
import { partnerSchema } from './lib/ads/partner-schema.ts';
import { ARTICLE_FOLDER } from './loaders/article-folder.ts';
import { articleLoader } from './loaders/article-loader.ts';
import { articleSchema } from './lib/content/article-schema.ts';
import { dataFileLoader } from './loaders/data-file-loader.ts';
import { photoSchema } from './lib/content/photo-schema.ts';

const INVENTORY = {
  authors: 'content/authors.yaml',
  topics: 'content/topics.yaml',
  sections: 'content/sections.yaml',
  adSlots: 'content/ad-slots.yaml',
};

const named = z.strictObject({ id: z.string(), name: z.string().min(1) });

/** A YAML list, each record checked by `schema` with the line of a mistake named. */
const dataFile = <Schema extends z.ZodType>(path: string, schema: Schema, options?: { keepFileOrder: true }) =>
  defineCollection({ loader: dataFileLoader(path, schema, options), schema });
/** Astro stores entries sorted by id; lists whose order readers see keep their file order in `position`. */
const position = { position: z.number() };

export const collections = {
  articles: defineCollection({
    loader: articleLoader({ directory: ARTICLE_FOLDER, inventory: INVENTORY }),
    schema: articleSchema(() => photoSchema),
  }),
  authors: dataFile(INVENTORY.authors, named.extend({ role: z.string().min(1).optional() })),
  topics: dataFile(INVENTORY.topics, named),
  sections: dataFile(INVENTORY.sections, named.extend({ parent: z.string().optional(), ...position }), { keepFileOrder: true }),
  adSlots: dataFile(INVENTORY.adSlots, z.strictObject({ id: z.string(), format: adFormat })),
  houseAds: defineCollection({ loader: houseAdLoader('content/house-ads.yaml'), schema: houseAdSchema(() => photoSchema) }),
  partners: dataFile('content/partners.yaml', partnerSchema, { keepFileOrder: true }),
};
