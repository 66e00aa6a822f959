import { describe, expect, it } from 'vitest';
import { partnerSchema } from '../../src/lib/ads/partner-schema.ts';
import { dataRecords } from '../../src/lib/content/data-file.ts';

const FILE = 'content/partners.yaml';
const partnerWith = (url: string) => `- id: homeday\n  name: Homeday\n  text: Immobilienbewertung\n  url: ${url}\n`;

/** What `content/partners.yaml` says of a partner's url: the stored url, or the editor's message. */
function read(url: string): string {
  try {
    return String(dataRecords(FILE, partnerWith(url), partnerSchema, { keepFileOrder: true }).entries[0].data.url);
  } catch (error) {
    return (error as Error).message;
  }
}

describe('a partner’s url', () => {
  it('is an https address, kept as written', () => {
    expect(read('https://partner.example/angebot')).toBe('https://partner.example/angebot');
  });

  it.each([
    ['a site path', '/abo/', 'expected an https:// address'],
    ['plain http', 'http://partner.example/', 'expected an https:// address'],
    ['a script', 'javascript:alert(1)', 'expected an https:// address'],
    ['a tab a browser would drop', '"https://partner.example/\\t"', 'expected an https:// address, without spaces, tabs, line breaks or other invisible characters (browsers drop or encode them)'],
    ['a user name hiding the site', 'https://bank.example@evil.example/', 'expected an https:// address, without a user name or password before an @, which hide where the link goes'],
  ])('refuses %s, naming file, line and field', (_case, url, problem) => {
    expect(read(url)).toBe(`${FILE}:4: [0].url: ${problem}`);
  });
});
