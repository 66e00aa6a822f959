import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publish } from '../../src/publish/site/publish.ts';
import { readRecord } from '../../src/publish/site/site-record.ts';
import { edition, siteFiles } from '../support/fake-build.ts';
import { publishProject } from '../support/publish-project.ts';

let current: ReturnType<typeof publishProject>;
const out = () => current.out;
const cacheDir = () => current.cacheDir;
const project = () => current.project;
const publishEdition = (site: Parameters<typeof current.publishEdition>[0]) => current.publishEdition(site);

beforeEach(() => {
  current = publishProject();
});
afterEach(() => rmSync(current.root, { recursive: true, force: true }));

describe('publish', () => {
  it('puts the site live as a link into its generation, with a record of every file', async () => {
    await publishEdition(edition(1));
    expect(siteFiles(out())).toEqual(edition(1));
    expect(lstatSync(out()).isSymbolicLink()).toBe(true);
    const record = readRecord(join(project(), readlinkSync(out())))!;
    expect(Object.keys(record.files).sort()).toEqual(Object.keys(edition(1)).sort());
    expect(readlinkSync(out())).toBe(`dist.builds/${record.generation}/site`);
    expect(current.logged).toEqual([`${out()}.builds/next/site: emptied.`]);
  });

  it('builds the next site on a copy of the live one, then on the site before, writing only what changed', async () => {
    await publishEdition(edition(1));
    expect(await publishEdition(edition(2))).toEqual(expect.not.arrayContaining(['politik/index.html', 'politik/international/artikel/index.html']));
    await publishEdition(edition(3));
    expect(current.logged).toEqual([`${out()}.builds/next/site: emptied.`, `${out()}.builds/next/site: a copy of the live site.`, `${out()}.builds/next/site: brought up to date with the live site.`]);
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

  it('keeps the live site when the build leaves no record of what it made', async () => {
    await publishEdition(edition(1));
    const build = async (site: string) => rmSync(join(site, '..', 'site.record.json'), { force: true });
    await expect(publish({ out: out(), project: project(), cacheDir: cacheDir(), build, log: () => {} })).rejects.toThrow(/^The build left no record beside .*dist\.builds\/next\/site$/);
    expect(siteFiles(out())).toEqual(edition(1));
  });
});
