import { describe, expect, it } from 'vitest';
import { replaceEntries } from '../../src/loaders/replace-entries.ts';
import { fakeLoaderContext } from '../support/loader-context.ts';

const entry = (id: string, digest: string) => ({ id, digest, data: {} });

describe('replaceEntries', () => {
  const stored = [entry('a', '1'), entry('b', '1')];

  it('makes the store hold exactly the entries, and says it changed it', () => {
    const { context, entries } = fakeLoaderContext({ stored });
    expect(replaceEntries(context.store, [entry('b', '2'), entry('c', '1')])).toBe(true);
    expect([...entries.values()]).toEqual([entry('b', '2'), entry('c', '1')]);
  });

  it('says it changed nothing when every entry is there with its digest', () => {
    const { context, written, deleted } = fakeLoaderContext({ stored });
    expect(replaceEntries(context.store, stored)).toBe(false);
    expect([written, deleted]).toEqual([[], []]);
  });

  it('counts an entry gone, or one changed after unchanged ones, as a change', () => {
    expect(replaceEntries(fakeLoaderContext({ stored }).context.store, [entry('a', '1')])).toBe(true);
    const { context, written } = fakeLoaderContext({ stored });
    expect(replaceEntries(context.store, [entry('a', '1'), entry('b', '2')])).toBe(true);
    expect(written).toEqual(['b']);
  });
});
