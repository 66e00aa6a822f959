import type { Root } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

/** What one kind of embed may refer to and how often it may appear. */
export interface EmbedSpec {
  /** The attribute naming what is embedded, e.g. `image`; absent for an embed that takes none. */
  attribute?: string;
  /** The names that exist for that attribute. */
  known?: readonly string[];
  /** Whether the embed may appear only once in an article. */
  once?: boolean;
  /** Whether each thing it refers to may appear only once, e.g. an ad slot, whose id must be unique on the page. */
  eachOnce?: boolean;
  /** Why the embed cannot be used in this article, e.g. nothing to show. */
  unavailable?: string;
}

export interface RemarkEmbedsOptions {
  /** The embeds every file may use; a file's own `file.data.embeds` takes their place. */
  embeds?: Record<string, EmbedSpec>;
}

declare module 'vfile' {
  interface DataMap {
    /** What this file's embeds may refer to, e.g. the images its own front matter lists. */
    embeds: Record<string, EmbedSpec>;
  }
}

/** hast property under which an embed's kind travels to the body splitter. */
export const EMBED_KIND = 'dataEmbed';
/** hast property under which an embed's reference travels to the body splitter. */
export const EMBED_REF = 'dataRef';

const listed = (names: readonly string[]) => (names.length ? names.map((name) => `"${name}"`).join(', ') : 'none defined');

/**
 * Marks leaf directives such as `::figure{image="x"}` or `::ad{slot="y"}` as embeds: blocks the
 * page renders with components of their own. Embeds stand alone between paragraphs, and refer
 * only to things that exist, so the editor hears about a typo instead of the reader seeing a hole.
 * What exists differs from article to article, so it may travel with each file: one frozen
 * processor then serves a whole build.
 */
export default function remarkEmbeds(options: RemarkEmbedsOptions = {}) {
  return (tree: Root, file: VFile) => {
    const embeds = file.data.embeds ?? options.embeds ?? {};
    const seen = new Set<string>();
    visit(tree, 'leafDirective', (node: LeafDirective, _index, parent) => {
      if (!Object.hasOwn(embeds, node.name)) return;
      const { attribute, known = [], once = false, eachOnce = false, unavailable } = embeds[node.name];
      const where = `\`::${node.name}\``;
      const attributes = node.attributes ?? {};
      if (unavailable) file.fail(`${where} cannot be used here: ${unavailable}`, node);
      if (once && seen.has(node.name)) file.fail(`${where} may appear only once`, node);
      seen.add(node.name);
      if (parent !== tree) file.fail(`${where} must stand on its own line between paragraphs`, node);
      if (node.children.length > 0) file.fail(`${where} takes no text in brackets`, node);
      for (const name of Object.keys(attributes)) {
        if (name !== attribute) {
          file.fail(`${where} has an unknown attribute \`${name}\`; it takes ${attribute ? `only \`${attribute}\`` : 'none'}`, node);
        }
      }
      const ref = attribute ? (attributes[attribute] ?? '') : '';
      if (attribute) {
        if (!ref) file.fail(`${where} needs the attribute \`${attribute}="…"\``, node);
        if (!known.includes(ref)) file.fail(`${where} refers to unknown ${attribute} "${ref}" (known: ${listed(known)})`, node);
        if (eachOnce && seen.has(`${node.name}\0${ref}`)) file.fail(`${where} refers to ${attribute} "${ref}" a second time; each may appear once`, node);
        seen.add(`${node.name}\0${ref}`);
      }
      node.data = { hName: 'div', hProperties: { [EMBED_KIND]: node.name, [EMBED_REF]: ref } };
    });
  };
}
