/** Where the build writes the rules, under the site's base; `dist/_headers` points every page at it. */
export const SPECULATION_RULES_FILE = 'speculation-rules.json';
/** The type browsers require of a rules file named in a `Speculation-Rules` header. */
export const SPECULATION_RULES_TYPE = 'application/speculationrules+json';

/**
 * Links that are ads: the house ads in every slot (they lead to /newsletter/ and /abo/ too),
 * whatever a provider puts in a slot, and the partners. A reader's interest in an article
 * must never count as a visit to an advertiser's page.
 */
const ADS = '[data-ad-slot] a, [data-house-ad], [data-partner] a, a[rel~="sponsored"]';

/**
 * The Speculation Rules (https://html.spec.whatwg.org/#speculation-rules) for every page: when a
 * reader points at or touches a link to another page of the site (`moderate` eagerness), the
 * browser fetches that page ahead of the click, and renders it ahead where it allows. Only the
 * site's pages qualify: paths under `base` ending in a slash, so no feed, file or other origin,
 * never an ad, and never the page itself (its anchors). Nothing is fetched without a sign of
 * intent; browsers without the API follow the links as always.
 */
export function speculationRules(base: string) {
  const root = base.endsWith('/') ? base : `${base}/`;
  const where = {
    and: [
      { or: [{ href_matches: root }, { href_matches: `${root}*/` }] },
      { not: { selector_matches: ADS } },
      { not: { selector_matches: 'a[href^="#"]' } },
    ],
  };
  return { prefetch: [{ where, eagerness: 'moderate' }], prerender: [{ where, eagerness: 'moderate' }] };
}
