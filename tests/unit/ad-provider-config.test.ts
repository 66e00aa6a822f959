import { describe, expect, it } from 'vitest';
import { checkAdProviderConfig } from '../../src/lib/ads/provider-config.ts';

const valid = { module: './src/ads/anzeigen.ts', origins: { 'script-src': ['https://ads.example.com'], 'img-src': ['https://*.cdn.example.com', 'https://*.ads.example.co.uk:8443'] } };
const BUILD = { dev: false };
const DEV = { dev: true };
const withOrigin = (origin: string) => ({ ...valid, origins: { 'img-src': [origin] } });

describe('checkAdProviderConfig', () => {
  it('takes a module and https origins by CSP directive, wildcard subdomains of a provider’s own domain included', () => {
    expect(checkAdProviderConfig(valid, BUILD)).toEqual(valid);
    expect(checkAdProviderConfig(valid, DEV)).toEqual(valid);
  });

  it.each([
    ['no module', { origins: {} }, 'adProvider.module: expected the path of the adapter module'],
    ['a directive a provider may not widen', { ...valid, origins: { 'style-src': ['https://ads.example.com'] } }, 'adProvider.origins.style-src: is not a CSP directive a provider may add origins to: script-src, img-src, connect-src, frame-src'],
    ['a stray setting', { ...valid, consent: true }, 'adProvider.consent: is not a setting: module, origins'],
    ['a path after the origin', { ...valid, origins: { 'script-src': ['https://ads.example.com/tag.js'] } }, 'adProvider.origins.script-src[0]: expected an origin such as https://ads.example.com (https, no path, at most a leading "*."; http and localhost only under astro dev), not "https://ads.example.com/tag.js"'],
    ['a keyword that would open the policy', { ...valid, origins: { 'script-src': ["'unsafe-inline'"] } }, `not "'unsafe-inline'"`],
    ['a bare scheme', withOrigin('https:'), 'not "https:"'],
    ['a lone wildcard', withOrigin('*'), 'not "*"'],
    ['a host without a domain', withOrigin('https://intranet'), 'not "https://intranet"'],
    ['a source list in one string', { ...valid, origins: { 'script-src': ['https://a.example https://b.example'] } }, 'adProvider.origins.script-src[0]'],
  ])('refuses %s, naming the setting', (_case, config, message) => {
    expect(() => checkAdProviderConfig(config, DEV)).toThrow(message);
  });

  it.each([
    ['*.co.uk', 'https://*.co.uk'],
    ['*.com', 'https://*.com'],
    ['*.github.io', 'https://*.github.io'],
    ['*.blogspot.com', 'https://*.blogspot.com'],
    ['*.s3.amazonaws.com', 'https://*.s3.amazonaws.com'],
  ])('refuses a wildcard on the public suffix %s, in a build and under astro dev', (suffix, origin) => {
    const message = `adProvider.origins.img-src[0]: "${origin}" would allow every site under the public suffix "${suffix.slice(2)}": name the provider's own domain, e.g. https://*.ads-cdn.example.com`;
    expect(() => checkAdProviderConfig(withOrigin(origin), BUILD)).toThrow(message);
    expect(() => checkAdProviderConfig(withOrigin(origin), DEV)).toThrow(message);
  });

  it('takes a wildcard under a domain on a public suffix, such as a provider’s own GitHub Pages', () => {
    expect(checkAdProviderConfig(withOrigin('https://*.anzeigen.github.io'), BUILD)).toEqual(withOrigin('https://*.anzeigen.github.io'));
  });

  it.each(['http://localhost', 'http://localhost:4000', 'http://127.0.0.1:4000', 'https://localhost:4000'])('takes %s under astro dev only', (origin) => {
    expect(checkAdProviderConfig(withOrigin(origin), DEV)).toEqual(withOrigin(origin));
    expect(() => checkAdProviderConfig(withOrigin(origin), BUILD)).toThrow(
      `adProvider.origins.img-src[0]: "${origin}" is this machine: allowed only under astro dev, never in a site readers get`,
    );
  });

  it('refuses a wildcard on this machine even under astro dev', () => {
    expect(() => checkAdProviderConfig(withOrigin('http://*.localhost'), DEV)).toThrow('"http://*.localhost" is this machine');
  });

  it('refuses plain http to anywhere but this machine, even under astro dev', () => {
    for (const options of [BUILD, DEV]) {
      expect(() => checkAdProviderConfig(withOrigin('http://ads.example.com'), options)).toThrow(
        'adProvider.origins.img-src[0]: "http://ads.example.com" is plain http: ads load over https only',
      );
    }
  });

  it('refuses an empty module path', () => {
    expect(() => checkAdProviderConfig({ ...valid, module: '' }, BUILD)).toThrow(/^adProvider\.module: expected the path of the adapter module$/);
  });
});
