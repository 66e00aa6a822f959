/** A front-matter time read as an instant, or why it cannot be one, in words an editor can act on. */
export type OffsetDateTime = { date: Date } | { problem: string };

export const DATE_TIME_EXAMPLE = '2025-01-21T15:44:00+01:00';
const EXPECTED = `expected a date and time with its UTC offset, e.g. ${DATE_TIME_EXAMPLE}`;

// The shape of the ISO 8601 form we accept; the numbers are checked one by one afterwards so that
// "the 13th month" is not reported as a missing offset.
const SHAPE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))?)?$/;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Reads `2025-01-21T15:44:00+01:00` (seconds required, a fraction and `Z` allowed). A date that
 * cannot exist, a time of day that cannot exist, a missing time and a missing offset are each
 * named as what they are.
 */
export function parseOffsetDateTime(text: string): OffsetDateTime {
  const match = SHAPE.exec(text);
  if (!match) return { problem: EXPECTED };
  const [, yearText, monthText, dayText, hourText, minuteText, secondText, , offset, offsetHours, offsetMinutes] = match;
  const [year, month, day] = [yearText, monthText, dayText].map(Number);
  const date = `${yearText}-${monthText}-${dayText}`;
  if (month < 1 || month > 12) return { problem: `${date} is an impossible date: there is no month ${month}` };
  if (day < 1 || day > daysIn(year, month)) {
    return { problem: `${date} is an impossible date: ${MONTHS[month - 1]} ${year} has ${daysIn(year, month)} days` };
  }
  if (hourText === undefined) return { problem: `${date} has no time of day: ${EXPECTED}` };
  if (Number(hourText) > 23 || Number(minuteText) > 59 || Number(secondText) > 59) {
    return { problem: `${hourText}:${minuteText}:${secondText} is an impossible time of day: hours go to 23, minutes and seconds to 59` };
  }
  if (offset === undefined) {
    return { problem: `${text} has no UTC offset: add it, e.g. +01:00 for German winter time or +02:00 for summer time (${DATE_TIME_EXAMPLE})` };
  }
  const latest = offset.startsWith('-') ? 12 : 14;
  if (offset !== 'Z' && (Number(offsetMinutes) > 59 || Number(offsetHours) * 60 + Number(offsetMinutes) > latest * 60)) {
    return { problem: `${offset} is an impossible UTC offset: offsets run from -12:00 to +14:00` };
  }
  return { date: new Date(text) };
}
