import { describe, expect, it } from 'vitest';
import { ContentError, ContentWarning, fieldName } from '../../src/lib/content/content-error.ts';

const FILE = 'content/articles/beispiel.md';

describe('content problems as an editor reads them', () => {
  it('names the front-matter path as it is written', () => {
    expect(fieldName(['images', 0, 'src'])).toBe('images[0].src');
    expect(fieldName([1, 'id'])).toBe('[1].id');
    expect(fieldName(['ads', 'sidebar'])).toBe('ads.sidebar');
  });

  it('puts file, line, field and problem on one line, leaving out what is not known', () => {
    expect(new ContentError(FILE, 'updated', 9, 'must not be earlier than `published`').message).toBe(
      `${FILE}:9: updated: must not be earlier than \`published\``,
    );
    expect(new ContentError(FILE, 'section', undefined, 'is required').message).toBe(`${FILE}: section: is required`);
    expect(new ContentError(FILE, undefined, 21, 'Unknown directive `::werbung`').message).toBe(`${FILE}:21: Unknown directive \`::werbung\``);
  });

  it('shows a mistake as a ContentError in the log', () => {
    expect(String(new ContentError(FILE, 'title', 3, 'is required'))).toBe(`ContentError: ${FILE}:3: title: is required`);
  });

  it('words a warning like a mistake', () => {
    const warning = new ContentWarning(FILE, 'lead', 4, 'has 400 characters');
    expect(warning.message).toBe(`${FILE}:4: lead: has 400 characters`);
    expect(warning).toMatchObject({ file: FILE, field: 'lead', line: 4, problem: 'has 400 characters' });
  });
});
