import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

export interface RehypeExternalLinksOptions {
  /** `rel` for links that leave the site. */
  rel?: string[];
}

/**
 * Gives every link to another site `rel="noopener noreferrer"`: the page it opens gets no handle
 * on ours and learns nothing of where the reader came from.
 */
export default function rehypeExternalLinks(options: RehypeExternalLinksOptions = {}) {
  const rel = options.rel ?? ['noopener', 'noreferrer'];
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      const href = node.properties.href;
      if (node.tagName === 'a' && typeof href === 'string' && /^(https?:)?\/\//i.test(href)) node.properties.rel = [...rel];
    });
  };
}
