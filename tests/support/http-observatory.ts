/**
 * The scoring rules of Mozilla's HTTP Observatory (github.com/mdn/mdn-http-observatory:
 * src/analyzer/tests/*.js and the score table in src/grader/charts.js), for the tests that look
 * at response headers alone: CSP, HSTS, X-Content-Type-Options, X-Frame-Options,
 * Referrer-Policy, Cross-Origin-Resource-Policy, CORS and cookies. The others need a live host
 * (redirection from http://, the HSTS preload list) or read the HTML (subresource integrity).
 * A response is graded as one served over HTTPS with a valid certificate.
 */

export interface Finding {
  test: string;
  result: string;
  modifier: number;
}

const BROAD = new Set(['ftp:', 'http:', 'https:', '*', 'http://*', 'http://*.*', 'https://*', 'https://*.*']);
const INLINE = new Set(["'unsafe-inline'", 'data:']);
const HASH_OR_NONCE = /^'(sha256|sha384|sha512|nonce)-/;
/** 15,768,000 seconds is six months; the Observatory accepts the 15,552,000 many sites use. */
const SIX_MONTHS = 15_552_000;

function parsePolicy(policy: string): Map<string, Set<string>> {
  const directives = new Map<string, Set<string>>();
  if (policy.trim().length < 'img-src'.length - 1) throw new Error(`invalid policy: ${policy}`);
  for (const [name, ...sources] of policy.split(';').map((entry) => entry.trim().split(/\s+/))) {
    if (!name) continue;
    const directive = name.toLowerCase();
    if (directives.has(directive)) throw new Error(`${directive} twice`);
    const list = sources.map((source) => source.toLowerCase());
    directives.set(directive, new Set(list.length || !directive.endsWith('-src') ? list : ["'none'"]));
  }
  return directives;
}

function contentSecurityPolicy(header: string | undefined): Finding {
  const finding = (result: string, modifier: number) => ({ test: 'content-security-policy', result, modifier });
  if (!header) return finding('csp-not-implemented', -25);
  let csp: Map<string, Set<string>>;
  try {
    csp = parsePolicy(header);
  } catch {
    return finding('csp-header-invalid', -25);
  }
  const fallback = (name: string) => new Set(csp.get(name) ?? csp.get('default-src') ?? ['*']);
  const [script, object, style] = [fallback('script-src'), fallback('object-src'), fallback('style-src')];
  for (const sources of [script, style]) if ([...sources].some((source) => HASH_OR_NONCE.test(source))) sources.delete("'unsafe-inline'");
  if (script.has("'strict-dynamic'")) {
    if (![...script].some((source) => HASH_OR_NONCE.test(source))) return finding('csp-header-invalid', -25);
    for (const source of script) if ([...BROAD].some((broad) => source.startsWith(broad)) || source === "'self'" || source === "'unsafe-inline'") script.delete(source);
  }
  const passive = ['img-src', 'media-src'];
  const active = [...[...csp].filter(([name]) => !passive.includes(name) && name !== 'script-src').flatMap(([, sources]) => [...sources]), ...script];
  const insecure = (source: string) => source.startsWith('http:') || source.startsWith('ftp:');
  if ([...script].some((source) => BROAD.has(source) || INLINE.has(source)) || [...object].some((source) => BROAD.has(source))) {
    return finding('csp-implemented-with-unsafe-inline', -20);
  }
  if (active.some(insecure)) return finding('csp-implemented-with-insecure-scheme', -20);
  if (script.has("'unsafe-eval'") || style.has("'unsafe-eval'")) return finding('csp-implemented-with-unsafe-eval', -10);
  if (passive.flatMap((name) => [...(csp.get(name) ?? csp.get('default-src') ?? [])]).some(insecure)) {
    return finding('csp-implemented-with-insecure-scheme-in-passive-content-only', -10);
  }
  if ([...style].some((source) => BROAD.has(source) || INLINE.has(source))) return finding('csp-implemented-with-unsafe-inline-in-style-src-only', 0);
  const defaultSrc = csp.get('default-src');
  if (defaultSrc?.size === 1 && defaultSrc.has("'none'")) return finding('csp-implemented-with-no-unsafe-default-src-none', 10);
  return finding('csp-implemented-with-no-unsafe', 5);
}

function strictTransportSecurity(header: string | undefined): Finding {
  const finding = (result: string, modifier: number) => ({ test: 'strict-transport-security', result, modifier });
  if (!header) return finding('hsts-not-implemented', -20);
  const maxAge = header
    .split(';')
    .map((parameter) => parameter.trim().toLowerCase())
    .find((parameter) => parameter.startsWith('max-age='));
  if (header.includes(',') || !maxAge) return finding('hsts-header-invalid', -20);
  return Number.parseInt(maxAge.slice('max-age='.length), 10) < SIX_MONTHS
    ? finding('hsts-implemented-max-age-less-than-six-months', -10)
    : finding('hsts-implemented-max-age-at-least-six-months', 0);
}

