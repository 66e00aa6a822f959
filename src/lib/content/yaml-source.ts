import { LineCounter, parseDocument } from 'yaml';
import { ContentError } from './content-error.ts';

export interface YamlSource {
  data: unknown;
  /** The file line of a node, or of its nearest parent that has one, for messages that point at it. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/**
 * Parses YAML and keeps where each node stands. `firstLine` is the file line the text starts
 * on; `what` names the text in a syntax error, e.g. "front matter".
 */
export function parseYaml(file: string, text: string, { firstLine = 1, what = 'the file' } = {}): YamlSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const fileLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const [yamlError] = document.errors;
  if (yamlError) throw new ContentError(file, undefined, fileLine(yamlError.pos[0]), `${what} is not valid YAML: ${yamlError.message.split('\n')[0]}`);
  return {
    data: document.toJS(),
    lineOf(path) {
      for (let depth = path.length; depth > 0; depth--) {
        const node = document.getIn(path.slice(0, depth) as unknown[], true) as { range?: [number, number, number] } | undefined;
        if (node?.range) return fileLine(node.range[0]);
      }
      return undefined;
    },
  };
}
