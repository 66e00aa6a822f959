import { readFileSync } from 'node:fs';
import type { z } from 'astro/zod';
import { dataRecords, yamlList } from '../lib/content/data-file.ts';

/** Reads a YAML list of records with an `id` each, such as content/authors.yaml (see yamlList). */
export const readYamlList = (file: string) => yamlList(file, readFileSync(file, 'utf8'));

/** Reads a YAML list and checks every record against `schema` (see dataRecords). */
export const readDataFile = (file: string, schema: z.ZodType, options?: Parameters<typeof dataRecords>[3]) =>
  dataRecords(file, readFileSync(file, 'utf8'), schema, options);

/** Reads the ids of a YAML list of `{ id: … }` records, e.g. content/authors.yaml. */
export const readIds = (file: string): string[] => readYamlList(file).entries.map((entry) => entry.id);
