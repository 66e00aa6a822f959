import { describe, expect, it } from 'vitest';
import { outdatedShelves, shelves } from '../../src/lib/offline/shelves.ts';

describe('shelves', () => {
  it('names the caches of a site after its base, and only the pages after the worker’s version', () => {
    expect(shelves('/zeitung/', 'v2')).toEqual({
      read: 'zeitungsleser /zeitung/ gelesen',
      kept: 'zeitungsleser /zeitung/ gemerkt',
      files: 'zeitungsleser /zeitung/ dateien',
      pages: 'zeitungsleser /zeitung/ seiten v2',
    });
    expect(shelves('/zeitung')).toEqual(shelves('/zeitung/'));
    expect(shelves('/', 'v1').read).toBe(shelves('/', 'v2').read);
  });
});

describe('outdatedShelves', () => {
  const current = shelves('/', 'v2');

  it('gives another build’s pages of this site, and keeps what the reader read and kept', () => {
    const names = [current.read, current.kept, current.files, current.pages, shelves('/', 'v1').pages, 'zeitungsleser / seiten '];
    expect(outdatedShelves(names, '/', current)).toEqual([shelves('/', 'v1').pages, 'zeitungsleser / seiten ']);
  });

  it('leaves the caches of another site on the same origin alone, even one under a sub-path of this one', () => {
    const other = shelves('/zeitung/', 'v1');
    expect(outdatedShelves([...Object.values(other), 'workbox-precache', current.pages], '/', current)).toEqual([]);
    expect(outdatedShelves([current.pages, shelves('/', 'v1').read], '/zeitung/', other)).toEqual([]);
  });
});
