import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { publish } from '../../src/publish/site/publish.ts';
import { readRecord } from '../../src/publish/site/site-record.ts';
import { edition, fakeAstroBuild, siteFiles, type SiteFiles } from '../support/fake-build.ts';
import { faults, Killed } from '../support/faulty-fs.ts';

vi.mock('node:fs', async (original) => (await import('../support/faulty-fs.ts')).faulty(await original()));
// A killed build's lock names a process that is gone: here, one that never ran.
const GONE = 2 ** 22 + 4711;
let holder = process.pid;
vi.mock('../../src/publish/processes.ts', async (original) => {
  const real = await original<typeof import('../../src/publish/processes.ts')>();
  return { ...real, thisProcess: () => ({ ...real.thisProcess(), pid: holder }) };
});

let root: string;
const project = () => join(root, 'projekt');
const out = () => join(root, 'projekt/dist');
const cacheDir = () => join(root, 'projekt/.cache/astro');
const logged: string[] = [];
/** `npm run build` of `site` with the fake Astro build; resolves with the pages the build wrote. */
async function publishEdition(site: SiteFiles) {
  let written: string[] = [];
  await publish({
    out: out(),
    project: project(),
    cacheDir: cacheDir(),
    build: async (outDir) => {
      written = await fakeAstroBuild(outDir, cacheDir(), site);
    },
    log: (message) => logged.push(message),
  });
  return written;
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'publish-'));
  mkdirSync(project());
  faults.reset();
  holder = process.pid;
  logged.length = 0;
});
afterEach(() => {
  faults.reset();
  rmSync(root, { recursive: true, force: true });
});

describe('publish', () => {
  it('puts the site live as a link into its generation, with a record of every file', async () => {
    await publishEdition(edition(1));
    expect(siteFiles(out())).toEqual(edition(1));
    expect(lstatSync(out()).isSymbolicLink()).toBe(true);
    const record = readRecord(join(root, 'projekt', readlinkSync(out())))!;
    expect(Object.keys(record.files).sort()).toEqual(Object.keys(edition(1)).sort());
    expect(readlinkSync(out())).toBe(`dist.builds/${record.generation}/site`);
    expect(logged).toEqual([`${out()}.builds/next/site: emptied.`]);
  });

  it('builds the next site on a copy of the live one, then on the site before, writing only what changed', async () => {
    await publishEdition(edition(1));
    expect(await publishEdition(edition(2))).toEqual(expect.not.arrayContaining(['politik/index.html', 'politik/international/artikel/index.html']));
    await publishEdition(edition(3));
    expect(logged).toEqual([`${out()}.builds/next/site: emptied.`, `${out()}.builds/next/site: a copy of the live site.`, `${out()}.builds/next/site: brought up to date with the live site.`]);
    expect(siteFiles(out())).toEqual(edition(3));
    expect(readdirSync(`${out()}.builds`)).toHaveLength(2);
  });

  it('refuses to start while another build holds the lock, and leaves it to that build', async () => {
    await publishEdition(edition(1));
    mkdirSync(cacheDir(), { recursive: true });
    writeFileSync(join(cacheDir(), 'build.lock'), String(process.pid));
    await expect(publishEdition(edition(2))).rejects.toThrow(`Another build (process ${process.pid} on `);
    expect(readFileSync(join(cacheDir(), 'build.lock'), 'utf8')).toBe(String(process.pid));
    expect(siteFiles(out())).toEqual(edition(1));
  });

  it('keeps the live site when the build fails, and is ready for the next', async () => {
    await publishEdition(edition(1));
    await expect(
      publish({ out: out(), project: project(), cacheDir: cacheDir(), build: () => Promise.reject(new Error('kaputt')), log: () => {} }),
    ).rejects.toThrow('kaputt');
    expect(siteFiles(out())).toEqual(edition(1));
    expect(existsSync(join(cacheDir(), 'build.lock'))).toBe(false);
    await publishEdition(edition(2));
    expect(siteFiles(out())).toEqual(edition(2));
  });
});

/**
 * Publishing edition 2 over edition 1 is killed at every change it makes to the disk in turn.
 * Readers must see all of edition 1 or all of edition 2 at every such moment, and the builds
 * after must succeed and go live with exactly what they built.
 */
describe('publish, killed at every step', () => {
  /** The project after edition 1 went live, to start each kill from. */
  const template = () => join(tmpdir(), `publish-template-${process.pid}`);

  it('leaves the complete old or the complete new site live, and the next builds recover', async () => {
    await publishEdition(edition(1));
    await publishEdition(edition(2));
    rmSync(template(), { recursive: true, force: true });
    cpSync(project(), template(), { recursive: true, verbatimSymlinks: true });
    const seen = new Set<string>();
    let step = 1;
    for (; ; step++) {
      rmSync(project(), { recursive: true, force: true });
      cpSync(template(), project(), { recursive: true, verbatimSymlinks: true });
      holder = GONE;
      faults.reset(step);
      const killed = await publishEdition(edition(3)).then(
        () => false,
        (error: unknown) => (error instanceof Killed ? true : Promise.reject(error)),
      );
      faults.reset();
      // A build that made fewer changes than `step` was not killed: every step has had its turn.
      if (!killed) break;
      const live = siteFiles(out());
      expect([edition(2), edition(3)], `live after a kill at step ${step}`).toContainEqual(live);
      seen.add(live['index.html']);
      holder = process.pid;
      await publishEdition(edition(3));
      expect(siteFiles(out()), `step ${step}`).toEqual(edition(3));
      await publishEdition(edition(4));
      expect(siteFiles(out()), `step ${step}`).toEqual(edition(4));
      expect(readdirSync(`${out()}.builds`), `step ${step}`).toHaveLength(2);
    }
    expect(step).toBeGreaterThan(20);
    // The kills fell before and after the switch.
    expect(seen).toEqual(new Set([edition(2)['index.html'], edition(3)['index.html']]));
    rmSync(template(), { recursive: true, force: true });
  }, 120_000);
});
