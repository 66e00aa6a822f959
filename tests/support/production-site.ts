import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { astroBuildIn, pagesBuilt, productionBuildIn } from './astro-cli.ts';
import { SOURCE_DATE_EPOCH } from './build-site.ts';
import { copySite } from './site-copy.ts';
import { fingerprint } from './site-files.ts';

/** The seed article's markdown, to make more articles of. */
export const ARTICLE = readFileSync('content/articles/xi-und-putin-sprechen-per-videoschalte.md', 'utf8');
/** Where a build prepares the next site. */
export const NEXT = 'dist.builds/next/site';

/**
 * A copy of the project that `npm run build` publishes into build after build, and the cold
 * `astro build` of the same content that each of its sites must equal. `remove` deletes them all.
 */
export function productionSite() {
  const site = copySite();
  const copies = [site];
  const at = (path: string) => join(site.root, path);
  return {
    root: site.root,
    at,
    /** `npm run build`: its output, and the pages it rendered, copied and kept (from its record). */
    async build() {
      const { stdout } = await productionBuildIn(site.root, { SOURCE_DATE_EPOCH });
      return { stdout, ...pagesBuilt(at('dist')) };
    },
    /** What a failing `npm run build` printed to stderr; "built" when it did not fail. */
    failedBuild: (args: string[] = []) =>
      productionBuildIn(site.root, { SOURCE_DATE_EPOCH }, args).then(
        () => 'built',
        (error: { stderr: string }) => error.stderr,
      ),
    /** The generations beside the live link, by name. */
    generations: () => readdirSync(at('dist.builds')).sort(),
    /** The files a cold `astro build` makes of the same content, in a copy of its own. */
    async coldBuildOfSameContent() {
      const cold = copySite();
      copies.push(cold);
      rmSync(join(cold.root, 'content'), { recursive: true });
      cpSync(at('content'), join(cold.root, 'content'), { recursive: true });
      await astroBuildIn(cold.root, { SOURCE_DATE_EPOCH });
      return fingerprint(join(cold.root, 'dist'));
    },
    remove: () => copies.forEach((copy) => copy.remove()),
  };
}
