import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONFIG_RELOAD_POLL_MS, STORE_WRITE_ASKS, storeWriteAsked, writeStoreNow } from '../../src/loaders/store-write.ts';
import { contentRefresh, type RefreshContent } from '../../src/publish/handover.ts';

/**
 * Astro's `refreshContent` as it behaves: while its content config reloads (`busyAsks` asks), it
 * does nothing; then it calls the named loader's `load()` with the context, and writes the store.
 */
function astro(busyAsks: number) {
  const asks: Parameters<RefreshContent>[0][] = [];
  const loads: boolean[] = [];
  const refresh: RefreshContent = async (options) => {
    asks.push(options);
    if (asks.length <= busyAsks) return;
    loads.push(storeWriteAsked({ refreshContextData: options.context }));
  };
  contentRefresh().refresh = refresh;
  return { asks, loads };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  contentRefresh().refresh = undefined;
});

describe('writeStoreNow', () => {
  it('does nothing where Astro gave no refreshContent (a build, a test)', async () => {
    await expect(writeStoreNow('article-loader')).resolves.toBeUndefined();
  });

  it('asks Astro to sync the named loader, which then has nothing to read', async () => {
    const { asks, loads } = astro(0);
    await writeStoreNow('article-loader');
    expect(asks.map((ask) => ask.loaders)).toEqual([['article-loader']]);
    expect(loads).toEqual([true]);
  });

  it('asks again, a poll apart, while Astro reloads its content config, and stops once asked through', async () => {
    const { asks, loads } = astro(3);
    let done = false;
    void writeStoreNow('data-file-loader').then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(asks).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(CONFIG_RELOAD_POLL_MS - 1);
    expect(asks).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(asks).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2 * CONFIG_RELOAD_POLL_MS);
    expect(done).toBe(true);
    expect(asks).toHaveLength(4);
    expect(loads).toEqual([true]);
  });

  it('gives up after its asks, leaving the write to Astro’s own timer', async () => {
    const { asks, loads } = astro(Number.POSITIVE_INFINITY);
    let done = false;
    void writeStoreNow('article-loader').then(() => (done = true));
    await vi.advanceTimersByTimeAsync((STORE_WRITE_ASKS - 1) * CONFIG_RELOAD_POLL_MS);
    expect(done).toBe(true);
    expect(asks).toHaveLength(STORE_WRITE_ASKS);
    expect(loads).toEqual([]);
  });
});

describe('storeWriteAsked', () => {
  it('is false for a load() Astro runs on its own, with or without context', () => {
    expect(storeWriteAsked({ refreshContextData: undefined })).toBe(false);
    expect(storeWriteAsked({ refreshContextData: { webhook: true } })).toBe(false);
  });
});
