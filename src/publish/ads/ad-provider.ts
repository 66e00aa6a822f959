import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { AdProviderConfig } from '../../lib/ads/provider.ts';
import { checkAdProviderConfig } from '../../lib/ads/provider-config.ts';

const PROVIDER = 'virtual:ad-provider';
const SETTINGS = 'virtual:ad-provider/settings';

/**
 * Wires a runtime ad provider (the contract is src/lib/ads/provider.ts) into the build: its
 * adapter module becomes `virtual:ad-provider`, which the loader in AdLoader.astro imports, and
 * `virtual:ad-provider/settings` tells ad slots whether to ship that loader at all. Without a
 * provider, pages get house ads and not one byte of ad script.
 */
export function adProvider(config: AdProviderConfig | undefined): AstroIntegration {
  return {
    name: 'ad-provider',
    hooks: {
      'astro:config:setup': ({ command, config: astro, updateConfig }) => {
        const provider = config && checkAdProviderConfig(config, { dev: command === 'dev' });
        const module = provider && fileURLToPath(new URL(provider.module, astro.root));
        if (module && !existsSync(module)) throw new Error(`adProvider.module: no file at "${provider.module}" (relative to the project root)`);
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'ad-provider',
                resolveId: (id) => (id === PROVIDER ? (module ?? `\0${PROVIDER}`) : id === SETTINGS ? `\0${SETTINGS}` : undefined),
                load(id) {
                  if (id === `\0${PROVIDER}`) return 'export default { fill: () => false };';
                  if (id === `\0${SETTINGS}`) return `export const adProviderConfigured = ${Boolean(module)};`;
                  return undefined;
                },
              },
            ],
          },
        });
      },
    },
  };
}
