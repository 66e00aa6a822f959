import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDER_DEADLINE_MS } from '../../src/lib/ads/ask-provider.ts';
import { AD_FORMATS, type AdFormat } from '../../src/lib/ads/formats.ts';
import { slotStates, slotsOnDisk } from '../support/ad-checks.ts';
import { astroBuildIn } from '../support/astro-cli.ts';
import { chromiumAvailable, launchChromium, VIEWPORTS } from '../support/browser.ts';
import { BUILT_SITE, SOURCE_DATE_EPOCH } from '../support/build-site.ts';
import { ARTICLE_PATH } from '../support/dist.ts';
import { headersFor } from '../support/headers-file.ts';
import { imagesDecoded, layoutShiftTotal, shiftedElements, recordLayoutShifts, scrollThrough, slowCpu } from '../support/page-checks.ts';
import { copySite } from '../support/site-copy.ts';
import { serveStatic } from '../support/static-server.ts';

// One creative ended a minute before the build's SOURCE_DATE_EPOCH, one starts a minute after,
// and both would win nearly every slot by weight if they ran.
const minuteFromEpoch = (minutes: number) => new Date((Number(SOURCE_DATE_EPOCH) + minutes * 60) * 1000).toISOString().replace('.000Z', '+00:00');
const MORE_HOUSE_ADS = `
- id: abgelaufen
  formats: [medium-rectangle, half-page]
  headline: Abgelaufene Aktion
  text: Diese Anzeige lief bis eine Minute vor dem Bau der Seite.
  action: Nicht mehr gültig
  image: images/house-ads/abo.png
  link: /abo/
  end: ${minuteFromEpoch(-1)}
  weight: 1000
- id: demnaechst
  formats: [medium-rectangle, half-page]
  headline: Kommende Aktion
  text: Diese Anzeige läuft erst eine Minute nach dem Bau der Seite an.
  action: Noch nicht gültig
  image: images/house-ads/abo.png
  link: /abo/
  start: ${minuteFromEpoch(1)}
  weight: 1000
- id: leserabend
  formats: [medium-rectangle]
  headline: Leserabend
  text: Ein Abend mit der Redaktion, bei einem Veranstalter in der Stadt.
  action: Zur Anmeldung
  image: images/house-ads/newsletter.png
  link: https://veranstaltung.example/leserabend
  weight: 1000
`;

/** A plain creative of the size the slot asked for. */
const creative = (width: string | null, height: string | null) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#d8dde3"/></svg>`;

// A production build takes ad servers over https only, and none on this machine: the fake one
// answers under two made-up names that Chromium is told lead here, with a certificate made now.
const AD_HOST = 'anzeigen.test';
const OTHER_HOST = 'andere.test';
const BROWSER_ARGS = [`--host-resolver-rules=MAP ${AD_HOST} 127.0.0.1, MAP ${OTHER_HOST} 127.0.0.1`, '--ignore-certificate-errors'];

function makeCertificate() {
  const folder = mkdtempSync(join(tmpdir(), 'ad-server-'));
  const [key, cert] = [join(folder, 'key.pem'), join(folder, 'cert.pem')];
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', `/CN=${AD_HOST}`,
    '-addext', `subjectAltName=DNS:${AD_HOST},DNS:${OTHER_HOST}`], { stdio: 'ignore' });
  const pair = { key: readFileSync(key), cert: readFileSync(cert) };
  rmSync(folder, { recursive: true, force: true });
  return pair;
}

