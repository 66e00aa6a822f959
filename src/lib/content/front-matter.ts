import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import { ContentError } from './content-error.ts';

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
  const lineCounter = new LineCounter();
  const document: Document = parseDocument(match[1] ?? '', { lineCounter, prettyErrors: false });
  const [yamlError] = document.errors;
  if (yamlError) {
    const line = lineCounter.linePos(yamlError.pos[0]).line + 1;
    throw new ContentError(file, undefined, line, `front matter is not valid YAML: ${yamlError.message.split('\n')[0]}`);
  }
  // An empty front matter is an empty mapping: the schema then names the first missing field.
  if (document.contents !== null && !isMap(document.contents)) {
    throw new ContentError(file, undefined, 2, 'front matter must be a mapping of fields');
  }
  const frontMatterLines = match[0].split('\n').length - 1;
  return {
    data: (document.toJS() ?? {}) as Record<string, unknown>,
    body: '\n'.repeat(frontMatterLines) + source.slice(match[0].length),
    lineOf(path) {
      for (let depth = path.length; depth > 0; depth--) {
        const node = document.getIn(path.slice(0, depth) as unknown[], true) as { range?: [number, number, number] } | undefined;
        if (node?.range) return lineCounter.linePos(node.range[0]).line + 1;
      }
      return undefined;
    },
  };
}
