import { describe, expect, it } from 'vitest';
import { speculationRules } from '../../src/lib/speculation-rules.ts';

describe('speculationRules', () => {
  it('fetches, and renders where the browser allows, the site’s pages a reader points at, never an ad or an anchor', () => {
    const where = {
      and: [
        { or: [{ href_matches: '/zeitung/' }, { href_matches: '/zeitung/*/' }] },
        { not: { selector_matches: '[data-ad-slot] a, [data-house-ad], [data-partner] a, a[rel~="sponsored"]' } },
        { not: { selector_matches: 'a[href^="#"]' } },
      ],
    };
    expect(speculationRules('/zeitung')).toEqual({ prefetch: [{ where, eagerness: 'moderate' }], prerender: [{ where, eagerness: 'moderate' }] });
  });

  it('keeps to the base path at a domain root too', () => {
    expect(speculationRules('/').prefetch[0].where.and[0]).toEqual({ or: [{ href_matches: '/' }, { href_matches: '/*/' }] });
  });
});
