import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

/**
 * What an article body may not contain: a `#` headline, because the page's headline is the
 * `title`, and markdown images, because a photo needs the caption, credit and sizes that only
 * `::figure` gives it.
 */
export default function remarkBodyRules() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node) => {
      if (node.type === 'heading' && node.depth === 1) {
        file.fail('A `#` headline is not allowed in the body: the headline is `title`; use `##` for subheads', node);
      }
      if (node.type === 'image' || node.type === 'imageReference') {
        file.fail('Markdown images are not allowed: add the photo to `images` and place it with `::figure{image="…"}`', node);
      }
    });
  };
}
