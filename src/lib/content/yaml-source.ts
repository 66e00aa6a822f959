import { LineCounter, parseDocument } from 'yaml';
import { ContentError } from './content-error.ts';

export interface YamlSource {
  /** The YAML as plain data; `null` for an empty document. */
  data: unknown;
  /** The file line a value was written on, for messages that point at it. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/**
 * Parses YAML that begins after `linesBefore` lines of `file`, keeping where each value was
 * written. Broken YAML throws a ContentError naming its line; `what` says what was broken,
 * e.g. "front matter".
 */
export function parseYamlSource(file: string, text: string, what: string, linesBefore = 0): YamlSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const [yamlError] = document.errors;
  if (yamlError) {
    const line = lineCounter.linePos(yamlError.pos[0]).line + linesBefore;
    throw new ContentError(file, undefined, line, `${what} is not valid YAML: ${yamlError.message.split('\n')[0]}`);
  }
  return {
    data: document.toJS(),
    lineOf(path) {
      for (let depth = path.length; depth > 0; depth--) {
        const node = document.getIn(path.slice(0, depth) as unknown[], true) as { range?: [number, number, number] } | undefined;
        if (node?.range) return lineCounter.linePos(node.range[0]).line + linesBefore;
      }
      return undefined;
    },
  };
}
