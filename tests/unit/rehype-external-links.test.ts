import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import rehypeExternalLinks from '../../src/lib/markdown/rehype-external-links.ts';

const render = (html: string, options?: { rel?: string[] }) =>
  String(unified().use(rehypeParse, { fragment: true }).use(rehypeExternalLinks, options).use(rehypeStringify).processSync(html));

describe('rehype-external-links', () => {
  it('protects links to other sites', () => {
    expect(render('<a href="https://example.org/a">x</a> <a href="//example.org">y</a>')).toBe(
      '<a href="https://example.org/a" rel="noopener noreferrer">x</a> <a href="//example.org" rel="noopener noreferrer">y</a>',
    );
  });

  it('protects plain http links too', () => {
    expect(render('<a href="HTTP://example.org">x</a>')).toBe('<a href="HTTP://example.org" rel="noopener noreferrer">x</a>');
  });

  it('leaves links within the site and anchors alone', () => {
    expect(render('<a href="/politik/">x</a> <a href="#abschnitt">y</a> <a href="mailto:a@example.org">z</a>')).toBe(
      '<a href="/politik/">x</a> <a href="#abschnitt">y</a> <a href="mailto:a@example.org">z</a>',
    );
  });

  it('leaves a site link alone that carries another address in its query', () => {
    expect(render('<a href="/teilen/?url=https://example.org/a">x</a>')).toBe('<a href="/teilen/?url=https://example.org/a">x</a>');
  });

  it('leaves the rel of elements other than links alone', () => {
    const stylesheet = '<link rel="stylesheet" href="https://example.org/a.css">';
    expect(render(stylesheet)).toBe(stylesheet);
  });

  it('takes its own rel', () => {
    expect(render('<a href="https://example.org">x</a>', { rel: ['nofollow'] })).toBe('<a href="https://example.org" rel="nofollow">x</a>');
  });
});
