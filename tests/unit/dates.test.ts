import { describe, expect, it } from 'vitest';
import { displayedTime, earliestKnownTime, formatBerlinDate, formatBerlinDateTime, publicationShown } from '../../src/lib/dates.ts';

describe('formatBerlinDateTime', () => {
  it('shows Berlin time in the newspaper format, in winter and in summer', () => {
    expect(formatBerlinDateTime(new Date('2025-01-21T15:44:00+01:00'))).toBe('21.01.2025 - 15:44 Uhr');
    expect(formatBerlinDateTime(new Date('2025-07-01T06:05:00Z'))).toBe('01.07.2025 - 08:05 Uhr');
  });

  it('crosses midnight into the Berlin date', () => {
    expect(formatBerlinDateTime(new Date('2024-12-31T23:30:00Z'))).toBe('01.01.2025 - 00:30 Uhr');
  });
});

describe('formatBerlinDate', () => {
  it('gives the Berlin date, which may be a day after the UTC one', () => {
    expect(formatBerlinDate(new Date('2025-01-21T15:44:00+01:00'))).toBe('21.01.2025');
    expect(formatBerlinDate(new Date('2024-12-31T23:30:00Z'))).toBe('01.01.2025');
  });
});

/** An article's two times: out in the morning, updated in the afternoon. */
const published = new Date('2025-01-21T09:00:00+01:00');
const updated = new Date('2025-01-21T15:44:00+01:00');

describe('displayedTime', () => {
  it('shows the update, marked as such, when there is one', () => {
    expect(displayedTime({ published, updated })).toEqual({ date: updated, updated: true });
    expect(displayedTime({ updated })).toEqual({ date: updated, updated: true });
  });

  it('shows the publication time otherwise', () => {
    expect(displayedTime({ published })).toEqual({ date: published, updated: false });
  });

  it('refuses an article without any time', () => {
    expect(() => displayedTime({})).toThrow('An article needs a published or an updated time');
  });
});

describe('earliestKnownTime', () => {
  it('is the publication, else the update', () => {
    expect(earliestKnownTime({ published, updated })).toBe(published);
    expect(earliestKnownTime({ updated })).toBe(updated);
    expect(() => earliestKnownTime({})).toThrow('An article needs a published or an updated time');
  });
});

describe('publicationShown', () => {
  it('shows the publication, unmarked, even after an update; an update only where it is the one time known', () => {
    expect(publicationShown({ published, updated })).toEqual({ date: published, updated: false });
    expect(publicationShown({ updated })).toEqual({ date: updated, updated: true });
  });
});
