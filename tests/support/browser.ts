import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; tests never download a browser of their own. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether the browser tests run. A missing Chromium fails the run wherever it happens, so some
 * thirty tests never turn into quiet skips; SKIP_BROWSER=1 is the one way to leave them out, and
 * it says so loudly.
 */
export function chromiumAvailable(): boolean {
  if (process.env.SKIP_BROWSER === '1') {
    console.warn('\n*** SKIP_BROWSER=1: the browser, reader, search and Lighthouse tests in Chromium are SKIPPED. ***\n');
    return false;
  }
  if (existsSync(CHROMIUM)) return true;
  throw new Error(`Chromium not found at ${CHROMIUM}: install it with \`apt-get install -y chromium\`, or set SKIP_BROWSER=1 to leave the browser tests out`);
}

/** What Chromium runs with here: as root in a container, without a GPU, and without calls home. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

/** Chromium as every test runs it; `extraArgs` for a test that needs more, e.g. host names mapped to this machine. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export const VIEWPORTS = {
  phone: { width: 375, height: 812 },
  desktop: { width: 1280, height: 900 },
} as const;
