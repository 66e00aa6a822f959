import type { Nodes, Root } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { findSourceLimitExceeded, SOURCE_LIMITS, type SourceLimits } from './source-limits.ts';

export interface RemarkLimitsOptions {
  /** What a body may hold at most; each one left out keeps its default from SOURCE_LIMITS. */
  limits?: Partial<SourceLimits>;
}

// The nodes that nest inside one another: each one deeper is one level.
const LEVELS = new Set(['blockquote', 'listItem', 'emphasis', 'strong', 'link', 'linkReference', 'textDirective', 'leafDirective', 'containerDirective']);

/** The first node nested deeper than `most` levels, found without recursion (which is what it guards). */
function tooDeep(tree: Root, most: number): Nodes | undefined {
  const stack: [Nodes, number][] = [[tree, 0]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, above] = entry;
    const level = above + Number(LEVELS.has(node.type));
    if (level > most) return node;
    if ('children' in node) for (const child of [...node.children].reverse()) stack.push([child, level]);
  }
  return undefined;
}

/**
 * Refuses a body that the pipeline could not render at once: one whose source would keep
 * micromark busy for seconds or minutes is refused before it is parsed, and one nested deeper
 * than the tree walkers after the parser can recurse is refused before they run. Either way the
 * editor gets the line, not a stalled build or `Maximum call stack size exceeded`.
 */
export default function remarkLimits(this: Processor, options: RemarkLimitsOptions = {}) {
  const limits = { ...SOURCE_LIMITS, ...options.limits };
  const parse = this.parser;
  if (!parse) throw new Error('remark-limits wraps the parser: use it after remark-parse');
  this.parser = (document, file) => {
    const exceeded = findSourceLimitExceeded(document, limits);
    if (exceeded) file.fail(exceeded.reason, { line: exceeded.line, column: exceeded.column });
    return parse(document, file);
  };
  return (tree: Root, file: VFile) => {
    const node = tooDeep(tree, limits.nesting);
    if (node) file.fail(`Nesting deeper than ${limits.nesting} levels is not allowed: lists, quotes, links, emphasis and directives inside one another go deeper here`, node);
  };
}
