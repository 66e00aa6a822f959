import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { leavesSite } from '../../src/lib/ads/house-ad-schema.ts';
import { readHouseAds } from '../../src/loaders/read-house-ads.ts';
import { ContentError } from '../../src/lib/content/content-error.ts';
import { PhotoCatalog } from '../../src/publish/photos/photo-catalog.ts';

const folder = mkdtempSync(join(tmpdir(), 'house-ads-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
mkdirSync(join(folder, 'images'));
copyFileSync('tests/fixtures/images/foto.jpg', join(folder, 'images/foto.jpg'));
const FILE = join(folder, 'house-ads.yaml');
const catalog = new PhotoCatalog(join(folder, 'catalog.json'));
const read = (source: string) => {
  writeFileSync(FILE, source);
  return readHouseAds(FILE, catalog);
};

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
async function messageFor(source: string): Promise<string> {
  try {
    await read(source);
  } catch (error) {
    if (error instanceof ContentError) return error.message;
    throw error;
  }
  throw new Error('expected the house ads to be rejected');
}

describe('readHouseAds', () => {
  it('reads valid house ads, their images described as photos', async () => {
    const ads = await read(NEWSLETTER + SECOND);
    expect(ads.map((ad) => ad.id)).toEqual(['newsletter', 'veranstaltung']);
    expect(ads[1].data).toMatchObject({ start: '2026-03-01T00:00:00+01:00', weight: 3 });
    expect(ads[1].data.image).toMatchObject({ src: expect.stringMatching(/^foto\./), width: 1600, height: 900, fsPath: join(folder, 'images/foto.jpg') });
  });

  it.each([
    ['an unknown format', NEWSLETTER.replace('half-page]', 'skyscraper]'), `${FILE}:2: [0].formats[1]: expected one of the IAB formats in src/lib/ads/formats.ts: medium-rectangle, half-page, leaderboard`],
    ['no format', NEWSLETTER.replace('[medium-rectangle, half-page]', '[]'), `${FILE}:2: [0].formats: must name at least one format`],
    ['a missing image', NEWSLETTER.replace('images/foto.jpg', 'images/fehlt.png'), `${FILE}:6: [0].image: no image file at "images/fehlt.png" (paths are relative to ${FILE})`],
    ['a missing headline', NEWSLETTER.replace('  headline: Newsletter abonnieren\n', ''), `${FILE}:1: [0].headline: is required (the headline)`],
    ['missing formats', NEWSLETTER.replace('  formats: [medium-rectangle, half-page]\n', ''), `${FILE}:1: [0].formats: is required (a list of the formats it fits, e.g. [medium-rectangle, half-page])`],
    ['a missing text', NEWSLETTER.replace(/  text: .*\n/, ''), `${FILE}:1: [0].text: is required (a sentence under the headline)`],
    ['a missing action', NEWSLETTER.replace('  action: Jetzt anmelden\n', ''), `${FILE}:1: [0].action: is required (what the link does, e.g. „Jetzt anmelden“)`],
    ['a headline too long for the smallest box', NEWSLETTER.replace('Newsletter abonnieren', 'x'.repeat(41)), `${FILE}:3: [0].headline: must fit two lines of a medium rectangle: at most 40 characters`],
    ['an action too long for one line', NEWSLETTER.replace('Jetzt anmelden', 'x'.repeat(25)), `${FILE}:5: [0].action: must fit one line: at most 24 characters`],
    ['an end at the very start', SECOND.replace('2026-03-15T00:00:00+01:00', '2026-03-01T00:00:00+01:00').slice(1), `${FILE}:9: [0].end: must be later than \`start\``],
    ['a weight that is no whole number', SECOND.replace('weight: 3', 'weight: 1.5').slice(1), `${FILE}:10: [0].weight: expected a whole number`],
    ['a text too long for the smallest box', NEWSLETTER.replace(/text: .*/, `text: ${'Wort '.repeat(20)}`), `${FILE}:4: [0].text: must fit two lines of a medium rectangle: at most 80 characters`],
    ['a link that is neither a site path nor https', NEWSLETTER.replace('/newsletter/', 'http://newsletter.example/'), `${FILE}:7: [0].link: expected a path on this site such as /newsletter/, or an https:// address`],
    ['a protocol-relative link', NEWSLETTER.replace('/newsletter/', '//newsletter.example/'), `${FILE}:7: [0].link: expected a path on this site`],
    ['a path a browser takes to another site', NEWSLETTER.replace('/newsletter/', '/\\evil.example/'), `${FILE}:7: [0].link: expected a path on this site such as /newsletter/, or an https:// address: a browser takes "/\\evil.example/" to https://evil.example, another site`],
    ['a tab a browser drops', NEWSLETTER.replace('/newsletter/', '"/\\t/evil.example/"'), `${FILE}:7: [0].link: expected a path on this site such as /newsletter/, or an https:// address, without spaces, tabs, line breaks or other invisible characters (browsers drop or encode them)`],
    ['an end before the start', SECOND.replace('2026-03-15', '2026-02-15').slice(1), `${FILE}:9: [0].end: must be later than \`start\``],
    ['a date without offset', SECOND.replace('2026-03-01T00:00:00+01:00', '2026-03-01').slice(1), `${FILE}:8: [0].start: 2026-03-01 has no time of day: expected a date and time with its UTC offset`],
    ['a weight of zero', SECOND.replace('weight: 3', 'weight: 0').slice(1), `${FILE}:10: [0].weight: must be at least 1`],
    ['a misspelt field', NEWSLETTER.replace('link:', 'lnk:'), `${FILE}:7: [0].lnk: is not a field house ads have; check its spelling`],
    ['an id used twice', `${NEWSLETTER}\n${NEWSLETTER}`, `${FILE}:8: [1].id: "newsletter" is listed twice`],
    ['a mapping instead of a list', 'newsletter:\n  headline: Hallo', `${FILE}:1: expected a YAML list of entries, each with an \`id\``],
    ['an image that is no photo', NEWSLETTER.replace('images/foto.jpg', 'house-ads.yaml'), `${FILE}:6: [0].image: "house-ads.yaml" is not an image file`],
    ['broken YAML', `${NEWSLETTER}\n- id: [kaputt`, `${FILE}:8: the file is not valid YAML`],
  ])('names file, line and field of %s', async (_case, source, message) => {
    expect(await messageFor(source)).toContain(message);
  });

  it('runs a creative from its start without an end', async () => {
    const [ad] = await read(SECOND.replace('  end: 2026-03-15T00:00:00+01:00\n', '').slice(1));
    expect(ad.data).toMatchObject({ start: '2026-03-01T00:00:00+01:00' });
    expect(ad.data).not.toHaveProperty('end');
  });
});

describe('leavesSite', () => {
  it('tells a link away from the site, which is marked sponsored, from a path on it', () => {
    expect(leavesSite('https://veranstaltung.example/forum')).toBe(true);
    expect(leavesSite('/newsletter/')).toBe(false);
  });
});
