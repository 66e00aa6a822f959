import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimOutput, goLive, liveSite, OutputRefused, recover } from '../../src/publish/site/generations.ts';
import { readRecord, recordOf, writeRecord } from '../../src/publish/site/site-record.ts';
import { outputFolders } from '../../src/publish/state.ts';

const ID = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];
let project: string;
let folders: ReturnType<typeof outputFolders>;
const at = (path: string) => join(project, path);
const builds = () => readdirSync(folders.builds).sort();

/** A finished generation, its record written at `time` (seconds). */
function generation(id: string, time = 1) {
  const site = folders.siteOf(folders.generation(id));
  mkdirSync(site, { recursive: true });
  writeFileSync(join(site, 'index.html'), id);
  writeRecord(site, { generation: id, files: {} });
  utimesSync(recordOf(site), time, time);
}
const linkLive = (id: string) => symlinkSync(`dist.builds/${id}/site`, folders.live);

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'generations-'));
  folders = outputFolders(at('dist'));
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

describe('claimOutput', () => {
  const refusal = (out: string) => {
    try {
      claimOutput(outputFolders(out), project);
    } catch (error) {
      expect(error).toBeInstanceOf(OutputRefused);
      return (error as Error).message;
    }
    return 'accepted';
  };

  it('accepts a new folder, a link into its builds, and a site of the older layout', () => {
    expect(refusal(at('dist'))).toBe('accepted');
    generation(ID[0]);
    linkLive(ID[0]);
    mkdirSync(folders.next);
    mkdirSync(join(folders.builds, 'link-12'));
    mkdirSync(join(folders.builds, 'legacy-12'));
    expect(refusal(at('dist'))).toBe('accepted');
    mkdirSync(at('alt'));
    writeFileSync(at('alt.record.json'), '{}');
    expect(refusal(at('alt'))).toBe('accepted');
    expect(refusal(join(tmpdir(), `anderswo-${process.pid}`))).toBe('accepted');
  });

  it.each([
    ['the project', '.', 'it holds the project itself'],
    ['a folder above the project', '..', 'it holds the project itself'],
    ['a folder Astro reads', 'public/ausgabe', "it lies in the project's public/"],
    ['the cache', '.cache', "it lies in the project's .cache/"],
    ['the sources', 'src', "it lies in the project's src/"],
    ['the articles', 'content/dist', "it lies in the project's content/"],
    ['the scripts', 'scripts', "it lies in the project's scripts/"],
    ['the tests', 'tests/dist', "it lies in the project's tests/"],
    ['the packages', 'node_modules/dist', "it lies in the project's node_modules/"],
    ['git', '.git', "it lies in the project's .git/"],
    ['Astro’s own folder', '.astro', "it lies in the project's .astro/"],
  ])('refuses %s', (_case, path, why) => {
    const out = join(project, path);
    expect(refusal(out)).toBe(`${out}: ${why}. npm run build deletes nothing there; name a new folder, or move this one away.`);
  });

  it('refuses a folder or file no build made, a link elsewhere, and a builds folder with strangers in it', () => {
    mkdirSync(at('notizen'));
    expect(refusal(at('notizen'))).toContain('notizen: it holds files that no build of ours made.');
    writeFileSync(at('datei'), '');
    expect(refusal(at('datei'))).toContain('datei: it is a file, not a site.');
    mkdirSync(at('woanders'));
    symlinkSync('woanders', at('verweis'));
    expect(refusal(at('verweis'))).toContain('verweis: it is a link to something other than a site of ours.');
    mkdirSync(at('x.builds/fotos'), { recursive: true });
    expect(refusal(at('x'))).toContain(`${at('x.builds')} holds fotos, which no build of ours made.`);
    writeFileSync(at('y.builds'), '');
    expect(refusal(at('y'))).toContain(`${at('y.builds')} is not a folder of our builds.`);
    symlinkSync('woanders', at('z.builds'));
    expect(refusal(at('z'))).toContain(`${at('z.builds')} is not a folder of our builds.`);
  });

  it('refuses a builds folder holding what only looks like ours, naming all of it', () => {
    for (const name of ['link-12.alt', 'alt-link-12', `x${ID[0]}`, `${ID[0]}.alt`]) mkdirSync(join(folders.builds, name), { recursive: true });
    expect(refusal(at('dist'))).toContain(`holds ${readdirSync(folders.builds).join(', ')}, which no build of ours made`);
  });

  it('accepts a link to a site of ours however it is written, and one into its builds whose site a killed build took', () => {
    generation(ID[0]);
    symlinkSync(folders.siteOf(folders.generation(ID[0])), folders.live);
    expect(refusal(at('dist'))).toBe('accepted');
    rmSync(folders.live);
    symlinkSync(`dist.builds/${ID[1]}/site`, folders.live);
    expect(refusal(at('dist'))).toBe('accepted');
  });
});

describe('liveSite', () => {
  it('is the site a link of ours points at, if it is there', () => {
    expect(liveSite(folders)).toBeUndefined();
    generation(ID[0]);
    linkLive(ID[0]);
    expect(liveSite(folders)).toBe(folders.siteOf(folders.generation(ID[0])));
    rmSync(folders.generation(ID[0]), { recursive: true });
    expect(liveSite(folders)).toBeUndefined();
  });

  it('is none for a link to a generation’s folder instead of its site, to a folder outside the builds, or to what is not a generation', () => {
    generation(ID[0]);
    mkdirSync(at(`woanders/${ID[0]}/site`), { recursive: true });
    mkdirSync(join(folders.builds, 'keine-generation/site'), { recursive: true });
    for (const target of [`dist.builds/${ID[0]}`, `woanders/${ID[0]}/site`, 'dist.builds/keine-generation/site']) {
      symlinkSync(target, folders.live);
      expect(liveSite(folders), target).toBeUndefined();
      rmSync(folders.live);
    }
  });

  it('is none for a link that points elsewhere or a real folder', () => {
    mkdirSync(at('woanders'));
    symlinkSync('woanders', folders.live);
    expect(liveSite(folders)).toBeUndefined();
    rmSync(folders.live);
    mkdirSync(folders.live);
    expect(liveSite(folders)).toBeUndefined();
  });
});

