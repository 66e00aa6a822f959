import { describe, expect, it } from 'vitest';
import { createUrls } from '../../src/lib/urls.ts';

describe('createUrls', () => {
  it('maps every page type to a folder URL', () => {
    const urls = createUrls('/');
    expect(urls.home()).toBe('/');
    expect(urls.section('politik/international')).toBe('/politik/international/');
    expect(urls.article('politik/international', 'xi-und-putin')).toBe('/politik/international/xi-und-putin/');
    expect(urls.topic('aussenpolitik')).toBe('/themen/aussenpolitik/');
    expect(urls.author('sabine-gusbeth')).toBe('/autoren/sabine-gusbeth/');
  });

  it('puts every URL under a sub-path, with or without its trailing slash', () => {
    expect(createUrls('/zeitung').topic('usa')).toBe('/zeitung/themen/usa/');
    expect(createUrls('/zeitung/').home()).toBe('/zeitung/');
    expect(createUrls('/zeitung').file('favicon.svg')).toBe('/zeitung/favicon.svg');
  });
});
