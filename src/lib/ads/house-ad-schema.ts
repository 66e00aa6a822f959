import { z } from 'astro/zod';
import { dateTime, id, required, text } from '../content/article-schema.ts';
import { isSitePath, linkCheck } from '../link-check.ts';
import { AD_FORMATS, type AdFormat } from './formats.ts';

const FORMAT_NAMES = Object.keys(AD_FORMATS) as [AdFormat, ...AdFormat[]];

/** One of the IAB formats the site knows; ad slots and house ads name theirs. */
export const adFormat = z.enum(FORMAT_NAMES, { error: `expected one of the IAB formats in src/lib/ads/formats.ts: ${FORMAT_NAMES.join(', ')}` });

const LINK = 'a path on this site such as /newsletter/, or an https:// address';

/** Whether a creative leads away from the site, and so is marked as a sponsored link. */
export const leavesSite = (link: string) => !isSitePath(link);

/**
 * A house ad: the publisher's own promotion, shown where no ad was sold. The lengths keep the
 * words inside the smallest format they may be booked for; the box never grows.
 */
export function houseAdSchema<Image extends z.ZodType>(image: () => Image) {
  return z
    .strictObject({
      id,
      formats: z.array(adFormat, required('a list of the formats it fits, e.g. [medium-rectangle, half-page]')).min(1, 'must name at least one format'),
      headline: text('the headline').max(40, 'must fit two lines of a medium rectangle: at most 40 characters'),
      text: text('a sentence under the headline').max(80, 'must fit two lines of a medium rectangle: at most 80 characters'),
      action: text('what the link does, e.g. „Jetzt anmelden“').max(24, 'must fit one line: at most 24 characters'),
      image: image(),
      link: z.string(required(LINK)).superRefine(linkCheck(['site path', 'https'])),
      start: dateTime.optional(),
      end: dateTime.optional(),
      weight: z.int('expected a whole number').min(1, 'must be at least 1').default(1),
    })
    .refine((ad) => !ad.start || !ad.end || ad.end > ad.start, { message: 'must be later than `start`', path: ['end'] });
}
