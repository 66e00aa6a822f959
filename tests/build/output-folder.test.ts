import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { astroBuildIn } from '../support/astro-cli.ts';
import { SOURCE_DATE_EPOCH } from '../support/build-site.ts';
import { productionSite } from '../support/production-site.ts';
import { fingerprint } from '../support/site-files.ts';

// `npm run build -- <folder>` replaces what it finds there: only a site of ours, never a folder
// of notes, the project or its parts.
const site = productionSite();
const { at } = site;
afterAll(site.remove);

describe('npm run build and a folder it did not make', () => {
  it.each([
    ['a folder of notes', 'notizen', 'it holds files that no build of ours made'],
    ['the public folder', 'public', "it lies in the project's public/"],
    ['a folder inside the content', 'content/ausgabe', "it lies in the project's content/"],
    ['the project itself', '.', 'it holds the project itself'],
    ['the folder above it', '..', 'it holds the project itself'],
  ])('refuses %s, naming it, and deletes nothing', async (_case, folder, why) => {
    mkdirSync(at('notizen'), { recursive: true });
    writeFileSync(at('notizen/einkauf.txt'), 'Milch');
    const before = fingerprint(at('content'));
    const out = join(site.root, folder);
    expect(await site.failedBuild([folder])).toContain(`${out}: ${why}. npm run build deletes nothing there`);
    expect(readFileSync(at('notizen/einkauf.txt'), 'utf8')).toBe('Milch');
    expect(fingerprint(at('content'))).toEqual(before);
    expect(existsSync(`${out}.builds`)).toBe(false);
  });

  it('refuses a builds folder holding what no build made, and a link pointing elsewhere', async () => {
    mkdirSync(at('ausgabe.builds/urlaubsfotos'), { recursive: true });
    expect(await site.failedBuild(['ausgabe'])).toContain(`${at('ausgabe.builds')} holds urlaubsfotos, which no build of ours made`);
    expect(existsSync(at('ausgabe.builds/urlaubsfotos'))).toBe(true);
    symlinkSync('notizen', at('verweis'));
    expect(await site.failedBuild(['verweis'])).toContain(`${at('verweis')}: it is a link to something other than a site of ours`);
    expect(readFileSync(at('notizen/einkauf.txt'), 'utf8')).toBe('Milch');
  });

  it('takes over a site of the older layout (a folder with its record beside it) and keeps nothing else of it', async () => {
    // What builds before this layout left: the live site, its record, and the staging folder.
    await astroBuildIn(site.root, { SOURCE_DATE_EPOCH }, ['--outDir', at('alt')]);
    const live = fingerprint(at('alt'));
    cpSync(at('alt'), at('dist'), { recursive: true });
    cpSync(at('alt'), at('dist.staging'), { recursive: true });
    for (const record of ['dist.record.json', 'dist.staging.record.json']) writeFileSync(at(record), '{"generation":"alt","written":[],"removed":[]}');
    await site.build();
    expect(lstatSync(at('dist')).isSymbolicLink()).toBe(true);
    expect(fingerprint(at('dist'))).toEqual(live);
    await site.build();
    expect(readdirSync(site.root).filter((name) => name.startsWith('dist'))).toEqual(['dist', 'dist.builds']);
    expect(site.generations()).toHaveLength(2);
  });
});
