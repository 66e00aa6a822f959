import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuildSync } from '../support/astro-cli.ts';
import { BUILT_SITE, SITE_URL } from '../support/build-site.ts';
import { fingerprint } from '../support/site-files.ts';

const AGAIN = resolve('test-results/dist-again');

describe('reproducible output', () => {
  beforeAll(() => {
    // The first build ran under America/New_York; this one runs half a world away, in German.
    astroBuildSync(AGAIN, { SITE_URL, TZ: 'Asia/Tokyo', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' });
  }, 180_000);

  afterAll(() => rmSync(AGAIN, { recursive: true, force: true }));

  it('two builds of the same commit are byte for byte the same, whatever the time zone and locale', () => {
    const first = fingerprint(BUILT_SITE);
    expect(Object.keys(first).length).toBeGreaterThan(50);
    expect(fingerprint(AGAIN)).toEqual(first);
  });
});
