import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NETWORK_PATIENCE_MS, networkFirst } from '../../src/lib/offline/network-first.ts';

/** A network answer the test settles when it wants. */
function pending() {
  let answer!: (value: string) => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<string>((resolve, reject) => ((answer = resolve), (fail = reject)));
  return { promise, answer, fail };
}

const stored = (copy?: string) => () => Promise.resolve(copy);
const offline = () => Promise.resolve('offline page');

describe('networkFirst', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('gives the network’s page while it comes in time, even with a stored copy', async () => {
    const network = pending();
    const page = networkFirst(network.promise, stored('stored copy'), offline);
    await vi.advanceTimersByTimeAsync(NETWORK_PATIENCE_MS - 1);
    network.answer('current page');
    expect(await page).toBe('current page');
  });

  it('gives the stored copy when the network fails, and the offline page without one', async () => {
    expect(await networkFirst(Promise.reject(new Error('offline')), stored('stored copy'), offline)).toBe('stored copy');
    expect(await networkFirst(Promise.reject(new Error('offline')), stored(), offline)).toBe('offline page');
  });

  it('gives the stored copy when the network takes longer than its patience', async () => {
    const network = pending();
    const page = networkFirst(network.promise, stored('stored copy'), offline);
    await vi.advanceTimersByTimeAsync(NETWORK_PATIENCE_MS);
    expect(await page).toBe('stored copy');
    // Failing later is no unhandled rejection.
    network.fail(new Error('too late'));
  });

  it('waits for a slow network when there is no stored copy, and gives the offline page if it fails after all', async () => {
    const slow = pending();
    const page = networkFirst(slow.promise, stored(), offline);
    await vi.advanceTimersByTimeAsync(NETWORK_PATIENCE_MS * 3);
    slow.answer('late page');
    expect(await page).toBe('late page');

    const failing = pending();
    const offlinePage = networkFirst(failing.promise, stored(), offline);
    await vi.advanceTimersByTimeAsync(NETWORK_PATIENCE_MS * 3);
    failing.fail(new Error('offline'));
    expect(await offlinePage).toBe('offline page');
  });

  it('leaves no timer running once it has answered', async () => {
    await networkFirst(Promise.resolve('current page'), stored(), offline);
    expect(vi.getTimerCount()).toBe(0);
  });
});
