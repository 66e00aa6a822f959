import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdProviderConfig } from '../../src/lib/ads/provider.ts';
import { cdnHeaders } from '../../src/publish/site/cdn-headers.ts';
import { headersFor } from '../support/headers-file.ts';
import { hooksOf } from '../support/integration-hooks.ts';

const hash = (code: string) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`;
const PAGE_SCRIPT = 'document.documentElement.dataset.js = ""';
const PAGE_STYLE = 'p{color:red}';
/** Script-like text in a file that is not a page: no page runs it, so the policy must not allow it. */
const NOT_A_PAGE = 'alert(1)';
const AD_ORIGIN = 'https://ads.example.com';

let folder: string;
beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'cdn-headers-'))));
afterEach(() => rmSync(folder, { recursive: true }));

/** A build of three files through the integration's hooks; resolves with the `_headers` it wrote. */
async function build(base: string, adProvider?: AdProviderConfig) {
  const site = join(folder, 'dist');
  const files = {
    'index.html': `<!doctype html><html><head><style>${PAGE_STYLE}</style></head><body><script>${PAGE_SCRIPT}</script></body></html>`,
    'politik/index.html': '<!doctype html><html><body><h1>Politik</h1></body></html>',
    '_astro/app.js': `document.write("<script>${NOT_A_PAGE}</script>")`,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), text);
  }
  const call = hooksOf(cdnHeaders(adProvider));
  await call('astro:config:done', { config: { base, cacheDir: pathToFileURL(join(folder, 'cache/')) } });
  const assets = new Map([['pages', Object.keys(files).map((path) => pathToFileURL(join(site, path)))]]);
  await call('astro:build:done', { dir: pathToFileURL(`${site}/`), assets });
  return readFileSync(join(site, '_headers'), 'utf8');
}

/** The policy's directives a page under `path` gets, by name. */
function policyFor(headers: string, path: string) {
  const policy = headersFor(headers, path)['content-security-policy'];
  return Object.fromEntries(policy.split(';').map((directive) => directive.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));
}

describe('the CDN headers integration', () => {
  it('writes dist/_headers for the base the site is built with', async () => {
    const headers = await build('/zeitung');
    expect(headers.split('\n')[0]).toBe('/zeitung/*');
    expect(headersFor(headers, '/zeitung/politik/')['content-security-policy']).toBeDefined();
    expect(headersFor(headers, '/politik/')['content-security-policy']).toBeUndefined();
  });

  it('allows exactly the inline scripts and styles of the pages', async () => {
    const policy = policyFor(await build('/'), '/');
    expect(policy['script-src']).toContain(hash(PAGE_SCRIPT));
    expect(policy['style-src']).toContain(hash(PAGE_STYLE));
    expect(JSON.stringify(policy)).not.toContain(hash(NOT_A_PAGE));
  });

  it('allows the origins a configured ad provider declares, and none without one', async () => {
    const provider = { module: './src/ads/anzeigen.ts', origins: { 'script-src': [AD_ORIGIN] } };
    expect(policyFor(await build('/', provider), '/')['script-src']).toContain(AD_ORIGIN);
    expect(await build('/')).not.toContain(AD_ORIGIN);
  });
});
