import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'astro/zod';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dataFileLoader } from '../../src/loaders/data-file-loader.ts';
import { SAVE_SETTLES_MS } from '../../src/loaders/watched-sync.ts';
import { fakeLoaderContext } from '../support/loader-context.ts';

const folder = mkdtempSync(join(tmpdir(), 'data-file-loader-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const FILE = join(folder, 'sections.yaml');
const SECTIONS = '- id: politik\n  name: Politik\n- id: finanzen\n  name: Finanzen\n';
const schema = z.strictObject({ id: z.string(), name: z.string().min(1), position: z.number().optional() });

/** Astro's side, with an entry of an earlier sync in the store and a schema check that marks what it checked. */
const astro = (dev = false) =>
  fakeLoaderContext<{ id: string; data: Record<string, unknown>; filePath: string }>({
    dev,
    stored: [{ id: 'veraltet', data: {}, filePath: FILE }],
    parseData: async ({ data }) => ({ ...data, checked: true }),
  });

beforeEach(() => {
  writeFileSync(FILE, SECTIONS);
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('the data file loader', () => {
  it('stores every record of the file, checked, in place of what it stored before', async () => {
    const { entries, logged, context } = astro();
    const loader = dataFileLoader(FILE, schema);
    expect(loader.name).toBe('data-file-loader');
    await loader.load(context);
    expect([...entries.values()]).toEqual([
      { id: 'politik', data: { id: 'politik', name: 'Politik', checked: true }, filePath: FILE, digest: expect.any(String) },
      { id: 'finanzen', data: { id: 'finanzen', name: 'Finanzen', checked: true }, filePath: FILE, digest: expect.any(String) },
    ]);
    expect(logged).toEqual([]);
  });

  it('changes nothing in the store when the file is as it was, so Astro need not write the store again', async () => {
    const { written, context } = astro();
    const loader = dataFileLoader(FILE, schema);
    await loader.load(context);
    written.length = 0;
    await loader.load(context);
    expect(written).toEqual([]);
  });

  it('keeps the order of the file when asked to', async () => {
    const { entries, context } = astro();
    await dataFileLoader(FILE, schema, { keepFileOrder: true }).load(context);
    expect([...entries.values()].map((entry) => [entry.id, entry.data.position])).toEqual([
      ['politik', 0],
      ['finanzen', 1],
    ]);
  });

  it('under astro dev, reads the file again when it is saved, and only then', async () => {
    const { entries, watcher, context } = astro(true);
    await dataFileLoader(FILE, schema).load(context);
    expect(watcher.watched).toEqual([resolve(FILE)]);
    writeFileSync(FILE, `${SECTIONS}- id: sport\n  name: Sport\n`);
    watcher.emit('all', 'change', join(folder, 'authors.yaml'));
    await vi.advanceTimersByTimeAsync(SAVE_SETTLES_MS);
    expect([...entries.keys()]).toEqual(['politik', 'finanzen']);
    watcher.emit('all', 'change', resolve(FILE));
    await vi.advanceTimersByTimeAsync(SAVE_SETTLES_MS);
    expect([...entries.keys()]).toEqual(['politik', 'finanzen', 'sport']);
  });
});
