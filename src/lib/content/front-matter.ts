import { ContentError } from './content-error.ts';
import { parseYamlSource } from './yaml-source.ts';

export interface SplitSource {
  data: Record<string, unknown>;
  /** The markdown body, padded with blank lines so its line numbers are the file's. */
  body: string;
  /** The file line of a front-matter field, for messages that point at it. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

const FENCE = /^---\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** Splits a markdown file into its YAML front matter and its body. */
export function splitFrontMatter(file: string, text: string): SplitSource {
  // Editors on Windows save a byte-order mark that would hide the opening fence.
  const source = text.replace(/^\uFEFF/, '');
  const match = FENCE.exec(source);
  if (!match) throw new ContentError(file, undefined, 1, 'expected YAML front matter between two `---` lines at the top of the file');
  // The opening fence is the file's first line.
  const yaml = parseYamlSource(file, match[1] ?? '', 'front matter', 1);
  // An empty front matter is an empty mapping: the schema then names the first missing field.
  if (yaml.data !== null && (typeof yaml.data !== 'object' || Array.isArray(yaml.data))) {
    throw new ContentError(file, undefined, 2, 'front matter must be a mapping of fields');
  }
  const frontMatterLines = match[0].split('\n').length - 1;
  return {
    data: (yaml.data ?? {}) as Record<string, unknown>,
    body: '\n'.repeat(frontMatterLines) + source.slice(match[0].length),
    lineOf: yaml.lineOf,
  };
}
