import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroEnv, pagesBuilt, productionBuildIn } from '../support/astro-cli.ts';
import { SOURCE_DATE_EPOCH } from '../support/build-site.ts';
import { copySite } from '../support/site-copy.ts';
import { fingerprint } from '../support/site-files.ts';

// `npm run build` killed as a crash or an operator would kill it: at steps of the publishing
// wing that change the disk (by a preloaded module, tests/support/kill-at.mjs), while
// Astro renders, and only its parent. Whenever it dies, readers must see the complete old or the
// complete new site, byte for byte, and the next build must succeed and reuse what is there.
const site = copySite();
afterAll(() => site.remove());
const at = (path: string) => join(site.root, path);
const ARTICLE = readFileSync('content/articles/xi-und-putin-sprechen-per-videoschalte.md', 'utf8');
const NEW_ARTICLE = at('content/articles/eilmeldung.md');
const env = (extra: Record<string, string> = {}) =>
  astroEnv({ FORCE_COLOR: '0', SOURCE_DATE_EPOCH, NODE_OPTIONS: `--import ${resolve('tests/support/kill-at.mjs')}`, ...extra });

/** `npm run build` in its own process group, with what it printed. */
function startBuild(extra: Record<string, string> = {}) {
  const child = spawn('npm', ['run', 'build'], { cwd: site.root, env: env(extra), detached: true });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const ended = once(child, 'close').then(([code, signal]) => ({ code: code as number | null, signal: signal as string | null, output }));
  return { child, ended, output: () => output };
}

/** The two editions the builds alternate between: without and with the new article. */
const editions: Record<'old' | 'new', Record<string, string>> = { old: {}, new: {} };
const setEdition = (name: keyof typeof editions) => (name === 'new' ? writeFileSync(NEW_ARTICLE, ARTICLE.replace(/^title: .*$/m, 'title: Eilmeldung')) : rmSync(NEW_ARTICLE, { force: true }));

beforeAll(async () => {
  await productionBuildIn(site.root, { SOURCE_DATE_EPOCH });
  editions.old = fingerprint(at('dist'));
  setEdition('new');
  await productionBuildIn(site.root, { SOURCE_DATE_EPOCH });
  editions.new = fingerprint(at('dist'));
  expect(editions.new).not.toEqual(editions.old);
}, 180_000);

let live: keyof typeof editions = 'new';
/** Kills a build towards the other edition by `kill`, checks what readers see, then builds it whole. */
async function killAndRecover(kill: (build: ReturnType<typeof startBuild>) => Promise<void> | void, extra: Record<string, string> = {}) {
  const target = live === 'new' ? 'old' : 'new';
  setEdition(target);
  const build = startBuild(extra);
  await kill(build);
  const { code, signal, output } = await build.ended;
  // Killed with npm, or alone: then the shell npm runs it in tells a death by SIGKILL as 128 + 9.
  expect(signal === 'SIGKILL' || code === 137, output).toBe(true);
  const seen = fingerprint(at('dist'));
  expect([editions.old, editions.new], 'the live site after the kill').toContainEqual(seen);
  const { stdout } = await productionBuildIn(site.root, { SOURCE_DATE_EPOCH });
  expect(fingerprint(at('dist')), 'the live site after the next build').toEqual(editions[target]);
  live = target;
  return { stdout, ...pagesBuilt(at('dist')) };
}

describe('npm run build, killed', () => {
  // Every step of the wing is killed in tests/unit/publish-crash.test.ts, under a fake build;
  // here the real one dies before, after and inside Astro's build and inside the switch.
  it.each([
    ['making the next site ready', 'prepareStaging@1'],
    ['recording what the build wrote', 'astro:build:done@1'],
    ['switching dist to it', 'goLive@3'],
  ])('%s (%s) leaves the old or new site, and the next build recovers', async (_step, point) => {
    await killAndRecover(() => {}, { KILL_AT: point });
  });

  it('while Astro renders pages, and the next build takes the unchanged pages from what is there', async () => {
    const { stdout, restored } = await killAndRecover(async (build) => {
      while (!/generating static routes/.test(build.output())) await once(build.child.stdout!, 'data');
      process.kill(-build.child.pid!, 'SIGKILL');
    });
    // The half-built folder is not trusted: the next build starts from a copy of the live site.
    expect(stdout).toContain(': a copy of the live site.');
    // Every listing shows the article the editions differ by; the real article's page is unchanged.
    expect(restored).toContain('politik/international/xi-und-putin-sprechen-per-videoschalte/index.html');
  });

  it('the parent alone: the build goes on and holds the lock, so a second build is refused', async () => {
    const resume = join(site.root, 'weiter');
    const target = live === 'new' ? 'old' : 'new';
    setEdition(target);
    const build = startBuild({ PAUSE_AT: 'prepareStaging@1', RESUME_FILE: resume });
    while (!build.output().includes('paused at')) await once(build.child.stderr!, 'data');
    const lock = JSON.parse(readFileSync(at('.cache/astro/build.lock'), 'utf8')) as { pid: number };
    build.child.kill('SIGKILL');
    await expect(productionBuildIn(site.root, { SOURCE_DATE_EPOCH })).rejects.toMatchObject({
      stderr: expect.stringContaining(`Another build (process ${lock.pid} on ${hostname()})`),
    });
    writeFileSync(resume, '');
    // The orphaned build finishes on its own and goes live; it holds npm's output pipe until it ends.
    await build.ended;
    expect(fingerprint(at('dist'))).toEqual(editions[target]);
    live = target;
    rmSync(resume);
  });
});

describe('npm run build, started many times at once on a lock its holder left', () => {
  it('8 builds: exactly one builds, the others are refused, and the site is whole', async () => {
    const count = 8;
    writeFileSync(at('.cache/astro/build.lock'), JSON.stringify({ pid: 2 ** 22 + 4711, host: hostname(), token: `stale-${count}` }));
    const target = live === 'new' ? 'old' : 'new';
    setEdition(target);
    const builds = Array.from({ length: count }, () => startBuild());
    const ended = await Promise.all(builds.map((build) => build.ended));
    const built = ended.filter((result) => result.code === 0);
    expect(built, ended.map((result) => result.output.slice(-300)).join('\n---\n')).toHaveLength(1);
    for (const refused of ended.filter((result) => result.code !== 0)) expect(refused.output).toMatch(/Another build \(process \d+ on /);
    expect(fingerprint(at('dist'))).toEqual(editions[target]);
    live = target;
  });
});
