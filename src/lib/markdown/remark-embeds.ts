import type { Root } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

/** What an embed refers to: the attribute naming it and the names that exist. */
export interface EmbedReference {
  attribute: string;
  known: readonly string[];
}

export interface RemarkEmbedsOptions {
  /** Embed names, each with the reference it needs, or `null` for an embed that takes none. */
  embeds: Record<string, EmbedReference | null>;
}

/** hast property under which an embed's kind travels to the body splitter. */
export const EMBED_KIND = 'dataEmbed';
/** hast property under which an embed's reference travels to the body splitter. */
export const EMBED_REF = 'dataRef';

/**
 * Marks leaf directives such as `::figure{image="x"}` or `::ad{slot="y"}` as embeds: blocks the
 * page renders with components of their own. Embeds stand alone between paragraphs, and refer
 * only to things that exist, so the editor hears about a typo instead of the reader seeing a hole.
 */
export default function remarkEmbeds(options: RemarkEmbedsOptions) {
  const { embeds } = options;
  return (tree: Root, file: VFile) => {
    visit(tree, 'leafDirective', (node: LeafDirective, _index, parent) => {
      if (!Object.hasOwn(embeds, node.name)) return;
      const reference = embeds[node.name];
      const where = `\`::${node.name}\``;
      const attributes = node.attributes ?? {};
      if (parent !== tree) file.fail(`${where} must stand on its own line between paragraphs`, node);
      if (node.children.length > 0) file.fail(`${where} takes no text in brackets`, node);
      for (const name of Object.keys(attributes)) {
        if (name !== reference?.attribute) {
          const expected = reference ? `only \`${reference.attribute}\`` : 'none';
          file.fail(`${where} has an unknown attribute \`${name}\`; it takes ${expected}`, node);
        }
      }
      let ref = '';
      if (reference) {
        ref = attributes[reference.attribute] ?? '';
        if (!ref) file.fail(`${where} needs the attribute \`${reference.attribute}="…"\``, node);
        if (!reference.known.includes(ref)) {
          const known = reference.known.length ? reference.known.map((name) => `"${name}"`).join(', ') : 'none defined';
          file.fail(`${where} refers to unknown ${reference.attribute} "${ref}" (known: ${known})`, node);
        }
      }
      node.data = { hName: 'div', hProperties: { [EMBED_KIND]: node.name, [EMBED_REF]: ref } };
    });
  };
}
