import { describe, expect, it } from 'vitest';
import { publicationAt, unpublishedLabel } from '../../src/lib/content/publication.ts';

const RELEASE = new Date('2025-01-22T06:00:00+01:00');
const before = new Date(RELEASE.getTime() - 1000);

describe('publicationAt', () => {
  it('publishes an article whose time has come, from the second it names', () => {
    expect(publicationAt({ published: RELEASE }, RELEASE)).toEqual({ state: 'published' });
    expect(publicationAt({ updated: new Date('2025-01-21T15:44:00+01:00') }, before)).toEqual({ state: 'published' });
  });

  it('holds back an article whose publication time lies ahead: it is under embargo until then', () => {
    expect(publicationAt({ published: RELEASE }, before)).toEqual({ state: 'embargoed', until: RELEASE });
  });

  it('takes an article with only an update time as out from that time, not before', () => {
    expect(publicationAt({ updated: RELEASE }, before)).toEqual({ state: 'embargoed', until: RELEASE });
  });

  it('never publishes a draft, whatever its times', () => {
    expect(publicationAt({ draft: true, published: new Date('2020-01-01T00:00:00Z') }, RELEASE)).toEqual({ state: 'draft' });
    expect(publicationAt({ draft: false, published: RELEASE }, RELEASE)).toEqual({ state: 'published' });
  });
});

describe('unpublishedLabel', () => {
  it('marks a draft „Entwurf“ and an embargo with its end in Berlin time', () => {
    expect(unpublishedLabel({ state: 'draft' })).toBe('Entwurf');
    expect(unpublishedLabel({ state: 'embargoed', until: RELEASE })).toBe('Sperrfrist bis 22.01.2025 - 06:00 Uhr');
  });
});
