import { existsSync, lstatSync, readdirSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { isRunning } from '../processes.ts';
import type { OutputFolders } from '../state.ts';
import { readRecord, recordOf, type SiteRecord } from './site-record.ts';

/** An output folder `npm run build` will not touch, because what is there is not a site of its own. */
export class OutputRefused extends Error {}

const GENERATION = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** What a killed build leaves in `out.builds`: a link it was making, a site of an older layout it moved aside. */
const LEFT_BY_KILLED = /^(link|legacy)-\d+$/;
/** What a build of ours may leave in `out.builds`: generations, the next one, and what a killed one left. */
const OURS = (name: string) => GENERATION.test(name) || name === 'next' || LEFT_BY_KILLED.test(name);

/** Folders of the project an output folder must not be, or lie in: Astro reads them, git keeps them. */
const PROJECT_FOLDERS = ['src', 'content', 'public', 'scripts', 'tests', 'node_modules', '.git', '.cache', '.astro'];

const typeOf = (path: string) => {
  const stats = lstatSync(path, { throwIfNoEntry: false });
  return !stats ? undefined : stats.isSymbolicLink() ? 'link' : stats.isDirectory() ? 'folder' : 'file';
};

/** Whether `path` is `folder` or lies inside it. */
const within = (path: string, folder: string) => path === folder || path.startsWith(folder + sep);

/**
 * Refuses, before anything is written, an output folder that holds anything but a site of ours:
 * the project or a folder of it, a folder or file that no build of ours made, or a link that
 * points elsewhere. A site of ours is a link into `out.builds`, or a folder with the record an
 * older layout kept beside it.
 */
export function claimOutput(folders: OutputFolders, project: string) {
  const out = folders.live;
  const refuse = (why: string) => {
    throw new OutputRefused(`${out}: ${why}. npm run build deletes nothing there; name a new folder, or move this one away.`);
  };
  if (within(project, out)) refuse('it holds the project itself');
  const inside = PROJECT_FOLDERS.find((folder) => within(out, join(project, folder)));
  if (inside) refuse(`it lies in the project's ${inside}/`);
  const type = typeOf(out);
  if (type === 'file') refuse('it is a file, not a site');
  if (type === 'link' && liveSite(folders) === undefined && !readlinkSync(out).startsWith(`${basename(folders.builds)}/`)) refuse('it is a link to something other than a site of ours');
  if (type === 'folder' && !existsSync(recordOf(out))) refuse('it holds files that no build of ours made');
  const builds = typeOf(folders.builds);
  if (builds === 'link' || builds === 'file') refuse(`${folders.builds} is not a folder of our builds`);
  if (builds === 'folder') {
    const strangers = readdirSync(folders.builds).filter((name) => !OURS(name));
    if (strangers.length) refuse(`${folders.builds} holds ${strangers.join(', ')}, which no build of ours made`);
  }
}

/** The folder of the live site, if `out` is a link to a generation of ours that is there. */
export function liveSite(folders: OutputFolders): string | undefined {
  if (typeOf(folders.live) !== 'link') return undefined;
  const target = resolve(dirname(folders.live), readlinkSync(folders.live));
  const generation = dirname(target);
  const ours = dirname(generation) === folders.builds && GENERATION.test(basename(generation)) && target === folders.siteOf(generation);
  return ours && statSync(target, { throwIfNoEntry: false })?.isDirectory() ? target : undefined;
}

/** The generations in `out.builds` with their records, newest first, but for the live one. */
function spareGenerations(folders: OutputFolders, live: string | undefined) {
  const generations = readdirSync(folders.builds)
    .filter((name) => GENERATION.test(name))
    .map((name) => folders.generation(name))
    .filter((generation) => folders.siteOf(generation) !== live);
  const complete = generations.filter((generation) => readRecord(folders.siteOf(generation)));
  for (const generation of generations) if (!complete.includes(generation)) rmSync(generation, { recursive: true });
  const finished = (generation: string) => statSync(recordOf(folders.siteOf(generation))).mtimeMs;
  return complete.sort((a, b) => finished(b) - finished(a));
}

/**
 * Puts in order what earlier builds left, killed at any point: links half made and sites of the
 * older layout go; without a live site, the newest complete generation goes live; the next build
 * is made in the folder of an interrupted build if its record is whole, else in the newest spare
 * generation, and any other spare goes. At most the live generation and the next one stay.
 */
export function recover(folders: OutputFolders) {
  const out = folders.live;
  // The older layout's staging folder, with its record, and the old site a killed swap left aside.
  const staging = `${out}.staging`;
  if (existsSync(recordOf(staging))) for (const path of [staging, recordOf(staging)]) rmSync(path, { recursive: true, force: true });
  const aside = `${basename(out)}.aside-`;
  if (existsSync(dirname(out))) {
    for (const name of readdirSync(dirname(out))) {
      const pid = name.startsWith(aside) && name.slice(aside.length);
      if (pid && /^\d+$/.test(pid) && !isRunning(Number(pid))) rmSync(join(dirname(out), name), { recursive: true });
    }
  }
  if (!existsSync(folders.builds)) return;
  for (const name of readdirSync(folders.builds)) {
    const path = join(folders.builds, name);
    if (LEFT_BY_KILLED.test(name)) rmSync(path, { recursive: true });
    // In a generation's folder, a record a killed build was writing aside.
    else for (const entry of readdirSync(path)) if (entry !== 'site' && entry !== 'site.record.json') rmSync(join(path, entry), { recursive: true });
  }
  let live = liveSite(folders);
  const spare = spareGenerations(folders, live);
  if (!live && spare.length && typeOf(out) !== 'folder') {
    link(folders, spare[0]);
    live = folders.siteOf(spare.shift()!);
  }
  if (!readRecord(folders.siteOf(folders.next))) rmSync(folders.next, { recursive: true, force: true });
  if (!existsSync(folders.next) && spare.length) renameSync(spare.shift()!, folders.next);
  for (const generation of spare) rmSync(generation, { recursive: true });
}

/** Makes `out` a link to the site of `generation`, in one rename over the old link. */
function link(folders: OutputFolders, generation: string) {
  const made = folders.link(process.pid);
  rmSync(made, { force: true });
  symlinkSync(relative(dirname(folders.live), folders.siteOf(generation)), made);
  renameSync(made, folders.live);
}

/**
 * Puts the finished next build live: its folder is kept under its generation's name, and `out`
 * is switched to it with one `rename`, so readers see the old site or the new one, never
 * neither. The old generation stays beside it, for readers still loading from it and as the
 * folder of the build after. A site of the older layout (a real folder) is moved aside first.
 */
export function goLive(folders: OutputFolders, record: SiteRecord) {
  const generation = folders.generation(record.generation);
  renameSync(folders.next, generation);
  if (typeOf(folders.live) === 'folder') {
    rmSync(recordOf(folders.live), { force: true });
    renameSync(folders.live, join(folders.builds, `legacy-${process.pid}`));
  }
  link(folders, generation);
}
