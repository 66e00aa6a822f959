import { resolve } from 'node:path';
import type { z } from 'astro/zod';
import type { DataStore, Loader, LoaderContext } from 'astro/loaders';
import type { DataEntry } from '../lib/content/data-file.ts';
import { readDataFile } from './data-files.ts';
import { replaceEntries } from './replace-entries.ts';
import { syncAndWatch } from './watched-sync.ts';

/**
 * Loads the records `read` finds in one file of content/, each checked by the collection's
 * schema; under `astro dev` a mistake shows in the browser like an article's. `synced` sees
 * the store once it holds them.
 */
export function recordFileLoader(
  file: string,
  name: string,
  read: (context: LoaderContext) => readonly DataEntry[] | Promise<readonly DataEntry[]>,
  synced?: (store: DataStore) => void,
): Loader {
  const path = resolve(file);
  return {
    name,
    load: (context) =>
      syncAndWatch(context, {
        loader: name,
        name: file,
        paths: [path],
        affects: (changed) => changed === path,
        async sync() {
          const { store, parseData, generateDigest } = context;
          const entries = await Promise.all(
            (await read(context)).map(async ({ id, data }) => ({
              id,
              data: await parseData({ id, data, filePath: file }),
              filePath: file,
              digest: generateDigest(data),
            })),
          );
          const changed = replaceEntries(store, entries);
          synced?.(store);
          return { warnings: [], changed };
        },
      }),
  };
}

/** Loads a YAML list such as content/authors.yaml, each record checked against `schema` with the line of a mistake named. */
export const dataFileLoader = (file: string, schema: z.ZodType, options: { keepFileOrder?: boolean } = {}) =>
  recordFileLoader(file, 'data-file-loader', () => readDataFile(file, schema, options).entries);
