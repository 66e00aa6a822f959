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
      div: [
        // Stryker disable next-line ArrayDeclaration: equivalent, because GitHub's allowlist has div attributes, so this fallback is never used
        ...(attributes.div ?? []),
        EMBED_KIND,
        EMBED_REF,
      ],
      span: [
        // Stryker disable next-line ArrayDeclaration: equivalent, because an attribute name with spaces, as in the mutant, cannot occur in HTML
        ...(attributes.span ?? []),
        ['className', datelineClass],
      ],
    },
  };
}
