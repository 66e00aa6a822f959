import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'astro/zod';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dataFileLoader } from '../../src/lib/content/data-file-loader.ts';
import { SAVE_SETTLES_MS } from '../../src/lib/content/watched-sync.ts';

const folder = mkdtempSync(join(tmpdir(), 'data-file-loader-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const FILE = join(folder, 'sections.yaml');
const SECTIONS = '- id: politik\n  name: Politik\n- id: finanzen\n  name: Finanzen\n';
const schema = z.strictObject({ id: z.string(), name: z.string().min(1), position: z.number().optional() });

interface Entry {
  id: string;
  data: Record<string, unknown>;
  filePath: string;
}

/** What Astro gives a loader: a store, its schema check (here marking what it checked), a logger and, under `astro dev`, a watcher. */
function context(dev = false) {
  const entries = new Map<string, Entry>([['veraltet', { id: 'veraltet', data: {}, filePath: FILE }]]);
  const store = { clear: () => entries.clear(), set: (entry: Entry) => entries.set(entry.id, entry) };
  const parseData = async ({ data }: { data: Record<string, unknown> }) => ({ ...data, checked: true });
  const logged: string[] = [];
  const logger = { warn: (message: string) => logged.push(message), error: (message: string) => logged.push(message) };
  const watcher = Object.assign(new EventEmitter(), { watched: [] as string[], add: (paths: string[]) => watcher.watched.push(...paths) });
  const loaderContext = { store, parseData, logger, watcher: dev ? watcher : undefined } as unknown as LoaderContext;
  return { entries, logged, watcher, loaderContext };
}

beforeEach(() => {
  writeFileSync(FILE, SECTIONS);
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('the data file loader', () => {
  it('stores every record of the file, checked, in place of what it stored before', async () => {
    const { entries, logged, loaderContext } = context();
    const loader = dataFileLoader(FILE, schema);
    expect(loader.name).toBe('data-file-loader');
    await loader.load(loaderContext);
    expect([...entries.values()]).toEqual([
      { id: 'politik', data: { id: 'politik', name: 'Politik', checked: true }, filePath: FILE },
      { id: 'finanzen', data: { id: 'finanzen', name: 'Finanzen', checked: true }, filePath: FILE },
    ]);
    expect(logged).toEqual([]);
  });

  it('keeps the order of the file when asked to', async () => {
    const { entries, loaderContext } = context();
    await dataFileLoader(FILE, schema, { keepFileOrder: true }).load(loaderContext);
    expect([...entries.values()].map((entry) => [entry.id, entry.data.position])).toEqual([
      ['politik', 0],
      ['finanzen', 1],
    ]);
  });

  it('under astro dev, reads the file again when it is saved, and only then', async () => {
    const { entries, watcher, loaderContext } = context(true);
    await dataFileLoader(FILE, schema).load(loaderContext);
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
