import { z } from 'astro/zod';
import { SOURCE_FORMATS } from '../photos/photo-ladder.ts';

/** A photo as the loader described it (src/publish/photos/photo-catalog.ts), stored with its entry. */
export const photoSchema = z.strictObject({
  src: z.string(),
  width: z.number(),
  height: z.number(),
  format: z.enum(SOURCE_FORMATS),
  fsPath: z.string(),
});
