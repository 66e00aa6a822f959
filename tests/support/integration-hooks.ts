import type { AstroIntegration } from 'astro';

/** Calls an integration's hooks as Astro does, with just the options the integration reads. */
export function hooksOf(integration: AstroIntegration) {
  const hooks = integration.hooks as Record<string, (options: unknown) => unknown>;
  return (name: string, options: unknown = {}) => hooks[name](options);
}
