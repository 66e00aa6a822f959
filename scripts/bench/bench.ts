// Build benchmark: our site against a bare Astro 7 markdown template on the same N generated
// articles, in one run on one machine, measuring what users run. Our site is built with
// `npm run build` five times: cold (no caches), twice with nothing changed (the first rebuild
// also sets up the staging folder), after one new article, and after a one-word correction; the bare template with `astro build`, cold. Both
// are then started with `astro dev`, first after the build and then warm, three times each in
// turns (medians).
// Usage: npm run bench -- [N=1000] [--photos] [--no-dev] [--keep]
//   --photos  every article gets two photos of its own (agency size), and a second copy of our
//             site with the usual two shared photos is built cold, for the cost of a photo
//   --no-dev  leaves out the dev-server starts
//   --keep    leaves the generated sites in the temp folder, for profiling
// Linux only (memory is sampled from /proc).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pagesBuilt } from '../../tests/support/astro-cli.ts';
import { drawPictures } from './agency-photos.ts';
import { median, savesOf, seconds, slipsOf, times } from './editor-waits.ts';
import { devStart, measure, type Run } from './measure.ts';
import { bareTemplate, correctOneWord, ourSite, type Site, writeArticle, writeArticles } from './sites.ts';

const args = process.argv.slice(2);
const count = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 1000);
const withPhotos = args.includes('--photos');
const work = mkdtempSync(join(tmpdir(), 'bench-'));
const astro = resolve('node_modules/astro/bin/astro.mjs');

/** `npm run build`, with how it made its pages (the record it leaves beside them). */
const npmBuild = async (site: Site) => ({ ...(await measure('npm', ['run', 'build'], site.root)), pages: pagesBuilt(join(site.root, 'dist')) });
const astroBuild = (site: Site) => measure(process.execPath, [astro, 'build'], site.root);
const devStartOf = (site: Site) => devStart(astro, site.root, site.articlePath);

/**
 * `astro dev` of both sites: the first start after their builds, then three warm starts each,
 * taken in turns so that a busy moment of the machine falls on both; the medians are reported.
 */
async function devStarts(bare: Site, ours: Site) {
  const afterBuild = { bare: await devStartOf(bare), ours: await devStartOf(ours) };
  const warm: { bare: Awaited<ReturnType<typeof devStartOf>>[]; ours: Awaited<ReturnType<typeof devStartOf>>[] } = { bare: [], ours: [] };
  for (let round = 0; round < 3; round++) {
    warm.bare.push(await devStartOf(bare));
    warm.ours.push(await devStartOf(ours));
  }
  const middle = (runs: typeof warm.bare) => ({ ready: median(runs.map((run) => run.ready)), firstPage: median(runs.map((run) => run.firstPage)) });
  return {
    bare: { afterBuild: afterBuild.bare, warm: middle(warm.bare) },
    ours: { afterBuild: afterBuild.ours, warm: middle(warm.ours) },
  };
}

function row(name: string, run: Run & { pages?: ReturnType<typeof pagesBuilt> }) {
  const line = `${name.padEnd(34)} ${seconds(run.seconds).padStart(8)} ${run.peakMb.toFixed(0).padStart(6)} MB peak`;
  if (!run.pages) return line;
  const { rendered, restored } = run.pages;
  const copied = restored.length ? `, ${restored.length} restored (${((100 * restored.length) / (rendered.length + restored.length)).toFixed(1)} %)` : '';
  return `${line}   ${rendered.length} pages rendered${copied}`;
}

try {
  console.log(`${count} articles${withPhotos ? ', each with two photos of its own' : ''}; sites in ${work}`);
  const pictures = withPhotos ? await drawPictures(8) : undefined;

  const bare = bareTemplate(join(work, 'bare'));
  writeArticles(bare, count);
  const bareCold = await astroBuild(bare);

  const ours = ourSite(join(work, 'site'));
  writeArticles(ours, count, pictures);
  const cold = await npmBuild(ours);
  // The first rebuild also makes the next generation a copy of the live site; from then on it is
  // brought up to date with the live one (src/publish/site/staging.ts).
  const firstRebuild = await npmBuild(ours);
  const unchanged = await npmBuild(ours);
  writeArticle(ours, count, pictures);
  const published = await npmBuild(ours);
  correctOneWord(ours, Math.floor(count / 2));
  const corrected = await npmBuild(ours);

  let shared: Awaited<ReturnType<typeof npmBuild>> | undefined;
  if (withPhotos) {
    const site = ourSite(join(work, 'site-shared'));
    writeArticles(site, count);
    shared = await npmBuild(site);
  }
  const dev = args.includes('--no-dev') ? undefined : await devStarts(bare, ours);
  const saves = args.includes('--no-dev') ? undefined : { bare: await savesOf(bare), ours: await savesOf(ours) };
  const slips = args.includes('--no-dev') ? undefined : await slipsOf(ours, pictures);

  console.log(`\n${count} articles, ${new Date().toISOString().slice(0, 10)}`);
  console.log(row('bare template, cold (astro build)', bareCold));
  console.log(row('ours, cold (npm run build)', cold));
  console.log(row('ours, first rebuild', firstRebuild));
  console.log(row('ours, nothing changed', unchanged));
  console.log(row('ours, one new article', published));
  console.log(row('ours, one-word correction', corrected));
  if (shared) console.log(row('ours with shared photos, cold', shared));
  const half = bareCold.seconds / 2;
  console.log(`\nhalf the bare template's cold build: ${seconds(half)}`);
  console.log(`new article: ${(published.seconds / bareCold.seconds).toFixed(2)}× the bare cold build; correction: ${(corrected.seconds / bareCold.seconds).toFixed(2)}×`);
  console.log(`peak memory, cold: ${(cold.peakMb / bareCold.peakMb).toFixed(2)}× the bare template's`);
  if (shared) console.log(`a photo of its own costs ${seconds((cold.seconds - shared.seconds) / (2 * count))} of cold build`);
  if (dev) {
    for (const [start, name] of [['afterBuild', 'first start after a build'], ['warm', 'warm start, median of three']] as const) {
      const [b, o] = [dev.bare[start], dev.ours[start]];
      console.log(`astro dev, ${name}: ready ${seconds(o.ready)} (bare ${seconds(b.ready)}), first article page ${seconds(o.firstPage)} (bare ${seconds(b.firstPage)})`);
    }
  }
  if (saves) console.log(`astro dev, a saved word shown after: ours ${times(saves.ours)}; bare ${times(saves.bare)}`);
  if (slips) console.log(`astro dev, a mistake shown after: ${times(slips.shown)}; its fix shown after: ${times(slips.fixed)}`);
} finally {
  if (args.includes('--keep')) console.log(`Generated sites kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
