import { describe, expect, it } from 'vitest';
import { buildNow } from '../../src/lib/build-time.ts';
import { readSettings } from '../../src/lib/settings.ts';

const CLOCK = new Date('2030-01-01T00:00:00Z');
const clock = () => CLOCK;
const nowUnder = (env: Record<string, string>) => buildNow(readSettings(env), clock);

describe('buildNow', () => {
  it('takes SOURCE_DATE_EPOCH as seconds since 1970 when it is set', () => {
    expect(nowUnder({ SOURCE_DATE_EPOCH: '1737470640' }).toISOString()).toBe('2025-01-21T14:44:00.000Z');
  });

  it('reads the clock when SOURCE_DATE_EPOCH is unset or empty', () => {
    expect(nowUnder({})).toBe(CLOCK);
    expect(nowUnder({ SOURCE_DATE_EPOCH: '' })).toBe(CLOCK);
  });

  // An embargo must never fail open: a mistaken epoch stops the build instead of publishing.
  it.each(['1737470640.5', '-5', 'gestern', '1e9', ' 17', '1750000000000', '99999999999999'])('refuses %j with a message naming the variable', (epoch) => {
    expect(() => nowUnder({ SOURCE_DATE_EPOCH: epoch })).toThrow(/^SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC, e.g. 1737470640, not /);
  });
});
