import { describe, expect, it } from 'vitest';
import { parseOffsetDateTime } from '../../src/lib/content/offset-date-time.ts';

const problemOf = (text: string) => {
  const read = parseOffsetDateTime(text);
  if ('date' in read) throw new Error(`expected "${text}" to be refused`);
  return read.problem;
};

describe('parseOffsetDateTime', () => {
  it.each([
    ['2025-01-21T15:44:00+01:00', '2025-01-21T14:44:00.000Z'],
    ['2025-07-01T08:05:00+02:00', '2025-07-01T06:05:00.000Z'],
    ['2025-01-21T15:44:00Z', '2025-01-21T15:44:00.000Z'],
    ['2025-01-21T15:44:00.250-05:00', '2025-01-21T20:44:00.250Z'],
    ['2024-02-29T12:00:00+01:00', '2024-02-29T11:00:00.000Z'],
  ])('reads %s as the instant it names', (text, iso) => {
    expect(parseOffsetDateTime(text)).toEqual({ date: new Date(iso) });
  });

  it('says that a 13th month and a 45th day are impossible, not that an offset is missing', () => {
    expect(problemOf('2025-13-45T15:44:00+01:00')).toBe('2025-13-45 is an impossible date: there is no month 13');
    expect(problemOf('2025-00-10T15:44:00+01:00')).toBe('2025-00-10 is an impossible date: there is no month 0');
    expect(problemOf('2025-01-45T15:44:00+01:00')).toBe('2025-01-45 is an impossible date: January 2025 has 31 days');
  });

  it.each([
    ['01', 'January', 31],
    ['02', 'February', 28],
    ['03', 'March', 31],
    ['04', 'April', 30],
    ['05', 'May', 31],
    ['06', 'June', 30],
    ['07', 'July', 31],
    ['08', 'August', 31],
    ['09', 'September', 30],
    ['10', 'October', 31],
    ['11', 'November', 30],
    ['12', 'December', 31],
  ])('knows that month %s, %s, has %i days', (month, name, days) => {
    expect(parseOffsetDateTime(`2025-${month}-${days}T12:00:00+01:00`)).toHaveProperty('date');
    expect(problemOf(`2025-${month}-${days + 1}T12:00:00+01:00`)).toBe(`2025-${month}-${days + 1} is an impossible date: ${name} 2025 has ${days} days`);
  });

  it('refuses a day 00', () => {
    expect(problemOf('2025-01-00T12:00:00+01:00')).toBe('2025-01-00 is an impossible date: January 2025 has 31 days');
  });

  it('reads the last second of the year', () => {
    expect(parseOffsetDateTime('2025-12-31T23:59:59+01:00')).toEqual({ date: new Date('2025-12-31T22:59:59.000Z') });
  });

  it('knows the length of February in common and leap years', () => {
    expect(problemOf('2025-02-29T10:00:00+01:00')).toBe('2025-02-29 is an impossible date: February 2025 has 28 days');
    expect(problemOf('2024-02-30T10:00:00+01:00')).toBe('2024-02-30 is an impossible date: February 2024 has 29 days');
  });

  it('names an impossible time of day and an impossible offset', () => {
    expect(problemOf('2025-01-21T24:00:00+01:00')).toMatch(/^24:00:00 is an impossible time of day/);
    expect(problemOf('2025-01-21T15:60:00+01:00')).toMatch(/^15:60:00 is an impossible time of day/);
    expect(problemOf('2025-01-21T15:44:00+15:00')).toBe('+15:00 is an impossible UTC offset: offsets run from -12:00 to +14:00');
    expect(problemOf('2025-01-21T15:44:00-13:00')).toMatch(/^-13:00 is an impossible UTC offset/);
    expect(problemOf('2025-01-21T15:44:00+01:75')).toMatch(/^\+01:75 is an impossible UTC offset/);
    expect(problemOf('2025-01-21T15:44:60+01:00')).toMatch(/^15:44:60 is an impossible time of day/);
    expect(problemOf('2025-01-21T15:44:00+14:30')).toMatch(/^\+14:30 is an impossible UTC offset/);
  });

  it('reads the offsets at the ends of the world', () => {
    expect(parseOffsetDateTime('2025-01-21T15:44:00+14:00')).toEqual({ date: new Date('2025-01-21T01:44:00.000Z') });
    expect(parseOffsetDateTime('2025-01-21T15:44:00+13:00')).toEqual({ date: new Date('2025-01-21T02:44:00.000Z') });
    expect(parseOffsetDateTime('2025-01-21T15:44:00-12:00')).toEqual({ date: new Date('2025-01-22T03:44:00.000Z') });
    expect(parseOffsetDateTime('2025-01-21T15:44:00+05:59')).toEqual({ date: new Date('2025-01-21T09:45:00.000Z') });
  });

  it('names a missing offset and a missing time as what they are', () => {
    expect(problemOf('2025-01-21T15:44:00')).toBe(
      '2025-01-21T15:44:00 has no UTC offset: add it, e.g. +01:00 for German winter time or +02:00 for summer time (2025-01-21T15:44:00+01:00)',
    );
    expect(problemOf('2025-01-21')).toBe('2025-01-21 has no time of day: expected a date and time with its UTC offset, e.g. 2025-01-21T15:44:00+01:00');
  });

  it.each(['21.01.2025 15:44', '2025-01-21 15:44:00+01:00', '2025-01-21T15:44+01:00', 'am 2025-01-21T15:44:00+01:00', 'gestern', ''])('refuses %j as not a date and time', (text) => {
    expect(problemOf(text)).toBe('expected a date and time with its UTC offset, e.g. 2025-01-21T15:44:00+01:00');
  });
});
