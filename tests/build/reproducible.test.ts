import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuildSync } from '../support/astro-cli.ts';
import { BUILT_SITE, SITE_URL, SOURCE_DATE_EPOCH } from '../support/build-site.ts';

const AGAIN = resolve('test-results/dist-again');

/** Every file of a built site with the SHA-256 of its bytes. */
function fingerprint(dist: string): Record<string, string> {
  const files = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return Object.fromEntries(
    files
      .map((entry) => join(entry.parentPath, entry.name))
      .sort()
      .map((file) => [file.slice(dist.length), createHash('sha256').update(readFileSync(file)).digest('hex')]),
  );
}

describe('reproducible output', () => {
  beforeAll(() => {
    // The first build ran under America/New_York; this one runs half a world away, in German.
    astroBuildSync(AGAIN, { SITE_URL, TZ: 'Asia/Tokyo', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8', SOURCE_DATE_EPOCH });
  }, 180_000);

  afterAll(() => rmSync(AGAIN, { recursive: true, force: true }));

  it('two builds of the same commit are byte for byte the same, whatever the time zone and locale', () => {
    const first = fingerprint(BUILT_SITE);
    expect(Object.keys(first).length).toBeGreaterThan(50);
    expect(fingerprint(AGAIN)).toEqual(first);
  });
});
