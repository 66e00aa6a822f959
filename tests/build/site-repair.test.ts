import { existsSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuildIn } from '../support/astro-cli.ts';
import { SOURCE_DATE_EPOCH } from '../support/build-site.ts';
import { ARTICLE, NEXT, productionSite } from '../support/production-site.ts';
import { fingerprint } from '../support/site-files.ts';

// What happens to the folders between builds (pages damaged by hand, the live link deleted,
// another build, a failed build, a lock left behind) never reaches what `npm run build` ships.
const site = productionSite();
const { at, build } = site;
const ARTICLE_PAGE = 'dist/politik/international/xi-und-putin-sprechen-per-videoschalte/index.html';

beforeAll(async () => {
  // The live site and the one before it.
  await build();
  await build();
});
afterAll(site.remove);

describe('npm run build after what happened to its folders', () => {
  it('makes again the pages damaged, emptied or deleted in either site, however many builds follow', async () => {
    const cold = fingerprint(at('dist'));
    writeFileSync(at(ARTICLE_PAGE), '');
    writeFileSync(at('dist/politik/index.html'), '<p>von Hand geändert</p>');
    rmSync(at('dist/themen/usa/index.html'));
    // The site before, which the next build starts from, damaged too.
    const other = site.generations().find((name) => !readlinkSync(at('dist')).includes(name))!;
    writeFileSync(at(`dist.builds/${other}/site/autoren/sabine-gusbeth/index.html`), '');
    for (let round = 0; round < 3; round++) {
      await build();
      expect(fingerprint(at('dist')), `build ${round + 1}`).toEqual(cold);
    }
  });

  it('starts from an empty folder again when another build has run since', async () => {
    await astroBuildIn(site.root, { SOURCE_DATE_EPOCH }, ['--outDir', at('anderswo')]);
    writeFileSync(at('content/articles/noch-einer.md'), ARTICLE.replace(/^title: .*$/m, 'title: Noch ein Artikel'));
    expect((await build()).stdout).toContain(`${at(NEXT)}: emptied.`);
    expect(fingerprint(at('dist'))).toEqual(await site.coldBuildOfSameContent());
  });

  it('puts the newest site live again when the link dist was deleted by hand, and builds on it', async () => {
    const before = fingerprint(at('dist'));
    rmSync(at('dist'));
    const { stdout, rendered } = await build();
    expect(stdout).toContain(`${at(NEXT)}: brought up to date with the live site.`);
    expect(rendered.filter((page) => page.endsWith('index.html') && page.includes('/autoren/'))).toEqual([]);
    expect(fingerprint(at('dist'))).toEqual(before);
  });

  it('keeps the live site as it was when a build fails, and goes live with the next good one', async () => {
    const [live, before] = [readlinkSync(at('dist')), fingerprint(at('dist'))];
    writeFileSync(at('content/articles/kaputt.md'), ARTICLE.replace(/^title: .*$/m, ''));
    const failed = await site.failedBuild();
    // Failed for the broken article, not for any other reason.
    expect(failed).toContain('content/articles/kaputt.md: title: is required (the headline)');
    expect(failed).toContain(`Build failed: ${at('dist')} was left as it was.`);
    expect(readlinkSync(at('dist'))).toBe(live);
    expect(fingerprint(at('dist'))).toEqual(before);
    rmSync(at('content/articles/kaputt.md'));
    await build();
    expect(readlinkSync(at('dist'))).not.toBe(live);
    expect(fingerprint(at('dist'))).toEqual(await site.coldBuildOfSameContent());
  });

  it('stops while another build holds the lock, and takes over one its holder left, even an empty one', async () => {
    const lock = at('.cache/astro/build.lock');
    writeFileSync(lock, String(process.pid));
    await expect(build()).rejects.toThrow(`Another build (process ${process.pid} on `);
    expect(readFileSync(lock, 'utf8')).toBe(String(process.pid));
    writeFileSync(lock, '');
    expect((await build()).stdout).toContain(`Built into ${at('dist')}.`);
    expect(existsSync(lock)).toBe(false);
  });
});
