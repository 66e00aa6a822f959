import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentError } from '../../src/lib/content/content-error.ts';
import { SettingsError } from '../../src/lib/settings.ts';
import { publishCommand } from '../../src/publish/site/publish-command.ts';
import { edition, fakeAstroBuild, siteFiles } from '../support/fake-build.ts';

let project: string;
let told: string[];
const run = (args: string[], build: (outDir: string) => Promise<unknown>) =>
  publishCommand(args, { project, build: async (outDir) => void (await build(outDir)), log: (line) => told.push(`log ${line}`), fail: (line) => told.push(`fail ${line}`) });
const fake = (outDir: string) => fakeAstroBuild(outDir, join(project, '.cache/astro'), edition(1));

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'publish-command-'));
  told = [];
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

describe('npm run build', () => {
  it('publishes into dist/ of the project, and says where', async () => {
    expect(await run([], fake)).toBe(0);
    expect(siteFiles(join(project, 'dist'))).toEqual(edition(1));
    expect(told).toEqual([`log ${join(project, 'dist.builds/next/site')}: emptied.`, `log Built into ${join(project, 'dist')}.`]);
  });

  it('publishes into the folder it is given, relative to the project', async () => {
    expect(await run(['ausgabe/web'], fake), told.join('\n')).toBe(0);
    expect(siteFiles(join(project, 'ausgabe/web'))).toEqual(edition(1));
  });

  it('refuses a folder it did not make, and a lock held, with the reason alone', async () => {
    mkdirSync(join(project, 'notizen'));
    expect(await run(['notizen'], fake)).toBe(1);
    expect(told).toEqual([`fail ${join(project, 'notizen')}: it holds files that no build of ours made. npm run build deletes nothing there; name a new folder, or move this one away.`]);
  });

  it('tells a content error as the editor wrote it, and a fault with its stack, and that the site stayed', async () => {
    expect(await run([], () => Promise.reject(new ContentError('content/articles/x.md', 'title', 3, 'is required')))).toBe(1);
    expect(told.slice(1)).toEqual(['fail content/articles/x.md:3: title: is required', `fail \nBuild failed: ${join(project, 'dist')} was left as it was.`]);
    told = [];
    expect(await run([], () => Promise.reject(new TypeError('kaputt')))).toBe(1);
    expect(told[1]).toMatch(/^fail TypeError: kaputt\n\s+at /);
    expect(told[2]).toBe(`fail \nBuild failed: ${join(project, 'dist')} was left as it was.`);
    told = [];
    // As it arrives through Astro's config loader, from another copy of the module: known by its name.
    const unset = Object.assign(new Error('SOURCE_DATE_EPOCH must be whole seconds'), { name: 'SettingsError' });
    expect(await run([], () => Promise.reject(unset))).toBe(1);
    expect(told[1]).toBe('fail SOURCE_DATE_EPOCH must be whole seconds');
    expect(await run([], () => Promise.reject(new SettingsError('BASE_PATH must be a path')))).toBe(1);
    expect(told[4]).toBe('fail BASE_PATH must be a path');
    told = [];
    expect(await run([], () => Promise.reject('kein Fehlerobjekt'))).toBe(1);
    expect(told[1]).toBe('fail kein Fehlerobjekt');
  });
});