/** A fake ad server on its own origin: its script, one creative, and a count of what was asked. */
async function startAdServer() {
  const requests: string[] = [];
  const server: Server = createServer(makeCertificate(), (request, response) => {
    const url = new URL(request.url ?? '/', 'http://ads');
    requests.push(url.pathname);
    if (url.pathname === '/ad-server.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync('tests/fixtures/ad-provider/ad-server.js'));
    } else if (url.pathname === '/creative.svg') {
      response.writeHead(200, { 'content-type': 'image/svg+xml' }).end(creative(url.searchParams.get('width'), url.searchParams.get('height')));
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { port, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const policyOf = (dist: string) =>
  Object.fromEntries(
    headersFor(readFileSync(join(dist, '_headers'), 'utf8'), '/')
      ['content-security-policy'].split('; ')
      .map((directive) => directive.split(' '))
      .map(([name, ...sources]) => [name, sources]),
  );

describe('a site built with a runtime ad provider', () => {
  const copy = copySite();
  const dist = join(copy.root, 'dist');
  let adServer: Awaited<ReturnType<typeof startAdServer>>;
  let origin: string;

  beforeAll(async () => {
    adServer = await startAdServer();
    origin = `https://${AD_HOST}:${adServer.port}`;
    mkdirSync(join(copy.root, 'ad-provider'));
    copyFileSync('tests/fixtures/ad-provider/test-provider.ts', join(copy.root, 'ad-provider/test-provider.ts'));
    const config = readFileSync(join(copy.root, 'astro.config.mjs'), 'utf8');
    const unset = 'const AD_PROVIDER = undefined;';
    expect(config).toContain(unset);
    const provider = { module: './ad-provider/test-provider.ts', origins: { 'script-src': [origin], 'img-src': [origin] } };
    writeFileSync(join(copy.root, 'astro.config.mjs'), config.replace(unset, `const AD_PROVIDER = ${JSON.stringify(provider)};`));
    writeFileSync(join(copy.root, 'content/house-ads.yaml'), readFileSync('content/house-ads.yaml', 'utf8') + MORE_HOUSE_ADS);
    await astroBuildIn(copy.root, { SOURCE_DATE_EPOCH });
  });

  afterAll(async () => {
    await adServer?.close();
    copy.remove();
  });

  it('allows the provider’s declared origins in the CSP of _headers, and nothing else', () => {
    const withProvider = policyOf(dist);
    const houseAdsOnly = policyOf(BUILT_SITE);
    expect(withProvider['script-src']).toContain(origin);
    expect(withProvider['img-src']).toContain(origin);
    const withoutHashes = (policy: Record<string, string[]>, drop: string[] = []) =>
      Object.entries(policy).map(([name, sources]) => [name, sources.filter((source) => !source.startsWith("'sha256-") && !drop.includes(source))]);
    expect(withoutHashes(withProvider, [origin])).toEqual(withoutHashes(houseAdsOnly));
  });

  it('never shows a house ad past its end or before its start, and marks one leading away as sponsored', () => {
    const slots = slotsOnDisk(dist);
    expect(slots.length).toBeGreaterThanOrEqual(3);
    const shown = slots.flatMap((slot) => slot.houseAds);
    expect(shown).not.toContain('abgelaufen');
    expect(shown).not.toContain('demnaechst');
    const leaving = slots.filter((slot) => slot.houseAds[0] === 'leserabend');
    expect(leaving.length).toBeGreaterThan(0);
    for (const slot of leaving) expect(slot).toMatchObject({ href: 'https://veranstaltung.example/leserabend', rel: 'sponsored noopener' });
  });

  describe.runIf(chromiumAvailable())('in Chromium', () => {
    let browser: Browser;
    let site: Awaited<ReturnType<typeof serveStatic>>;

    beforeAll(async () => {
      [browser, site] = await Promise.all([launchChromium(BROWSER_ARGS), serveStatic(dist)]);
    });

    afterAll(async () => {
      await browser?.close();
      await site?.close();
    });

    /** Opens the article with the test provider told what to do per slot; records what went wrong. */
    async function open(viewport: (typeof VIEWPORTS)[keyof typeof VIEWPORTS], behaviour: Record<string, string> = {}, javaScriptEnabled = true, startFails = false, slowdown = 1) {
      const context = await browser.newContext({ viewport, javaScriptEnabled });
      const page = await context.newPage();
      if (slowdown > 1) await slowCpu(page, slowdown);
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
      await page.addInitScript(
        (setup) => {
          const blocked: string[] = [];
          Object.assign(window, { adTest: { ...setup, calls: [] }, blocked });
          document.addEventListener('securitypolicyviolation', (event) => blocked.push(`${event.effectiveDirective} ${event.blockedURI}`));
        },
        { origin, undeclaredOrigin: `https://${OTHER_HOST}:${adServer.port}`, behaviour, startFails },
      );
      await recordLayoutShifts(page);
      await page.goto(site.url + ARTICLE_PATH, { waitUntil: 'networkidle' });
      return { page, problems, close: () => context.close() };
    }

    const adTest = (page: Page) => page.evaluate(() => window.adTest);
    const blocked = (page: Page) => page.evaluate(() => (window as unknown as { blocked: string[] }).blocked);
    const sizeOf = (format: string) => {
      const { width, height } = AD_FORMATS[format as AdFormat];
      return { width, height };
    };

    it('tells the provider every slot with its size, and asks for each only as it comes near the viewport', async () => {
      const { page, problems, close } = await open(VIEWPORTS.phone);
      const atLoad = await adTest(page);
      expect(atLoad.started?.path).toBe(ARTICLE_PATH);
      expect(atLoad.started?.slots).toEqual([
        { id: 'article-1', format: 'medium-rectangle', ...sizeOf('medium-rectangle') },
        { id: 'article-2', format: 'medium-rectangle', ...sizeOf('medium-rectangle') },
        { id: 'sidebar', format: 'half-page', ...sizeOf('half-page') },
      ]);
      // On a phone both slots in the text are screens below, and the sidebar is not shown at all.
      expect(atLoad.calls).toEqual([]);
      await scrollThrough(page);
      const { calls } = await adTest(page);
      expect(calls.map((call) => call.id)).toEqual(['article-1', 'article-2']);
      for (const call of calls) {
        expect(call).toMatchObject(sizeOf(call.format));
        expect(call.top, call.id).toBeLessThan(call.viewport * 1.5 + 1);
        expect(call.top, call.id).toBeGreaterThan(-call.height);
      }
      expect(problems).toEqual([]);
      await close();
    });

    it.each(Object.entries(VIEWPORTS).flatMap(([width, viewport]) => [1, 4].map((slowdown) => [width, slowdown, viewport] as const)))(
      'shows what the provider delivers in place of the house ad, at the slot’s size, without a shift, at %s width, the CPU slowed %i×', async (width, slowdown, viewport) => {
      const { page, problems, close } = await open(viewport, {}, true, false, slowdown);
      // The sidebar's loader asks once its observer reports, which a slowed page may do after the network is idle.
      if (width === 'desktop') await expect.poll(async () => (await adTest(page)).calls.map((call) => call.id)).toEqual(['sidebar']);
      await scrollThrough(page);
      // The provider fills each slot as it comes near: wait for the page to show every fill, then for its images.
      const filled = () => slotStates(page).then((slots) => slots.filter((slot) => slot.shown).map((slot) => slot.filled));
      await expect.poll(filled, { timeout: PROVIDER_DEADLINE_MS + 10_000 }).toEqual(Array(width === 'desktop' ? 3 : 2).fill('provider'));
      await imagesDecoded(page);
      const shown = (await slotStates(page)).filter((slot) => slot.shown);
      expect(shown.length).toBe(width === 'desktop' ? 3 : 2);
      for (const slot of shown) {
        expect(slot, slot.id).toMatchObject({ filled: 'provider', link: null, label: 'Anzeige', box: sizeOf(slot.format), containers: 1 });
        expect(slot.images).toEqual([{ ...sizeOf(slot.format), pixels: sizeOf(slot.format) }]);
      }
      expect(await layoutShiftTotal(page), (await shiftedElements(page)).join('\n')).toBe(0);
      expect(problems).toEqual([]);
      if (slowdown === 1) await page.screenshot({ path: `test-results/screenshots/article-ad-provider-${width}.png`, fullPage: true });
      await close();
    });

    it('keeps the house ad where the provider throws, never answers, or loads from an origin the CSP does not allow', async () => {
      const failing = { 'article-1': 'throw', 'article-2': 'never', sidebar: 'undeclared-origin' };
      const { page, problems, close } = await open(VIEWPORTS.desktop, failing);
      await scrollThrough(page);
      // Each slot's loader asks as the slot comes near, gives up on its provider after the
      // deadline, and removes the empty container it had added for the ad.
      await expect.poll(async () => (await adTest(page)).calls.length, { timeout: 30_000 }).toBe(3);
      await expect
        .poll(async () => (await slotStates(page)).map((slot) => slot.containers), { timeout: PROVIDER_DEADLINE_MS + 10_000 })
        .toEqual([0, 0, 0]);
      expect((await adTest(page)).calls.map((call) => call.id).sort()).toEqual(['article-1', 'article-2', 'sidebar']);
      const slots = await slotStates(page);
      expect(slots).toHaveLength(3);
      for (const slot of slots) {
        expect(slot, slot.id).toMatchObject({ filled: undefined, containers: 0, box: sizeOf(slot.format) });
        expect(slot.link, slot.id).toMatchObject({ ...sizeOf(slot.format) });
        expect(slot.images.length).toBe(1);
      }
      expect(await blocked(page)).toEqual([`img-src https://${OTHER_HOST}:${adServer.port}/creative.svg?width=300&height=600`]);
      expect(await layoutShiftTotal(page), (await shiftedElements(page)).join('\n')).toBe(0);
      // The refused image is the browser's complaint, not the page's: nothing escaped as an error.
      expect(problems.filter((problem) => !problem.includes('Content Security Policy'))).toEqual([]);
      await close();
    });

    it('keeps every house ad when the provider cannot start, and asks it for nothing', async () => {
      const { page, problems, close } = await open(VIEWPORTS.desktop, {}, true, true);
      await scrollThrough(page);
      expect((await adTest(page)).started).toBeDefined();
      const slots = await slotStates(page);
      expect(slots).toHaveLength(3);
      for (const slot of slots) expect(slot, slot.id).toMatchObject({ filled: undefined, containers: 0, link: { ...sizeOf(slot.format) } });
      expect((await adTest(page)).calls).toEqual([]);
      expect(problems).toEqual([]);
      await close();
    });

    it('reads the same with JavaScript off: house ads in every slot, and not one request to the ad server', async () => {
      const before = adServer.requests.length;
      const { page, close } = await open(VIEWPORTS.desktop, {}, false);
      const slots = await slotStates(page);
      expect(slots.map((slot) => ({ id: slot.id, filled: slot.filled, houseAd: Boolean(slot.link) }))).toEqual(
        ['article-1', 'article-2', 'sidebar'].map((id) => ({ id, filled: undefined, houseAd: true })),
      );
      expect(adServer.requests.length).toBe(before);
      await close();
    });
  });
});
