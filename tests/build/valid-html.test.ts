import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { BUILT_SITE } from '../support/build-site.ts';

const pages = readdirSync(BUILT_SITE, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.html'))
  .sort();

const validator = new HtmlValidate({
  extends: ['html-validate:recommended', 'html-validate:document'],
  // Subresource integrity guards what other origins serve; every resource here is our own.
  rules: { 'require-sri': ['error', { target: 'crossorigin' }] },
});

describe('every built page is valid HTML', () => {
  it('builds all page types', () => {
    expect(pages).toEqual(expect.arrayContaining(['index.html', '404.html', 'politik/index.html', 'themen/usa/index.html']));
  });

  it.each(pages)('%s', async (page) => {
    const report = await validator.validateFile(join(BUILT_SITE, page));
    const errors = report.results.flatMap((result) =>
      result.messages.map((message) => `${relative(BUILT_SITE, result.filePath)}:${message.line}: ${message.ruleId}: ${message.message}`),
    );
    expect(errors).toEqual([]);
  });
});
