import { resolve } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../../src/lib/content/content-error.ts';
import { contentErrorPage, overlayError } from '../../src/lib/preview/error-page.ts';

const FILE = 'content/articles/beispiel.md';
const SOURCE = '---\nkicker: Diplomatie\nupdated: 2025-13-45T15:44:00+01:00\n---\n\nText mit <b>Tags</b>.';
const MISTAKE = new ContentError(FILE, 'updated', 3, '2025-13-45 is an impossible date: there is no month 13');
const OTHER = new ContentError('content/authors.yaml', '[1].name', 5, 'must not be <empty>');
const readSource = (file: string) => (file === FILE ? SOURCE : undefined);

describe('overlayError', () => {
  it('points Astro’s overlay at the file and line of the first mistake, with the file’s lines and the faulty one marked', () => {
    const error = overlayError([MISTAKE], readSource);
    expect(error.loc).toEqual({ file: resolve(FILE), line: 3 });
    expect(error.title).toBe(`A mistake in ${FILE}, line 3`);
    expect(error.message).toBe(`${FILE}:3: updated: 2025-13-45 is an impossible date: there is no month 13`);
    const code = load(error.highlightedCode!);
    expect(code('.line')).toHaveLength(6);
    expect(code('.error-line').text()).toBe('updated: 2025-13-45T15:44:00+01:00');
    expect(code('.line').last().text()).toBe('Text mit <b>Tags</b>.');
  });

  it('is Astro’s overlay error in full for a mistake in a short file', () => {
    const error = overlayError([new ContentError('content/topics.yaml', undefined, 2, 'expected a YAML list')], () => '- id: a\nkaputt');
    expect(error).toEqual({
      name: 'ContentError',
      title: 'A mistake in content/topics.yaml, line 2',
      message: 'content/topics.yaml:2: expected a YAML list',
      hint: 'Fix the file and save: the page comes back by itself.',
      loc: { file: resolve('content/topics.yaml'), line: 2 },
      highlightedCode: '<pre class="shiki" tabindex="0"><code><span class="line">- id: a</span>\n<span class="line error-line">kaputt</span></code></pre>',
      stack: 'content/topics.yaml:2: expected a YAML list',
    });
  });

  it('names only the file when the mistake has no line', () => {
    expect(overlayError([new ContentError(FILE, undefined, undefined, 'the file name is the URL slug')], readSource).title).toBe(`A mistake in ${FILE}`);
  });

  it('lists the other mistakes in its hint, as text', () => {
    const { hint, stack } = overlayError([MISTAKE, OTHER], readSource);
    expect(hint).toContain('content/authors.yaml:5: [1].name: must not be &lt;empty&gt;');
    expect(stack.split('\n')).toEqual([MISTAKE.message, OTHER.message]);
    const third = new ContentError('content/topics.yaml', undefined, 1, 'expected a YAML list');
    expect(overlayError([MISTAKE, OTHER, third], readSource).hint).toBe(
      `Also:<br>content/authors.yaml:5: [1].name: must not be &lt;empty&gt;<br>content/topics.yaml:1: expected a YAML list<br>Fix the file and save: the page comes back by itself.`,
    );
  });

  it('shows no code when the file cannot be read', () => {
    expect(overlayError([OTHER], readSource).highlightedCode).toBeUndefined();
  });
});

describe('contentErrorPage', () => {
  const page = contentErrorPage([MISTAKE, OTHER], readSource);

  it('lists every mistake as plain text, readable without the overlay', () => {
    const $ = load(page);
    expect($('li').toArray().map((item) => $(item).text())).toEqual([MISTAKE.message, OTHER.message]);
    expect($('ul').text()).toBe(MISTAKE.message + OTHER.message);
  });

  it('opens Astro’s overlay with Vite’s client, and no text of the file can end its script', () => {
    const $ = load(page);
    const script = $('script[type="module"]').html()!;
    expect(script).toContain("import '/@vite/client';");
    expect(script).toContain("customElements.get('vite-error-overlay')");
    expect(script).not.toMatch(/<\/?[a-z]/i);
    const payload = JSON.parse(/new Overlay\((.*)\)\);/s.exec(script)![1]);
    expect(payload).toEqual(overlayError([MISTAKE, OTHER], readSource));
  });
});
