import { readFileSync } from 'node:fs';
import type { MiddlewareHandler } from 'astro';
import { contentSettled, currentContentProblems } from './content-problems.ts';
import { contentErrorPage } from '../../lib/preview/error-page.ts';

const readSource = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    // Gone or unreadable since its sync: the mistake is shown without the file's lines.
  }
  return undefined;
};

/**
 * `astro dev` only: while the content has a mistake, every page shows it in Astro's error
 * overlay, not the last good version. A page asked for while a save is being read waits for it,
 * and is then routed again: Astro looked up its entry before the save was stored.
 */
export const onRequest: MiddlewareHandler = async (context, next) => {
  const waited = await contentSettled();
  const { errors } = currentContentProblems();
  if (!errors.length) return waited ? context.rewrite(context.request) : next();
  return new Response(contentErrorPage(errors, readSource), { status: 500, headers: { 'content-type': 'text/html; charset=utf-8' } });
};
