import { describe, expect, it } from 'vitest';
import { auditSite } from '../../scripts/lighthouse.ts';
import { chromiumAvailable } from '../support/browser.ts';
import { BUILT_SITE } from '../support/build-site.ts';

describe.runIf(chromiumAvailable())('Lighthouse, mobile defaults', () => {
  it('scores 1.0 in performance, accessibility, best practices and SEO on the home and article pages', async () => {
    const audits = await auditSite(BUILT_SITE);
    expect(audits.map(({ path, scores }) => ({ path, scores }))).toEqual(
      audits.map(({ path }) => ({ path, scores: { performance: 1, accessibility: 1, 'best-practices': 1, seo: 1 } })),
    );
    for (const audit of audits) {
      expect(audit.cls).toBe(0);
      expect(audit.lcpMs).toBeLessThan(2500);
    }
  }, 120_000);
});
