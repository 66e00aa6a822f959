import { afterEach, describe, expect, it, vi } from 'vitest';

/** The environment module as a build with these variables loads it: it reads them once, as it loads. */
async function environmentWith(variables: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  return import('../../src/publish/environment.ts');
}
afterEach(() => vi.unstubAllEnvs());

describe('the build’s environment', () => {
  it('takes „now“ from the clock without SOURCE_DATE_EPOCH', async () => {
    const { buildNow } = await environmentWith({ SOURCE_DATE_EPOCH: undefined });
    const before = Date.now();
    const now = buildNow().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('takes „now“ from SOURCE_DATE_EPOCH, so that two builds of one commit are alike', async () => {
    const { buildNow } = await environmentWith({ SOURCE_DATE_EPOCH: '1737470640' });
    expect(buildNow()).toEqual(new Date('2025-01-21T14:44:00Z'));
  });
});
