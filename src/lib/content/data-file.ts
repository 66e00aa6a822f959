import { basename, extname } from 'node:path';
import type { z } from 'astro/zod';
import { ContentError, fieldName } from './content-error.ts';
import { refuseControlCharacters, refuseControlCharactersIn } from './control-characters.ts';
import { firstIssue } from './schema-issue.ts';
import { parseYaml, type YamlSource } from './yaml-source.ts';

export interface DataEntry {
  id: string;
  data: Record<string, unknown>;
}

/**
 * The records of a YAML list with an `id` each, such as content/authors.yaml, from the text of
 * `file`. A syntax error, a record without id and an id listed twice stop with the line they are on.
 */
export function yamlList(file: string, text: string): { entries: DataEntry[]; lineOf: YamlSource['lineOf'] } {
  refuseControlCharacters(file, text);
  const { data, lineOf } = parseYaml(file, text);
  refuseControlCharactersIn(file, data, lineOf);
  if (!Array.isArray(data)) throw new ContentError(file, undefined, 1, 'expected a YAML list of entries, each with an `id`');
  const seen = new Set<string>();
  const entries = data.map((record: unknown, index) => {
    const id = (record as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || !id) throw new ContentError(file, fieldName([index, 'id']), lineOf([index, 'id']), 'expected a non-empty id');
    if (seen.has(id)) throw new ContentError(file, fieldName([index, 'id']), lineOf([index, 'id']), `"${id}" is listed twice`);
    seen.add(id);
    return { id, data: record as Record<string, unknown> };
  });
  return { entries, lineOf };
}

/**
 * The records of a YAML list, each checked against `schema`, naming the line of the first
 * mistake. With `keepFileOrder`, each record gets its `position` in the file, for lists whose
 * order readers see (Astro keeps entries sorted by id). `entries` names the records in messages,
 * e.g. "authors"; by default the file's name.
 */
export function dataRecords(
  file: string,
  text: string,
  schema: z.ZodType,
  { keepFileOrder = false, entries: what = basename(file, extname(file)) } = {},
): { entries: DataEntry[]; lineOf: YamlSource['lineOf'] } {
  const { entries, lineOf } = yamlList(file, text);
  const checked = entries.map(({ id, data }, index) => {
    const record = keepFileOrder ? { ...data, position: index } : data;
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      const { path, problem } = firstIssue(parsed.error, what);
      throw new ContentError(file, fieldName([index, ...path]), lineOf([index, ...path]), problem);
    }
    // As written: the collection schema makes its values (dates, defaults) once, from this.
    return { id, data: record };
  });
  return { entries: checked, lineOf };
}
