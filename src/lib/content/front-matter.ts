import { ContentError } from './content-error.ts';
import { parseYaml, type YamlSource } from './yaml-source.ts';

export interface SplitSource {
  data: Record<string, unknown>;
  /** The markdown body, padded with blank lines so its line numbers are the file's. */
  body: string;
  /** The file line of a front-matter field, for messages that point at it. */
  lineOf: YamlSource['lineOf'];
}

const FENCE = /^---\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** Splits a markdown file into its YAML front matter and its body. */
export function splitFrontMatter(file: string, text: string): SplitSource {
  // Editors on Windows save a byte-order mark that would hide the opening fence.
  const source = text.replace(/^\uFEFF/, '');
  const match = FENCE.exec(source);
  if (!match) throw new ContentError(file, undefined, 1, 'expected YAML front matter between two `---` lines at the top of the file');
  // The front matter starts on the line after the opening fence.
  const { data, lineOf } = parseYaml(file, match[1] ?? '', { firstLine: 2, what: 'front matter' });
  // An empty front matter is an empty mapping: the schema then names the first missing field.
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    throw new ContentError(file, undefined, 2, 'front matter must be a mapping of fields');
  }
  const frontMatterLines = match[0].split('\n').length - 1;
  return {
    data: (data ?? {}) as Record<string, unknown>,
    body: '\n'.repeat(frontMatterLines) + source.slice(match[0].length),
    lineOf,
  };
}
