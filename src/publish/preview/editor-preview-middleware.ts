import { readFileSync } from 'node:fs';
import type { MiddlewareHandler } from 'astro';
import { currentContentProblems } from './content-problems.ts';
import { contentErrorPage } from '../../lib/preview/error-page.ts';

const readSource = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

/**
 * `astro dev` only: while the content has a mistake, every page shows it in Astro's error
 * overlay, not the last good version.
 */
export const onRequest: MiddlewareHandler = (_context, next) => {
  const { errors } = currentContentProblems();
  if (!errors.length) return next();
  return new Response(contentErrorPage(errors, readSource), { status: 500, headers: { 'content-type': 'text/html; charset=utf-8' } });
};
