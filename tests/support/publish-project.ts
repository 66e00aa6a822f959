import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publish } from '../../src/publish/site/publish.ts';
import { fakeAstroBuild, type SiteFiles } from './fake-build.ts';

/** A project folder in a fresh temporary folder, published into with the fake Astro build. */
export function publishProject() {
  const root = mkdtempSync(join(tmpdir(), 'publish-'));
  const project = join(root, 'projekt');
  mkdirSync(project);
  const cacheDir = join(project, '.cache/astro');
  const logged: string[] = [];
  return {
    root,
    project,
    out: join(project, 'dist'),
    cacheDir,
    logged,
    /** `npm run build` of `site`; resolves with the pages the build wrote. */
    async publishEdition(site: SiteFiles) {
      let written: string[] = [];
      await publish({
        out: join(project, 'dist'),
        project,
        cacheDir,
        build: async (outDir) => {
          written = await fakeAstroBuild(outDir, cacheDir, site);
        },
        log: (message) => logged.push(message),
      });
      return written;
    },
  };
}
