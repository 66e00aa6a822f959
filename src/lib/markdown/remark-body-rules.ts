import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

/** A paragraph that starts like a directive but was not read as one: a brace or quote is off. */
const BROKEN_DIRECTIVE = /^:{2,3}[a-z][\w-]*/i;

/**
 * What an article body may not contain: a `#` headline, because the page's headline is the
 * `title`; markdown images, because a photo needs the caption, credit and sizes that only
 * `::figure` gives it; and directives that could not be read, which would show as raw text.
 */
export default function remarkBodyRules() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node) => {
      if (node.type === 'heading' && node.depth === 1) {
        file.fail('A `#` headline is not allowed in the body: the headline is `title`; use `##` for subheads', node);
      }
      if (node.type === 'paragraph' && node.children[0]?.type === 'text') {
        const broken = BROKEN_DIRECTIVE.exec(node.children[0].value);
        if (broken) file.fail(`\`${broken[0]}\` could not be read as a directive: check its braces and quotes, e.g. ::figure{image="foto"}`, node);
      }
      if (node.type === 'image' || node.type === 'imageReference') {
        file.fail('Markdown images are not allowed: add the photo to `images` and place it with `::figure{image="…"}`', node);
      }
    });
  };
}
