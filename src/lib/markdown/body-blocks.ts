import type { Element, Root, RootContent } from 'hast';
import { EMBED_KIND, EMBED_REF } from './remark-embeds.ts';

/** A run of ordinary article text, already rendered to HTML. */
export interface HtmlBlock {
  type: 'html';
  html: string;
}

/** A block the page renders with a component of its own: figure, ad slot, teaser, topics. */
export interface EmbedBlock {
  type: 'embed';
  kind: string;
  ref: string;
}

export type BodyBlock = HtmlBlock | EmbedBlock;

/**
 * What a body places besides its text: its ad slots in order, and whether it places the topics.
 * The pages need this for every article before rendering any, so the collection keeps it with
 * the front matter, while the body itself is read only by its own page.
 */
export interface Placed {
  ads: string[];
  topics: boolean;
}

export function placedBy(body: readonly BodyBlock[]): Placed {
  // Stryker disable next-line ConditionalExpression,MethodExpression: equivalent, because an HTML block has no kind, so no kind test below takes one
  const embeds = body.filter((block): block is EmbedBlock => block.type === 'embed');
  return { ads: embeds.filter((block) => block.kind === 'ad').map((block) => block.ref), topics: embeds.some((block) => block.kind === 'topics') };
}

function embedOf(node: RootContent): EmbedBlock | undefined {
  if (node.type !== 'element') return undefined;
  const kind = (node as Element).properties[EMBED_KIND];
  if (typeof kind !== 'string') return undefined;
  return { type: 'embed', kind, ref: String(node.properties[EMBED_REF] ?? '') };
}

/**
 * Splits an article body at its embeds, so that text stays one cheap HTML string while
 * figures, ads and teasers become typed blocks, the way news sites model an article.
 */
export function toBodyBlocks(tree: Root, stringify: (tree: Root) => string): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  let run: RootContent[] = [];
  const flush = () => {
    const html = stringify({ type: 'root', children: run }).trim();
    if (html) blocks.push({ type: 'html', html });
    run = [];
  };
  for (const node of tree.children) {
    const embed = embedOf(node);
    if (embed) {
      flush();
      blocks.push(embed);
    } else {
      run.push(node);
    }
  }
  flush();
  return blocks;
}
