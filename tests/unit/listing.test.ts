import { describe, expect, it } from 'vitest';
import { inFileOrder, newestFirst } from '../../src/lib/listing.ts';

const article = (id: string, data: { published?: string; updated?: string }) => ({
  id,
  data: { published: data.published ? new Date(data.published) : undefined, updated: data.updated ? new Date(data.updated) : undefined },
});

describe('newestFirst', () => {
  it('orders by when an article first came out, so a later correction does not move it up', () => {
    const early = article('frueh', { published: '2025-01-20T08:00:00+01:00', updated: '2025-01-22T08:00:00+01:00' });
    const late = article('spaet', { published: '2025-01-21T08:00:00+01:00' });
    const onlyUpdated = article('nur-update', { updated: '2025-01-21T15:44:00+01:00' });
    expect(newestFirst([early, late, onlyUpdated]).map((entry) => entry.id)).toEqual(['nur-update', 'spaet', 'frueh']);
  });

  it('keeps articles of the same minute in slug order, whatever order they came in', () => {
    const time = { published: '2025-01-21T08:00:00+01:00' };
    const ids = ['c', 'a', 'b'].map((id) => article(id, time));
    expect(newestFirst(ids).map((entry) => entry.id)).toEqual(['a', 'b', 'c']);
    expect(newestFirst([...ids].reverse()).map((entry) => entry.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('inFileOrder', () => {
  it('sorts by position in the data file', () => {
    expect(inFileOrder([{ data: { position: 2 } }, { data: { position: 0 } }, { data: { position: 1 } }]).map((entry) => entry.data.position)).toEqual([0, 1, 2]);
  });
});
