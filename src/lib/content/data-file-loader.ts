import { resolve } from 'node:path';
import type { z } from 'astro/zod';
import type { Loader } from 'astro/loaders';
import { readDataFile } from './data-file.ts';
import { replaceEntries } from './replace-entries.ts';
import { syncAndWatch } from './watched-sync.ts';

/**
 * Loads a YAML list such as content/authors.yaml, each record checked against `schema` with the
 * line of a mistake named; under `astro dev` a mistake shows in the browser like an article's.
 */
export function dataFileLoader(file: string, schema: z.ZodType, options: { keepFileOrder?: boolean } = {}): Loader {
  const path = resolve(file);
  return {
    name: 'data-file-loader',
    load: ({ store, parseData, generateDigest, ...context }) =>
      syncAndWatch(context, {
        name: file,
        paths: [path],
        affects: (changed) => changed === path,
        async sync() {
          const entries = await Promise.all(
            readDataFile(file, schema, options).entries.map(async ({ id, data }) => ({
              id,
              data: await parseData({ id, data, filePath: file }),
              filePath: file,
              digest: generateDigest(data),
            })),
          );
          replaceEntries(store, entries);
          return [];
        },
      }),
  };
}
