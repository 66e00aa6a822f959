import { describe, expect, it } from 'vitest';
import { ContentError } from '../../src/lib/content/content-error.ts';
import { readHouseAds } from '../../src/lib/ads/read-house-ads.ts';

const FILE = 'tests/fixtures/house-ads.yaml';

const NEWSLETTER = `- id: newsletter
  formats: [medium-rectangle, half-page]
  headline: Newsletter abonnieren
  text: Die wichtigsten Nachrichten des Morgens, kostenlos per E-Mail.
  action: Jetzt anmelden
  image: images/foto.jpg
  link: /newsletter/`;

const SECOND = `
- id: veranstaltung
  formats: [half-page]
  headline: Leserforum
  text: Ein Abend mit der Redaktion.
  action: Mehr erfahren
  image: images/foto.jpg
  link: https://veranstaltung.example/forum
  start: 2026-03-01T00:00:00+01:00
  end: 2026-03-15T00:00:00+01:00
  weight: 3`;

/** The one message an editor would read for a broken file. */
function messageFor(source: string): string {
  try {
    readHouseAds(FILE, source);
  } catch (error) {
    if (error instanceof ContentError) return error.message;
    throw error;
  }
  throw new Error('expected the house ads to be rejected');
}

describe('readHouseAds', () => {
  it('reads valid house ads as written, for the collection schema', () => {
    const ads = readHouseAds(FILE, NEWSLETTER + SECOND);
    expect(ads.map((ad) => ad.id)).toEqual(['newsletter', 'veranstaltung']);
    expect(ads[1]).toMatchObject({ image: 'images/foto.jpg', start: '2026-03-01T00:00:00+01:00', weight: 3 });
  });

  it.each([
    ['an unknown format', NEWSLETTER.replace('half-page]', 'skyscraper]'), `${FILE}:2: [0].formats[1]: expected one of the IAB formats in src/lib/ads/formats.ts: medium-rectangle, half-page, leaderboard`],
    ['no format', NEWSLETTER.replace('[medium-rectangle, half-page]', '[]'), `${FILE}:2: [0].formats: must name at least one format`],
    ['a missing image', NEWSLETTER.replace('images/foto.jpg', 'images/fehlt.png'), `${FILE}:6: [0].image: no image file at "images/fehlt.png" (paths are relative to ${FILE})`],
    ['a missing headline', NEWSLETTER.replace('  headline: Newsletter abonnieren\n', ''), `${FILE}:1: [0].headline: is required (the headline)`],
    ['a text too long for the smallest box', NEWSLETTER.replace(/text: .*/, `text: ${'Wort '.repeat(20)}`), `${FILE}:4: [0].text: must fit two lines of a medium rectangle: at most 80 characters`],
    ['a link that is neither a site path nor https', NEWSLETTER.replace('/newsletter/', 'http://newsletter.example/'), `${FILE}:7: [0].link: expected a path on this site such as /newsletter/, or an https:// address`],
    ['a protocol-relative link', NEWSLETTER.replace('/newsletter/', '//newsletter.example/'), `${FILE}:7: [0].link: expected a path on this site`],
    ['an end before the start', SECOND.replace('2026-03-15', '2026-02-15').slice(1), `${FILE}:9: [0].end: must be later than \`start\``],
    ['a date without offset', SECOND.replace('2026-03-01T00:00:00+01:00', '2026-03-01').slice(1), `${FILE}:8: [0].start: expected a date and time with its UTC offset`],
    ['a weight of zero', SECOND.replace('weight: 3', 'weight: 0').slice(1), `${FILE}:10: [0].weight: must be at least 1`],
    ['a misspelt field', NEWSLETTER.replace('link:', 'lnk:'), `${FILE}:7: [0].lnk: is not a field house ads have; check its spelling`],
    ['an id used twice', `${NEWSLETTER}\n${NEWSLETTER}`, `${FILE}:8: [1].id: "newsletter" is used by an earlier house ad; ids must be unique`],
    ['a mapping instead of a list', 'newsletter:\n  headline: Hallo', `${FILE}: expected a YAML list of house ads, each starting with \`- id:\``],
    ['broken YAML', `${NEWSLETTER}\n- id: [kaputt`, `${FILE}:8: the file is not valid YAML`],
  ])('names file, line and field of %s', (_case, source, message) => {
    expect(messageFor(source)).toContain(message);
  });
});
