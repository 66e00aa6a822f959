const BERLIN = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

// Every listing page shows twenty times and an archive repeats them on many pages, while
// formatting a time through Intl costs more than the rest of a list item: each is made once.
const formatted = new Map<number, Record<string, string>>();

function berlinParts(date: Date): Record<string, string> {
  let parts = formatted.get(date.getTime());
  if (parts === undefined) {
    parts = Object.fromEntries(BERLIN.formatToParts(date).map(({ type, value }) => [type, value]));
    // Stryker disable next-line CallExpression: equivalent, because the cache only saves formatting time; every call formats the same
    formatted.set(date.getTime(), parts);
  }
  return parts;
}

/** "21.01.2025 - 15:44 Uhr", in Berlin time whatever the machine's time zone. */
export function formatBerlinDateTime(date: Date): string {
  const part = berlinParts(date);
  return `${part.day}.${part.month}.${part.year} - ${part.hour}:${part.minute} Uhr`;
}

/** "21.01.2025", the Berlin date. */
export function formatBerlinDate(date: Date): string {
  const part = berlinParts(date);
  return `${part.day}.${part.month}.${part.year}`;
}

export interface ArticleTimes {
  published?: Date;
  updated?: Date;
}

/**
 * The time a reader sees: the latest one, marked "aktualisiert" when it is an update, as
 * newspapers do. Where only an update time is known, that is all the page claims.
 */
export function displayedTime({ published, updated }: ArticleTimes): { date: Date; updated: boolean } {
  if (updated) return { date: updated, updated: true };
  if (published) return { date: published, updated: false };
  throw new Error('An article needs a published or an updated time');
}

/** The time to show where articles stand in order of publication: the publication, if known. */
export function publicationShown(times: ArticleTimes): { date: Date; updated: boolean } {
  return times.published ? { date: times.published, updated: false } : displayedTime(times);
}

/** The earliest time an article is known to have been out: its publication, else its update. */
export function earliestKnownTime({ published, updated }: ArticleTimes): Date {
  const date = published ?? updated;
  if (!date) throw new Error('An article needs a published or an updated time');
  return date;
}
