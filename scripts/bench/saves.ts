// The editor's wait as the archive grows: for each N given, our site with N generated articles
// (the seed article's text, each its own slug and time), built with `npm run build`, then under
// `astro dev` three saves of one word in an article's body, three of its title, and three
// mistakes with their fixes, each timed until the article page shows it
// (scripts/bench/editor-waits.ts).
// Usage: npm run bench:saves -- [N ...]   (default: 1 5000 15000)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { savesOf, slipsOf, times, titlesOf } from './editor-waits.ts';
import { ourSite, writeArticles } from './sites.ts';

const counts = process.argv.slice(2).map(Number);
const work = mkdtempSync(join(tmpdir(), 'bench-saves-'));
const ms = (value: number) => `${Math.round(value * 1000)} ms`;
try {
  for (const count of counts.length ? counts : [1, 5000, 15000]) {
    const site = ourSite(join(work, String(count)));
    writeArticles(site, count);
    if (spawnSync('npm', ['run', 'build'], { cwd: site.root, stdio: 'ignore' }).status !== 0) throw new Error(`npm run build failed for ${count} articles`);
    const saves = await savesOf(site);
    const titles = await titlesOf(site);
    const slips = await slipsOf(site);
    console.log(
      `${count} articles: a saved word shown after ${times(saves, ms)}; a new title after ${times(titles, ms)}; ` +
        `a mistake after ${times(slips.shown, ms)}, its fix after ${times(slips.fixed, ms)}`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
