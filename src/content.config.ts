import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { z } from 'astro/zod';
import { parse } from 'yaml';
import { houseAdLoader } from './lib/ads/house-ad-loader.ts';
import { adFormat, houseAdSchema } from './lib/ads/house-ad-schema.ts';
import { articleLoader } from './lib/content/article-loader.ts';
import { articleSchema } from './lib/content/article-schema.ts';

const INVENTORY = {
  authors: 'content/authors.yaml',
  topics: 'content/topics.yaml',
  sections: 'content/sections.yaml',
  adSlots: 'content/ad-slots.yaml',
};

const named = z.strictObject({ id: z.string(), name: z.string().min(1) });

/** Astro stores entries sorted by id; lists whose order readers see keep their file order here. */
const keepingFileOrder = (path: string) =>
  file(path, { parser: (text) => (parse(text) as object[]).map((entry, position) => ({ ...entry, position })) });
const position = { position: z.number() };

export const collections = {
  articles: defineCollection({
    loader: articleLoader({ directory: 'content/articles', inventory: INVENTORY }),
    schema: ({ image }) => articleSchema(image),
  }),
  authors: defineCollection({ loader: file(INVENTORY.authors), schema: named.extend({ role: z.string().min(1).optional() }) }),
  topics: defineCollection({ loader: file(INVENTORY.topics), schema: named }),
  sections: defineCollection({
    loader: keepingFileOrder(INVENTORY.sections),
    schema: named.extend({ parent: z.string().optional(), ...position }),
  }),
  adSlots: defineCollection({
    loader: file(INVENTORY.adSlots),
    schema: z.strictObject({ id: z.string(), format: adFormat }),
  }),
  houseAds: defineCollection({ loader: houseAdLoader('content/house-ads.yaml'), schema: ({ image }) => houseAdSchema(image) }),
  partners: defineCollection({
    loader: keepingFileOrder('content/partners.yaml'),
    schema: named.extend({ text: z.string().min(1), url: z.url({ protocol: /^https$/ }).optional(), ...position }),
  }),
};
