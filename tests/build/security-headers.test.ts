import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_SITE, SUB_PATH, SUB_PATH_SITE } from '../support/build-site.ts';
import { ARTICLE_PATH } from '../support/dist.ts';
import { headersFor } from '../support/headers-file.ts';
import { observatoryFindings, observatoryGrade } from '../support/http-observatory.ts';

const headersFile = (site: string) => readFileSync(join(site, '_headers'), 'utf8');
const photo = readdirSync(join(BUILT_SITE, '_astro/fotos'))[0];

/** Pages of each kind, and the files they load, as the host serves them: what a scan of the site would meet. */
const RESPONSES = [
  ['/', BUILT_SITE],
  [ARTICLE_PATH, BUILT_SITE],
  ['/suche/', BUILT_SITE],
  ['/gibt-es-nicht/', BUILT_SITE],
  [`/_astro/fotos/${photo}`, BUILT_SITE],
  ['/pagefind/pagefind.js', BUILT_SITE],
  ['/feed.xml', BUILT_SITE],
  ['/speculation-rules.json', BUILT_SITE],
  [SUB_PATH, SUB_PATH_SITE],
  [`${SUB_PATH}_astro/fotos/${photo}`, SUB_PATH_SITE],
];

describe('the HTTP Observatory’s header tests, applied to dist/_headers', () => {
  it.each(RESPONSES)('%s: grade A+, nothing deducted', (path, site) => {
    const { grade, deductions } = observatoryGrade(observatoryFindings(headersFor(headersFile(site), path)));
    expect(deductions).toEqual([]);
    expect(grade).toBe('A+');
  });

  it('earns the bonuses for a CSP without unsafe sources, frame-ancestors, a private referrer and same-origin resources', () => {
    const findings = observatoryFindings(headersFor(headersFile(BUILT_SITE), ARTICLE_PATH));
    expect(Object.fromEntries(findings.map(({ test, result }) => [test, result]))).toEqual({
      'content-security-policy': 'csp-implemented-with-no-unsafe',
      'strict-transport-security': 'hsts-implemented-max-age-at-least-six-months',
      'x-frame-options': 'x-frame-options-implemented-via-csp',
      'x-content-type-options': 'x-content-type-options-nosniff',
      'referrer-policy': 'referrer-policy-private',
      'cross-origin-resource-policy': 'corp-implemented-with-same-origin',
      'cross-origin-resource-sharing': 'cross-origin-resource-sharing-not-implemented',
      cookies: 'cookies-not-found',
    });
    expect(observatoryGrade(findings).score).toBe(125);
  });

  it('sends HTTPS-only for at least a year with subdomains, and isolates the site’s windows and files', () => {
    const headers = headersFor(headersFile(BUILT_SITE), ARTICLE_PATH);
    const maxAge = Number(/max-age=(\d+)/.exec(headers['strict-transport-security'])?.[1]);
    expect(maxAge).toBeGreaterThanOrEqual(31_536_000);
    expect(headers['strict-transport-security']).toContain('includeSubDomains');
    expect(headers['strict-transport-security']).not.toContain('preload');
    expect(headers).toMatchObject({ 'cross-origin-opener-policy': 'same-origin', 'cross-origin-resource-policy': 'same-origin' });
  });

  it('the grader sees what it looks for: each weakened header costs the grade', () => {
    const good = headersFor(headersFile(BUILT_SITE), ARTICLE_PATH);
    const graded = (change: Record<string, string | undefined>) => {
      const headers = Object.fromEntries(Object.entries({ ...good, ...change }).filter(([, value]) => value !== undefined)) as Record<string, string>;
      const { grade, deductions } = observatoryGrade(observatoryFindings(headers));
      return { grade, deducted: deductions.map((finding) => `${finding.result} ${finding.modifier}`) };
    };
    const csp = good['content-security-policy'];
    expect(graded({ 'strict-transport-security': undefined })).toEqual({ grade: 'B+', deducted: ['hsts-not-implemented -20'] });
    expect(graded({ 'strict-transport-security': 'max-age=86400; includeSubDomains' })).toEqual({
      // 90 after the penalty: the bonuses still count, so only the deduction shows it.
      grade: 'A+',
      deducted: ['hsts-implemented-max-age-less-than-six-months -10'],
    });
    expect(graded({ 'content-security-policy': csp.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'") }).deducted).toEqual(['csp-implemented-with-unsafe-eval -10']);
    expect(graded({ 'content-security-policy': csp.replace(/script-src [^;]*/, "script-src 'self' https:") }).deducted).toEqual(['csp-implemented-with-unsafe-inline -20']);
    expect(graded({ 'content-security-policy': csp.replace("img-src 'self'", "img-src 'self' http://bilder.example") }).deducted).toEqual([
      'csp-implemented-with-insecure-scheme-in-passive-content-only -10',
    ]);
    expect(graded({ 'content-security-policy': undefined, 'x-frame-options': undefined }).deducted).toEqual(['csp-not-implemented -25', 'x-frame-options-not-implemented -20']);
    expect(graded({ 'x-content-type-options': undefined, 'referrer-policy': 'unsafe-url' }).deducted).toEqual([
      'x-content-type-options-not-implemented -5',
      'referrer-policy-unsafe -5',
    ]);
    expect(graded({ 'cross-origin-resource-policy': 'everyone' }).deducted).toEqual(['corp-header-invalid -5']);
    expect(graded({ 'access-control-allow-origin': 'https://irgendwer.example', 'access-control-allow-credentials': 'true' }).deducted).toEqual([
      'cross-origin-resource-sharing-implemented-with-universal-access -50',
    ]);
    expect(graded({ 'set-cookie': 'sitzung=1; Path=/' }).deducted).toEqual(['cookies-without-secure-flag -20']);
    // Without its bonuses a site with nothing deducted is still an A+; bonuses never lift a site below an A.
    expect(graded({ 'cross-origin-resource-policy': undefined, 'referrer-policy': undefined })).toEqual({ grade: 'A+', deducted: [] });
  });
});
