import { describe, expect, it } from 'vitest';
import { archiveTrail, breadcrumbTrail, sectionPath } from '../../src/lib/breadcrumb.ts';
import { createUrls } from '../../src/lib/urls.ts';

const SECTIONS = [
  { id: 'politik', name: 'Politik' },
  { id: 'politik/international', name: 'International', parent: 'politik' },
];

describe('breadcrumbTrail', () => {
  const urls = createUrls('/');

  it('leads from the home page through the sections to the article', () => {
    expect(breadcrumbTrail('politik/international', SECTIONS, urls, 'Diplomatie: Xi und Putin')).toEqual([
      { name: 'Startseite', href: '/' },
      { name: 'Politik', href: '/politik/' },
      { name: 'International', href: '/politik/international/' },
      { name: 'Diplomatie: Xi und Putin' },
    ]);
  });

  it('ends on the section itself on a section page', () => {
    expect(breadcrumbTrail('politik/international', SECTIONS, urls)).toEqual([
      { name: 'Startseite', href: '/' },
      { name: 'Politik', href: '/politik/' },
      { name: 'International' },
    ]);
  });

  it('links every section above the one the reader is on', () => {
    const deeper = [...SECTIONS, { id: 'politik/international/asien', name: 'Asien', parent: 'politik/international' }];
    expect(breadcrumbTrail('politik/international/asien', deeper, urls)).toEqual([
      { name: 'Startseite', href: '/' },
      { name: 'Politik', href: '/politik/' },
      { name: 'International', href: '/politik/international/' },
      { name: 'Asien' },
    ]);
  });

  it('carries the base path', () => {
    expect(breadcrumbTrail('politik', SECTIONS, createUrls('/zeitung'), 'X')[1]).toEqual({ name: 'Politik', href: '/zeitung/politik/' });
  });
});

describe('sectionPath', () => {
  it('rejects unknown and circular sections', () => {
    expect(() => sectionPath('sport', SECTIONS)).toThrow('Unknown section "sport"');
    expect(() => sectionPath('a', [{ id: 'a', name: 'A', parent: 'a' }])).toThrow('Section "a" is its own ancestor');
  });
});

describe('archiveTrail', () => {
  it('links the listing the archive page belongs to and ends with the page', () => {
    const trail = breadcrumbTrail('politik/international', SECTIONS, createUrls('/'));
    expect(archiveTrail(trail, '/politik/international/', 'Archiv, Seite 2')).toEqual([
      { name: 'Startseite', href: '/' },
      { name: 'Politik', href: '/politik/' },
      { name: 'International', href: '/politik/international/' },
      { name: 'Archiv, Seite 2' },
    ]);
  });
});
