import { earliestKnownTime, type ArticleTimes } from './dates.ts';

/**
 * Articles newest first, as every listing shows them: by when they first came out, so that a
 * correction does not move an article up and shift every archive page behind it. Articles of
 * the same minute keep one order, by slug, in every build.
 */
export function newestFirst<T extends { id: string; data: ArticleTimes }>(articles: readonly T[]): T[] {
  return [...articles].sort((a, b) => earliestKnownTime(b.data).getTime() - earliestKnownTime(a.data).getTime() || (a.id < b.id ? -1 : 1));
}

/** Entries in the order their data file lists them. */
export function inFileOrder<T extends { data: { position: number } }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => a.data.position - b.data.position);
}
