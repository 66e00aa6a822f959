import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { serviceWorker } from '../../src/publish/offline/service-worker.ts';
import { hooksOf } from '../support/integration-hooks.ts';

const site = mkdtempSync(join(tmpdir(), 'service-worker-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

/** The offline and Gemerkt pages as a build under `base` writes them, loading `style`. */
function writeShell(base: string, style: string) {
  for (const page of ['offline', 'gemerkt']) {
    mkdirSync(join(site, page), { recursive: true });
    writeFileSync(join(site, page, 'index.html'), `<!doctype html><link rel="stylesheet" href="${base}_astro/${style}"><script type="module" src="${base}_astro/${page}.js"></script><h1>${page}</h1>`);
  }
}

/** The worker a build under `base` writes, and the settings it starts with. */
async function build(base: string) {
  const call = hooksOf(serviceWorker());
  await call('astro:config:done', { config: { root: new URL('../../', import.meta.url), base } });
  await call('astro:build:done', { dir: pathToFileURL(`${site}/`) });
  const script = readFileSync(join(site, 'service-worker.js'), 'utf8');
  const [, settings] = /^const OFFLINE = (.*);\n/.exec(script)!;
  return { script, ...(JSON.parse(settings) as { version: string; shell: string[] }) };
}

describe('the service worker integration', () => {
  it('writes the worker, bundled and minified, with the shell pages and the files they load under the site’s base', async () => {
    writeShell('/zeitung/', 'stil.css');
    const worker = await build('/zeitung');
    expect(worker.shell).toEqual(['offline/', 'gemerkt/', '_astro/gemerkt.js', '_astro/offline.js', '_astro/stil.css']);
    expect(worker.script).not.toMatch(/^import |\nimport /);
    expect(worker.script.split('\n').length).toBeLessThan(10);
    expect(worker.script).toContain('addEventListener');
  }, 60_000);

  it('is the same for the same site, and of another version when the shell’s look changes', async () => {
    writeShell('/', 'stil.css');
    const first = await build('/');
    expect((await build('/')).script).toBe(first.script);
    writeShell('/', 'stil-2.css');
    const changed = await build('/');
    expect(changed.version).not.toBe(first.version);
    expect(changed.shell).toContain('_astro/stil-2.css');
  }, 60_000);
});
