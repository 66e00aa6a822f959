import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'astro/zod';
import { ContentError, fieldName, schemaError } from '../content/content-error.ts';
import { parseYamlSource } from '../content/yaml-source.ts';
import { houseAdSchema } from './house-ad-schema.ts';

// The image is a path here; Astro's image() takes it over in the collection.
const houseAdList = z.array(houseAdSchema(() => z.string()));

const isFile = (path: string) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;

/**
 * Reads the house ads file (content/house-ads.yaml): every creative checked against the schema,
 * its image found and its id used once. Returns the creatives as written, for the collection
 * schema; any mistake throws a ContentError naming the file, the line and the field.
 */
export function readHouseAds(file: string, source: string): Record<string, unknown>[] {
  const yaml = parseYamlSource(file, source, 'the file');
  if (!Array.isArray(yaml.data)) throw new ContentError(file, undefined, undefined, 'expected a YAML list of house ads, each starting with `- id:`');
  const parsed = houseAdList.safeParse(yaml.data);
  if (!parsed.success) throw schemaError(file, parsed.error, yaml.lineOf, 'house ads');
  const seen = new Set<string>();
  parsed.data.forEach((ad, index) => {
    const problem = (field: string, message: string) => new ContentError(file, fieldName([index, field]), yaml.lineOf([index, field]), message);
    if (!isFile(resolve(dirname(file), ad.image))) throw problem('image', `no image file at "${ad.image}" (paths are relative to ${file})`);
    if (seen.has(ad.id)) throw problem('id', `"${ad.id}" is used by an earlier house ad; ids must be unique`);
    seen.add(ad.id);
  });
  return yaml.data as Record<string, unknown>[];
}
