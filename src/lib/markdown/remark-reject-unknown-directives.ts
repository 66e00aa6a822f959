import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

const MARKERS = { textDirective: ':', leafDirective: '::', containerDirective: ':::' } as const;

/**
 * Stops at any directive no earlier plugin claimed: a typo such as `::figur` would otherwise
 * vanish from the page without a word, and the editor would never learn why.
 */
export default function remarkRejectUnknownDirectives() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node) => {
      if (node.type !== 'textDirective' && node.type !== 'leafDirective' && node.type !== 'containerDirective') return;
      if (node.data?.hName) return;
      file.fail(`Unknown directive \`${MARKERS[node.type]}${node.name}\``, node);
    });
  };
}