describe('recover', () => {
  it('makes the newest spare generation the next, removes the others and what killed builds left', () => {
    generation(ID[0], 1);
    generation(ID[1], 3);
    generation(ID[2], 2);
    linkLive(ID[1]);
    symlinkSync('x', folders.link(12));
    mkdirSync(join(folders.builds, 'legacy-13'));
    writeFileSync(join(folders.generation(ID[1]), 'site.record.json.99.partial'), '');
    mkdirSync(join(folders.builds, '44444444-4444-4444-8444-444444444444/site'), { recursive: true });
    recover(folders);
    expect(builds()).toEqual([ID[1], 'next']);
    expect(readdirSync(folders.generation(ID[1])).sort()).toEqual(['site', 'site.record.json']);
    expect(readFileSync(join(folders.siteOf(folders.next), 'index.html'), 'utf8')).toBe(ID[2]);
  });

  it('keeps an interrupted build with a whole record as the next, and throws one without away', () => {
    generation(ID[0]);
    generation(ID[1]);
    linkLive(ID[1]);
    mkdirSync(folders.siteOf(folders.next), { recursive: true });
    writeRecord(folders.siteOf(folders.next), { generation: 'unterbrochen', files: {} });
    recover(folders);
    expect(builds()).toEqual([ID[1], 'next']);
    expect(readRecord(folders.siteOf(folders.next))?.generation).toBe('unterbrochen');
    rmSync(recordOf(folders.siteOf(folders.next)));
    generation(ID[0]);
    recover(folders);
    expect(readFileSync(join(folders.siteOf(folders.next), 'index.html'), 'utf8')).toBe(ID[0]);
  });

  it('puts the newest generation live when there is no live site', () => {
    generation(ID[0], 2);
    generation(ID[1], 1);
    recover(folders);
    expect(readlinkSync(folders.live)).toBe(`dist.builds/${ID[0]}/site`);
    expect(builds()).toEqual([ID[0], 'next']);
  });

  it('removes the staging folder of the older layout, with its record, and old sites left aside by dead builds', () => {
    mkdirSync(at('dist.staging'));
    writeFileSync(at('dist.staging.record.json'), '{}');
    mkdirSync(at(`dist.aside-${2 ** 22 + 3}`));
    mkdirSync(at(`dist.aside-${process.pid}`));
    mkdirSync(at('dist.aside-kein'));
    mkdirSync(at('dist.aside-12.notizen'));
    mkdirSync(at('dist.aside-alt12'));
    mkdirSync(at('dist.stagingx'));
    recover(folders);
    expect(readdirSync(project).sort()).toEqual([`dist.aside-${process.pid}`, 'dist.aside-12.notizen', 'dist.aside-alt12', 'dist.aside-kein', 'dist.stagingx'].sort());
  });

  it('removes the record of the older layout’s staging folder when the folder itself is gone', () => {
    writeFileSync(at('dist.staging.record.json'), '{}');
    recover(folders);
    expect(readdirSync(project)).toEqual([]);
  });

  it('leaves a site of the older layout live, a real folder, and keeps a spare generation as the next', () => {
    mkdirSync(folders.live);
    writeFileSync(recordOf(folders.live), '{}');
    generation(ID[0]);
    recover(folders);
    expect(lstatSync(folders.live).isDirectory()).toBe(true);
    expect(builds()).toEqual(['next']);
  });

  it('has nothing to do for an output folder whose parent is not there yet', () => {
    expect(() => recover(outputFolders(at('neu/dist')))).not.toThrow();
  });

  it('leaves a staging folder without a record, which no build of ours left', () => {
    mkdirSync(at('dist.staging'));
    recover(folders);
    expect(readdirSync(project)).toEqual(['dist.staging']);
  });
});

describe('goLive', () => {
  it('keeps the next site under its generation and switches the link to it, the old one beside', () => {
    generation(ID[0]);
    linkLive(ID[0]);
    mkdirSync(folders.siteOf(folders.next), { recursive: true });
    goLive(folders, { generation: ID[1], files: {} });
    expect(readlinkSync(folders.live)).toBe(`dist.builds/${ID[1]}/site`);
    expect(builds()).toEqual([ID[0], ID[1]]);
  });

  it('moves a site of the older layout aside when its record is gone already', () => {
    mkdirSync(folders.live);
    mkdirSync(folders.siteOf(folders.next), { recursive: true });
    goLive(folders, { generation: ID[1], files: {} });
    expect(readlinkSync(folders.live)).toBe(`dist.builds/${ID[1]}/site`);
  });

  it('moves a site of the older layout aside, with its record gone', () => {
    mkdirSync(folders.live);
    writeFileSync(recordOf(folders.live), '{}');
    mkdirSync(folders.siteOf(folders.next), { recursive: true });
    goLive(folders, { generation: ID[1], files: {} });
    expect(readlinkSync(folders.live)).toBe(`dist.builds/${ID[1]}/site`);
    expect(builds()).toEqual([ID[1], `legacy-${process.pid}`]);
    expect(existsSync(recordOf(folders.live))).toBe(false);
  });
});
