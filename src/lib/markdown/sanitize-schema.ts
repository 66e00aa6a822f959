import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import { EMBED_KIND, EMBED_REF } from './remark-embeds.ts';

/**
 * GitHub's allowlist, which already strips scripts, event handlers, styles and unsafe URLs,
 * widened only by the markers our own remark plugins add.
 */
export function articleSanitizeSchema(datelineClass: string): SanitizeSchema {
  const attributes = defaultSchema.attributes ?? {};
  return {
    ...defaultSchema,
    attributes: {
      ...attributes,
      // Stryker disable next-line ArrayDeclaration: equivalent, because GitHub's allowlist has div attributes, so this fallback is never used
      div: [...(attributes.div ?? []), EMBED_KIND, EMBED_REF],
      // Stryker disable next-line ArrayDeclaration: equivalent, because an attribute name with spaces, as in the mutant, cannot occur in HTML
      span: [...(attributes.span ?? []), ['className', datelineClass]],
    },
  };
}
