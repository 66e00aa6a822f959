import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { houseAdLoader } from '../../src/loaders/house-ad-loader.ts';
import { SAVE_SETTLES_MS } from '../../src/loaders/watched-sync.ts';
import { photosInUse } from '../../src/publish/handover.ts';
import { fakeLoaderContext } from '../support/loader-context.ts';

const folder = mkdtempSync(join(tmpdir(), 'house-ad-loader-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
mkdirSync(join(folder, 'images'));
copyFileSync('tests/fixtures/images/foto.jpg', join(folder, 'images/foto.jpg'));
const FILE = join(folder, 'house-ads.yaml');
const creative = (id: string) => `- id: ${id}
  formats: [medium-rectangle]
  headline: Newsletter abonnieren
  text: Die wichtigsten Nachrichten des Morgens.
  action: Jetzt anmelden
  image: images/foto.jpg
  link: /newsletter/
`;

/** Astro's side, with a creative of an earlier sync in the store and a schema check that marks what it checked. */
const astro = (dev = false) =>
  fakeLoaderContext<{ id: string; data: { image: { fsPath: string } } & Record<string, unknown>; filePath: string }>({
    dev,
    cacheDir: pathToFileURL(join(folder, 'cache/')),
    stored: [{ id: 'alt', data: { image: { fsPath: '' } }, filePath: FILE }],
    parseData: async ({ data }) => ({ ...data, checked: true }),
  });

beforeEach(() => writeFileSync(FILE, creative('newsletter')));
afterEach(() => vi.useRealTimers());

describe('the house ad loader', () => {
  it('stores every creative, checked and with its photo, in place of what it stored before, and hands the photos on', async () => {
    const { entries, logged, context } = astro();
    const loader = houseAdLoader(FILE);
    expect(loader.name).toBe('house-ad-loader');
    await loader.load(context);
    expect([...entries.keys()]).toEqual(['newsletter']);
    const entry = entries.get('newsletter');
    expect(entry).toMatchObject({ filePath: FILE, data: { headline: 'Newsletter abonnieren', checked: true } });
    expect(entry?.data.image).toMatchObject({ fsPath: join(folder, 'images/foto.jpg'), format: 'jpg' });
    expect(photosInUse.take()).toEqual([entry?.data.image]);
    expect(existsSync(join(folder, 'cache/photo-catalog-house-ads.json'))).toBe(true);
    expect(logged).toEqual([]);
  });

  it('under astro dev, reads the file again when it is saved, and only then', async () => {
    const { entries, watcher, context } = astro(true);
    await houseAdLoader(FILE).load(context);
    expect(watcher.watched).toEqual([resolve(FILE)]);
    vi.useFakeTimers();
    writeFileSync(FILE, creative('newsletter') + creative('leserforum'));
    watcher.emit('all', 'change', join(folder, 'ad-slots.yaml'));
    await vi.advanceTimersByTimeAsync(SAVE_SETTLES_MS);
    expect([...entries.keys()]).toEqual(['newsletter']);
    watcher.emit('all', 'change', resolve(FILE));
    await vi.advanceTimersByTimeAsync(SAVE_SETTLES_MS);
    await vi.waitFor(() => expect([...entries.keys()]).toEqual(['newsletter', 'leserforum']));
  });
});
