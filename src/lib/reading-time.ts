import type { BodyBlock } from './markdown/body-blocks.ts';

/** A steady adult reading pace for German news prose, in words per minute. */
export const WORDS_PER_MINUTE = 200;

/** The words of the article text, tags left out; figures, ads and teasers do not count. */
export function bodyWordCount(blocks: readonly BodyBlock[]): number {
  return blocks
    .flatMap((block) => (block.type === 'html' ? block.html.replace(/<[^>]*>/g, ' ').split(/\s+/) : []))
    .filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** "4 Min. Lesezeit": whole minutes, never less than one. */
export function readingTime(blocks: readonly BodyBlock[], wordsPerMinute = WORDS_PER_MINUTE): string {
  return `${Math.max(1, Math.round(bodyWordCount(blocks) / wordsPerMinute))} Min. Lesezeit`;
}
