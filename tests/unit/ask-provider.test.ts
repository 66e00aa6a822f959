import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { askProvider, PROVIDER_DEADLINE_MS } from '../../src/lib/ads/ask-provider.ts';
import type { AdProvider, AdSlotRequest } from '../../src/lib/ads/provider.ts';

const REQUEST = { id: 'article-1', format: 'medium-rectangle', width: 300, height: 250, container: {} } as AdSlotRequest;
const provider = (fill: AdProvider['fill']): AdProvider => ({ fill });

describe('askProvider', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says delivered when the provider answers true in time, after its start', async () => {
    const calls: string[] = [];
    let started!: () => void;
    const ready = new Promise<void>((resolve) => (started = resolve));
    const asked = askProvider(provider((request) => (calls.push(request.id), true)), ready, REQUEST);
    await vi.advanceTimersByTimeAsync(10);
    expect(calls).toEqual([]);
    started();
    expect(await asked).toBe(true);
    expect(calls).toEqual(['article-1']);
  });

  it.each([
    ['declines', provider(() => false)],
    ['answers with something else than true', provider(() => 'ja' as unknown as boolean)],
    ['throws', provider(() => { throw new Error('kaputt'); })],
    ['rejects', provider(() => Promise.reject(new Error('kaputt')))],
  ])('leaves the house ad when the provider %s', async (_case, failing) => {
    expect(await askProvider(failing, Promise.resolve(), REQUEST)).toBe(false);
  });

  it('leaves the house ad when the start fails, without asking', async () => {
    const fill = vi.fn(() => true);
    expect(await askProvider(provider(fill), Promise.reject(new Error('Skript nicht geladen')), REQUEST)).toBe(false);
    expect(fill).not.toHaveBeenCalled();
  });

  it('leaves no timer running once the provider has answered', async () => {
    expect(await askProvider(provider(() => true), Promise.resolve(), REQUEST)).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('lets a provider fail after the deadline without an unhandled rejection', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      let fail!: (error: Error) => void;
      const asked = askProvider(provider(() => new Promise((_resolve, reject) => (fail = reject))), Promise.resolve(), REQUEST);
      await vi.advanceTimersByTimeAsync(PROVIDER_DEADLINE_MS);
      expect(await asked).toBe(false);
      fail(new Error('zu spät und kaputt'));
      vi.useRealTimers();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('gives up at the deadline on a provider that never answers, and ignores a late answer', async () => {
    let answer!: (delivered: boolean) => void;
    const late = provider(() => new Promise((resolve) => (answer = resolve)));
    const asked = askProvider(late, Promise.resolve(), REQUEST);
    await vi.advanceTimersByTimeAsync(PROVIDER_DEADLINE_MS - 1);
    let settled = false;
    void asked.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await asked).toBe(false);
    answer(true);
    expect(await asked).toBe(false);
  });
});
