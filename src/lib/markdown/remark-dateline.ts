import type { Paragraph, Root } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

export interface RemarkDatelineOptions {
  /** Class given to the dateline so the page can set it apart from the text. */
  className?: string;
}

/**
 * Turns `:dateline[Moskau, Peking, Düsseldorf.]` into the place line that opens a news story.
 * It must open the body's first paragraph: anywhere else it would read as a stray fragment.
 */
export default function remarkDateline(options: RemarkDatelineOptions = {}) {
  const className = options.className ?? 'dateline';
  return (tree: Root, file: VFile) => {
    let seen = false;
    visit(tree, 'textDirective', (node: TextDirective, index, parent) => {
      if (node.name !== 'dateline') return;
      if (seen) file.fail('Only one `:dateline[…]` is allowed per article', node);
      seen = true;
      const firstParagraph = tree.children.find((child): child is Paragraph => child.type === 'paragraph');
      if (parent !== firstParagraph || index !== 0) {
        file.fail('`:dateline[…]` must open the first paragraph of the body', node);
      }
      const blank = node.children.every((child) => child.type === 'text' && !child.value.trim());
      if (blank) file.fail('`:dateline[…]` needs the place names in brackets', node);
      node.data = { hName: 'span', hProperties: { className: [className] } };
    });
  };
}
