import { describe, expect, it } from 'vitest';
import { checkAdProviderConfig } from '../../src/lib/ads/provider-config.ts';

const valid = { module: './src/ads/anzeigen.ts', origins: { 'script-src': ['https://ads.example.com'], 'img-src': ['https://*.cdn.example.com', 'http://127.0.0.1:4000'] } };

describe('checkAdProviderConfig', () => {
  it('takes a module and https origins by CSP directive, wildcard subdomains and http on loopback included', () => {
    expect(checkAdProviderConfig(valid)).toEqual(valid);
  });

  it.each([
    ['no module', { origins: {} }, 'adProvider.module: expected the path of the adapter module'],
    ['a directive a provider may not widen', { ...valid, origins: { 'style-src': ['https://ads.example.com'] } }, 'adProvider.origins.style-src: is not a CSP directive a provider may add origins to: script-src, img-src, connect-src, frame-src'],
    ['a stray setting', { ...valid, consent: true }, 'adProvider.consent: is not a setting: module, origins'],
    ['a path after the origin', { ...valid, origins: { 'script-src': ['https://ads.example.com/tag.js'] } }, 'adProvider.origins.script-src[0]: expected an origin such as https://ads.example.com'],
    ['plain http', { ...valid, origins: { 'frame-src': ['http://ads.example.com'] } }, 'adProvider.origins.frame-src[0]: expected an origin'],
    ['a keyword that would open the policy', { ...valid, origins: { 'script-src': ["'unsafe-inline'"] } }, `not "'unsafe-inline'"`],
    ['a bare scheme', { ...valid, origins: { 'img-src': ['https:'] } }, 'not "https:"'],
    ['a lone wildcard', { ...valid, origins: { 'connect-src': ['*'] } }, 'not "*"'],
    ['a source list in one string', { ...valid, origins: { 'script-src': ['https://a.example https://b.example'] } }, 'adProvider.origins.script-src[0]'],
  ])('refuses %s, naming the setting', (_case, config, message) => {
    expect(() => checkAdProviderConfig(config)).toThrow(message);
  });

  it('refuses an empty module path', () => {
    expect(() => checkAdProviderConfig({ ...valid, module: '' })).toThrow(/^adProvider\.module: expected the path of the adapter module$/);
  });
});