function xFrameOptions(header: string | undefined, csp: string | undefined): Finding {
  const finding = (result: string, modifier: number) => ({ test: 'x-frame-options', result, modifier });
  let directives = new Map<string, Set<string>>();
  try {
    directives = parsePolicy(csp ?? '');
  } catch {
    // An unreadable policy frames nothing out.
  }
  if (directives.has('frame-ancestors')) return finding('x-frame-options-implemented-via-csp', 5);
  const value = header?.trim().toLowerCase();
  if (!value) return finding('x-frame-options-not-implemented', -20);
  if (value === 'deny' || value === 'sameorigin') return finding('x-frame-options-sameorigin-or-deny', 0);
  return value.startsWith('allow-from') ? finding('x-frame-options-allow-from-origin', 0) : finding('x-frame-options-header-invalid', -20);
}

function xContentTypeOptions(header: string | undefined): Finding {
  const test = 'x-content-type-options';
  if (!header) return { test, result: 'x-content-type-options-not-implemented', modifier: -5 };
  return header.trim().toLowerCase() === 'nosniff'
    ? { test, result: 'x-content-type-options-nosniff', modifier: 0 }
    : { test, result: 'x-content-type-options-header-invalid', modifier: -5 };
}

function referrerPolicy(header: string | undefined): Finding {
  const test = 'referrer-policy';
  const good = ['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'];
  const bad = ['origin', 'origin-when-cross-origin', 'unsafe-url', 'no-referrer-when-downgrade'];
  if (!header) return { test, result: 'referrer-policy-not-implemented', modifier: 0 };
  // Browsers take the last policy they know.
  const policy = header
    .split(',')
    .map((value) => value.trim().toLowerCase())
    .filter((value) => good.includes(value) || bad.includes(value))
    .at(-1);
  if (policy && good.includes(policy)) return { test, result: 'referrer-policy-private', modifier: 5 };
  return policy ? { test, result: 'referrer-policy-unsafe', modifier: -5 } : { test, result: 'referrer-policy-header-invalid', modifier: -5 };
}

function crossOriginResourcePolicy(header: string | undefined): Finding {
  const test = 'cross-origin-resource-policy';
  const value = header?.trim().toLowerCase();
  if (!value) return { test, result: 'corp-not-implemented', modifier: 0 };
  if (value === 'same-origin' || value === 'same-site') return { test, result: `corp-implemented-with-${value}`, modifier: 10 };
  return value === 'cross-origin' ? { test, result: 'corp-implemented-with-cross-origin', modifier: 0 } : { test, result: 'corp-header-invalid', modifier: -5 };
}

function crossOriginResourceSharing(origin: string | undefined, credentials: string | undefined): Finding {
  const test = 'cross-origin-resource-sharing';
  if (!origin) return { test, result: 'cross-origin-resource-sharing-not-implemented', modifier: 0 };
  if (origin.trim() === '*') return { test, result: 'cross-origin-resource-sharing-implemented-with-public-access', modifier: 0 };
  // A fixed origin cannot be told from one reflected from the request: with credentials, the worst is assumed.
  return credentials?.trim().toLowerCase() === 'true'
    ? { test, result: 'cross-origin-resource-sharing-implemented-with-universal-access', modifier: -50 }
    : { test, result: 'cross-origin-resource-sharing-implemented-with-restricted-access', modifier: 0 };
}

function cookies(header: string | undefined): Finding {
  const test = 'cookies';
  if (!header) return { test, result: 'cookies-not-found', modifier: 0 };
  const flags = header.toLowerCase();
  if (!/;\s*secure\b/.test(flags)) return { test, result: 'cookies-without-secure-flag', modifier: -20 };
  if (!/;\s*httponly\b/.test(flags)) return { test, result: 'cookies-session-without-httponly-flag', modifier: -30 };
  return /;\s*samesite=(strict|lax)\b/.test(flags)
    ? { test, result: 'cookies-secure-with-httponly-sessions-and-samesite', modifier: 5 }
    : { test, result: 'cookies-secure-with-httponly-sessions', modifier: 0 };
}

/** What each header test finds in one response's headers (names in lower case). */
export function observatoryFindings(headers: Record<string, string>): Finding[] {
  return [
    contentSecurityPolicy(headers['content-security-policy']),
    strictTransportSecurity(headers['strict-transport-security']),
    xFrameOptions(headers['x-frame-options'], headers['content-security-policy']),
    xContentTypeOptions(headers['x-content-type-options']),
    referrerPolicy(headers['referrer-policy']),
    crossOriginResourcePolicy(headers['cross-origin-resource-policy']),
    crossOriginResourceSharing(headers['access-control-allow-origin'], headers['access-control-allow-credentials']),
    cookies(headers['set-cookie']),
  ];
}

const GRADES: [number, string][] = [
  [100, 'A+'], [90, 'A'], [85, 'A-'], [80, 'B+'], [70, 'B'], [65, 'B-'], [60, 'C+'], [50, 'C'], [45, 'C-'], [40, 'D+'], [30, 'D'], [25, 'D-'], [0, 'F'],
];

/**
 * The score: 100, less every penalty, plus the bonuses only when what is left is 90 (an A) or
 * more; and its grade.
 */
export function observatoryGrade(findings: Finding[]): { score: number; grade: string; deductions: Finding[] } {
  const deductions = findings.filter((finding) => finding.modifier < 0);
  const penalised = 100 + deductions.reduce((sum, finding) => sum + finding.modifier, 0);
  const bonus = findings.filter((finding) => finding.modifier > 0).reduce((sum, finding) => sum + finding.modifier, 0);
  const score = Math.max(0, penalised >= 90 ? penalised + bonus : penalised);
  return { score, grade: GRADES.find(([minimum]) => score >= minimum)![1], deductions };
}
