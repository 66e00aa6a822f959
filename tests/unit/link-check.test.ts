import { describe, expect, it } from 'vitest';
import { isSitePath, linkProblem } from '../../src/lib/link-check.ts';

const BOTH = ['site path', 'https'] as const;
const EXPECTED = 'expected a path on this site such as /newsletter/, or an https:// address';
const INVISIBLE = `${EXPECTED}, without spaces, tabs, line breaks or other invisible characters (browsers drop or encode them)`;
const elsewhere = (link: string, origin: string) => `${EXPECTED}: a browser takes "${link}" to ${origin}, another site`;

describe('linkProblem', () => {
  it.each(['/newsletter/', '/abo/?quelle=anzeige#angebot', '/%5Cx', '/%2F%2Fevil.example', '/.//evil.example', '/über-uns/', 'https://tickets.example/abend', 'HTTPS://Tickets.Example/'])(
    'accepts %j',
    (link) => {
      expect(linkProblem(link, BOTH)).toBeUndefined();
    },
  );

  it.each([
    ['//evil.example/', 'https://evil.example'],
    ['/\\evil.example/', 'https://evil.example'],
    ['/\\\\evil.example', 'https://evil.example'],
  ])('refuses %j, which a browser follows to another site', (link, origin) => {
    expect(linkProblem(link, BOTH)).toBe(elsewhere(link, origin));
  });

  it.each(['/\tevil.example/', '/\t/evil.example/', '/\n/evil.example/', '/\r/evil.example/', ' /newsletter/', '/newsletter/ ', '/a b/', 'https://evil.example/\t', 'https://a\u00a0b.example/', '/\u0000/evil', '/\u200b/x', '/\u007f'])(
    'refuses %j, with a character a browser drops or encodes',
    (link) => {
      expect(linkProblem(link, BOTH)).toBe(INVISIBLE);
    },
  );

  it.each(['\\/evil.example', '\\\\evil.example', 'javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x', 'http://newsletter.example/', 'https:evil.example', 'https:/\\evil.example', 'https://', 'newsletter/', '', 'mailto:leser@example.org'])(
    'refuses %j, which is neither a site path nor an https address',
    (link) => {
      expect(linkProblem(link, BOTH)).toBe(EXPECTED);
    },
  );

  it('refuses an address with a user name or password, which hides the site it leads to', () => {
    expect(linkProblem('https://bank.example@evil.example/', BOTH)).toBe(`${EXPECTED}, without a user name or password before an @, which hide where the link goes`);
    expect(linkProblem('https://:geheim@evil.example/', BOTH)).toMatch(/without a user name or password/);
  });

  it('accepts only the kinds asked for', () => {
    expect(linkProblem('/newsletter/', ['https'])).toBe('expected an https:// address');
    expect(linkProblem('https://partner.example/', ['https'])).toBeUndefined();
    expect(linkProblem('https://partner.example/', ['site path'])).toBe('expected a path on this site such as /newsletter/');
  });
});

describe('isSitePath', () => {
  it('is true only where a browser stays on the site', () => {
    expect(['/newsletter/', '/%5Cx', '//evil.example', '/\\evil.example', '/\t/evil.example', 'https://evil.example/', 'newsletter/'].map(isSitePath)).toEqual([
      true, true, false, false, false, false, false,
    ]);
  });
});
