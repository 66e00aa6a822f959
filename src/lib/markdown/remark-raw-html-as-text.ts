import type { Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';

const COMMENT = /^<!--[\s\S]*?-->$/;

/**
 * Shows raw HTML in an article as the text it is, instead of dropping it or letting it run.
 * Wire copy and pasted text carry stray tags; dropped, they would take the words inside with
 * them, and run, they could carry script. HTML comments are editors' notes and stay hidden.
 */
export default function remarkRawHtmlAsText() {
  return (tree: Root) => {
    visit(tree, 'html', (node, index, parent) => {
      if (!parent || index === undefined) return;
      if (COMMENT.test(node.value.trim())) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      const text: Text = { type: 'text', value: node.value, position: node.position };
      // A block of HTML stands where a paragraph would, so it reads as one.
      parent.children.splice(index, 1, parent.type === 'root' ? { type: 'paragraph', children: [text] } : text);
      return SKIP;
    });
  };
}
