import type { z } from 'astro/zod';

/** What a link in a data file may be: a path on this site, or an address on another site over https. */
export type LinkKind = 'site path' | 'https';

// Links are resolved as a browser resolves them on a page at the site's root, the strictest
// place: under a sub-path (BASE_PATH) a path gains a prefix and can only stay closer to home.
const SITE = new URL('https://site.invalid/');
// Browsers drop tabs and line breaks inside a URL and encode spaces and other invisible
// characters, so the address followed would differ from the one an editor reads in the file.
const INVISIBLE = /[\s\p{C}]/u;

const EXPECTED: Record<LinkKind, string> = { 'site path': 'a path on this site such as /newsletter/', https: 'an https:// address' };

/** Whether a browser, following `link` from a page of this site, stays on the site. */
export const isSitePath = (link: string) => link.startsWith('/') && new URL(link, SITE).origin === SITE.origin;

/**
 * What is wrong with a link from a data file, judged by where a browser would take it, or
 * undefined when it is one of the `allowed` kinds. `/\evil.example/` looks like a path but
 * takes the reader to https://evil.example/, as the WHATWG URL parser reads a backslash as a
 * slash; `https://bank.example@evil.example/` looks like one site but is another.
 */
export function linkProblem(link: string, allowed: readonly LinkKind[]): string | undefined {
  const expected = `expected ${allowed.map((kind) => EXPECTED[kind]).join(', or ')}`;
  if (INVISIBLE.test(link)) return `${expected}, without spaces, tabs, line breaks or other invisible characters (browsers drop or encode them)`;
  if (link.startsWith('/') && allowed.includes('site path')) {
    return isSitePath(link) ? undefined : `${expected}: a browser takes "${link}" to ${new URL(link, SITE).origin}, another site`;
  }
  if (!/^https:\/\/[^\\]*$/i.test(link) || !URL.canParse(link) || !allowed.includes('https')) return expected;
  const address = new URL(link);
  if (address.username || address.password) return `${expected}, without a user name or password before an @, which hide where the link goes`;
  return undefined;
}

/** The check as a schema refinement: the link's problem, if any, is the issue the editor reads. */
export const linkCheck = (allowed: readonly LinkKind[]) => (link: string, context: z.RefinementCtx) => {
  const problem = linkProblem(link, allowed);
  // Stryker disable next-line StringLiteral: equivalent, because nothing reads this issue's code; its message is what the editor sees
  if (problem) context.addIssue({ code: 'custom', message: problem });
};
