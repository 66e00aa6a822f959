import { newestTime, type ArticleTimes } from './dates.ts';

/** Articles newest first, as every listing shows them. */
export function newestFirst<T extends { data: ArticleTimes }>(articles: readonly T[]): T[] {
  return [...articles].sort((a, b) => newestTime(b.data) - newestTime(a.data));
}

/** Entries in the order their data file lists them. */
export function inFileOrder<T extends { data: { position: number } }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => a.data.position - b.data.position);
}
