import { z } from 'astro/zod';
import { linkCheck } from '../link-check.ts';

/** A partner of „Unsere Partner“: a sponsored teaser, a link only where an https address is given. */
export const partnerSchema = z.strictObject({
  id: z.string(),
  name: z.string().min(1),
  text: z.string().min(1),
  url: z.string().superRefine(linkCheck(['https'])).optional(),
  position: z.number(),
});
