import type { Root } from 'hast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeExternalLinks from './rehype-external-links.ts';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { type BodyBlock, toBodyBlocks } from './body-blocks.ts';
import remarkBodyRules from './remark-body-rules.ts';
import remarkDateline from './remark-dateline.ts';
import remarkEmbeds, { type EmbedSpec } from './remark-embeds.ts';
import remarkLimits from './remark-limits.ts';
import remarkRawHtmlAsText from './remark-raw-html-as-text.ts';
import remarkUnclaimedDirectives from './remark-unclaimed-directives.ts';
import { articleSanitizeSchema } from './sanitize-schema.ts';

export const DATELINE_CLASS = 'dateline';
/** Subhead anchors get a prefix so that no subhead can take an id the page itself uses. */
export const SUBHEAD_ID_PREFIX = 'abschnitt-';

/**
 * The one markdown pipeline of the site: markdown with our directives in, sanitised HTML out.
 * Raw HTML in markdown is shown as text and everything else passes the allowlist, so no editor
 * or wire feed can put script on the page; a body with more structure than any article needs is
 * refused, so none can stall the build.
 */
export function createArticleProcessor() {
  return unified()
    .use(remarkParse)
    .use(remarkDirective)
    // First of the plugins, as it guards the parser and every tree walker after it.
    .use(remarkLimits)
    .use(remarkRawHtmlAsText)
    .use(remarkBodyRules)
    .use(
      remarkDateline,
      // Stryker disable next-line ObjectLiteral: equivalent, because the plugin's own default class is also "dateline"; naming it keeps the class and the sanitizer's allowance one constant
      { className: DATELINE_CLASS },
    )
    .use(remarkEmbeds)
    .use(remarkUnclaimedDirectives)
    .use(remarkRehype)
    .use(rehypeSanitize, articleSanitizeSchema(DATELINE_CLASS))
    .use(rehypeSlug, { prefix: SUBHEAD_ID_PREFIX })
    .use(rehypeExternalLinks)
    .use(rehypeStringify);
}

// Setting up the plugins costs a quarter of rendering an article, so a build does it once.
const articleProcessor = createArticleProcessor().freeze();

/**
 * Renders an article body into blocks. Errors are vfile messages that carry the file path,
 * line and column, e.g. `content/articles/x.md:12:1: Unknown directive`.
 */
export function renderArticleBody(markdown: string, options: { path?: string; embeds: Record<string, EmbedSpec> }): BodyBlock[] {
  const file = new VFile({ path: options.path, value: markdown, data: { embeds: options.embeds } });
  const tree = articleProcessor.runSync(articleProcessor.parse(file), file) as Root;
  return toBodyBlocks(tree, (root) => articleProcessor.stringify(root, file));
}
