import type { Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';

/**
 * Deals with directives no earlier plugin claimed. In prose, `:name` is mostly not a directive
 * at all ("um 15:44 Uhr"), so an unclaimed text directive becomes its source text again. An
 * unclaimed block directive is a typo such as `::figur`: it stops the build instead of
 * vanishing from the page without a word.
 */
export default function remarkUnclaimedDirectives() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    visit(tree, (node, index, parent) => {
      if (node.type !== 'textDirective' && node.type !== 'leafDirective' && node.type !== 'containerDirective') return;
      if (node.data?.hName) return;
      if (node.type !== 'textDirective') {
        file.fail(`Unknown directive \`${node.type === 'leafDirective' ? '::' : ':::'}${node.name}\``, node);
      }
      const { start, end } = node.position ?? {};
      if (!parent || index === undefined || start?.offset === undefined || end?.offset === undefined) {
        file.fail(`Unknown directive \`:${node.name}\``, node);
      }
      const value = source.slice(start.offset, end.offset);
      // Across lines the source holds quote and list markers that are not part of the text.
      if (value.includes('\n')) file.fail(`Unknown directive \`:${node.name}\` spanning lines`, node);
      const text: Text = { type: 'text', value, position: node.position };
      parent.children.splice(index, 1, text);
      return SKIP;
    });
  };
}
