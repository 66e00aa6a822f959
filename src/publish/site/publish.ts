import { takeLock } from '../lock.ts';
import { cacheFiles, outputFolders } from '../state.ts';
import { claimOutput, goLive, liveSite, recover } from './generations.ts';
import { readRecord } from './site-record.ts';
import { type Preparation, prepareStaging } from './staging.ts';

/** A build that did not start: the output folder is not ours, or another build holds the lock. */
export class PublishRefused extends Error {}

export interface PublishOptions {
  /** The output folder readers are served from, e.g. /srv/zeitung/dist; it becomes a link. */
  out: string;
  /** The project folder, which no output folder may be or lie in. */
  project: string;
  /** Astro's cache folder, shared by every output folder of the project. */
  cacheDir: string;
  /** Builds the site into `outDir` (Astro's build, in this process); rejects when it fails. */
  build(outDir: string): Promise<void>;
  /** Where the steps are told, e.g. console.log. */
  log(message: string): void;
}

const PREPARED: Record<Preparation, string> = {
  updated: 'brought up to date with the live site',
  copied: 'a copy of the live site',
  emptied: 'emptied',
};

/**
 * `npm run build`: builds the site beside the live one and puts it live in one step when the
 * whole build has succeeded, holding the build lock throughout. A failed or killed build leaves
 * the live site as it was; whatever it left is put in order or reused by the next build.
 */
export async function publish({ out, project, cacheDir, build, log }: PublishOptions) {
  const folders = outputFolders(out);
  claimOutput(folders, project);
  const lock = takeLock(cacheFiles(cacheDir).lock);
  if (!lock.held) {
    const { pid, host } = lock.holder;
    throw new PublishRefused(`Another build (process ${pid} on ${host}) is using ${cacheDir}; wait for it to finish.`);
  }
  try {
    recover(folders);
    const site = folders.siteOf(folders.next);
    log(`${site}: ${PREPARED[prepareStaging(liveSite(folders), site, cacheDir)]}.`);
    await build(site);
    const record = readRecord(site);
    if (!record) throw new Error(`The build left no record beside ${site}`);
    goLive(folders, record);
  } finally {
    lock.release();
  }
}
