import { describe, expect, it, vi } from 'vitest';
import { adProvider } from '../../src/publish/ads/ad-provider.ts';
import type { AdProviderConfig } from '../../src/lib/ads/provider.ts';
import { hooksOf } from '../support/integration-hooks.ts';

const ROOT = new URL('../../', import.meta.url);
const ADAPTER = './tests/fixtures/ad-provider/test-provider.ts';
const THIS_MACHINE = { module: ADAPTER, origins: { 'script-src': ['http://localhost:4000'] } };

interface VitePlugin {
  name: string;
  resolveId(id: string): string | undefined;
  load(id: string): string | undefined;
}

/** The Vite plugin the integration adds for `command`, as Vite would see it. */
function pluginFor(config: AdProviderConfig | undefined, command = 'build') {
  const updateConfig = vi.fn();
  hooksOf(adProvider(config))('astro:config:setup', { command, config: { root: ROOT }, updateConfig });
  const [[{ vite }]] = updateConfig.mock.calls;
  expect(vite.plugins).toHaveLength(1);
  expect(vite.plugins[0].name).toBe('ad-provider');
  return vite.plugins[0] as VitePlugin;
}

/** What the page's `import … from id` gets. */
function moduleOf(plugin: VitePlugin, id: string) {
  const resolved = plugin.resolveId(id);
  return { resolved, source: resolved === undefined ? undefined : plugin.load(resolved) };
}

describe('the ad-provider integration', () => {
  it('without a provider: an adapter that fills nothing, and slots told to ship no loader', () => {
    const plugin = pluginFor(undefined);
    expect(moduleOf(plugin, 'virtual:ad-provider')).toEqual({ resolved: '\0virtual:ad-provider', source: 'export default { fill: () => false };' });
    expect(moduleOf(plugin, 'virtual:ad-provider/settings')).toEqual({ resolved: '\0virtual:ad-provider/settings', source: 'export const adProviderConfigured = false;' });
  });

  it('with a provider: its adapter module, and slots told to ship the loader', () => {
    const plugin = pluginFor(THIS_MACHINE, 'dev');
    expect(plugin.resolveId('virtual:ad-provider')).toBe(new URL(ADAPTER, ROOT).pathname);
    expect(plugin.load(plugin.resolveId('virtual:ad-provider')!)).toBeUndefined();
    expect(moduleOf(plugin, 'virtual:ad-provider/settings').source).toBe('export const adProviderConfigured = true;');
  });

  it('leaves every other module to Vite', () => {
    const plugin = pluginFor(undefined);
    expect(moduleOf(plugin, './AdSlot.astro')).toEqual({ resolved: undefined, source: undefined });
    expect(plugin.load('/src/components/AdSlot.astro')).toBeUndefined();
  });

  it('checks the provider’s settings, judging origins on this machine by the command', () => {
    expect(() => pluginFor(THIS_MACHINE, 'build')).toThrow('"http://localhost:4000" is this machine');
    expect(() => pluginFor(THIS_MACHINE, 'dev')).not.toThrow();
  });

  it('refuses an adapter module that is not there, naming the setting and the path', () => {
    expect(() => pluginFor({ ...THIS_MACHINE, module: './src/ads/fehlt.ts' }, 'dev')).toThrow('adProvider.module: no file at "./src/ads/fehlt.ts" (relative to the project root)');
  });
});
