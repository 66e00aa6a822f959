// Screenshots of the built article at phone and desktop width, to look at what readers see.
// Usage: npm run build && npm run screenshots [-- <path>]
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium, VIEWPORTS } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/static-server.ts';

const path = process.argv[2] ?? '/politik/international/xi-und-putin-sprechen-per-videoschalte/';
const out = resolve('test-results/screenshots');
mkdirSync(out, { recursive: true });
const server = await serveStatic(resolve('dist'));
const browser = await launchChromium();
try {
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    const page = await browser.newPage({ viewport });
    await page.goto(server.url + path, { waitUntil: 'networkidle' });
    const file = `${out}/${path.replaceAll('/', '_').replace(/^_|_$/g, '') || 'home'}-${name}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(`wrote ${file}`);
  }
} finally {
  await browser.close();
  await server.close();
}
