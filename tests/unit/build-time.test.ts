import { describe, expect, it } from 'vitest';
import { buildNow } from '../../src/lib/build-time.ts';

const CLOCK = new Date('2030-01-01T00:00:00Z');
const clock = () => CLOCK;

describe('buildNow', () => {
  it('takes SOURCE_DATE_EPOCH as seconds since 1970 when it is set', () => {
    expect(buildNow({ SOURCE_DATE_EPOCH: '1737470640' }, clock).toISOString()).toBe('2025-01-21T14:44:00.000Z');
    expect(buildNow({ SOURCE_DATE_EPOCH: '0' }, clock).getTime()).toBe(0);
  });

  it('reads the clock when SOURCE_DATE_EPOCH is unset or empty', () => {
    expect(buildNow({}, clock)).toBe(CLOCK);
    expect(buildNow({ SOURCE_DATE_EPOCH: '' }, clock)).toBe(CLOCK);
  });

  it.each(['1737470640.5', '-5', 'gestern', '1e9', ' 17'])('refuses %j with a message naming the variable', (epoch) => {
    expect(() => buildNow({ SOURCE_DATE_EPOCH: epoch }, clock)).toThrow(`SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC, e.g. 1737470640, not "${epoch}"`);
  });
});
