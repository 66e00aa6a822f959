import { describe, expect, it } from 'vitest';
import { cacheKey } from '../../src/lib/cache-key.ts';

describe('cacheKey', () => {
  it('is the same for the same data', () => {
    expect(cacheKey({ title: 'Xi und Putin' }, [1, 2])).toBe(cacheKey({ title: 'Xi und Putin' }, [1, 2]));
  });

  it('changes with any part of the data', () => {
    const keys = [
      cacheKey({ title: 'Xi und Putin' }),
      cacheKey({ title: 'Xi und Putin ' }),
      cacheKey({ title: 'Xi und Putin' }, 1),
      cacheKey({ updated: new Date('2025-01-21T14:44:00Z') }),
      cacheKey({ updated: new Date('2025-01-21T14:45:00Z') }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('sees into maps and sets', () => {
    expect(cacheKey(new Map([['usa', 'USA']]))).not.toBe(cacheKey(new Map([['usa', 'Vereinigte Staaten']])));
    expect(cacheKey(new Set(['a']))).not.toBe(cacheKey(new Set(['b'])));
  });
});
