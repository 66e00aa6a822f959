import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('astro.config.mjs', () => {
  // Astro loads its config with Node, which strips TypeScript's types but refuses syntax that
  // would need compiling (parameter properties, enums); on a refusal it falls back to loading the
  // config through Vite, seconds slower on every `astro dev` and `astro build`.
  it('loads in plain Node, with everything it imports', () => {
    const loaded = execFileSync(process.execPath, ['--input-type=module', '-e', "await import('./astro.config.mjs'); console.log('geladen')"], { encoding: 'utf8' });
    expect(loaded.trim()).toBe('geladen');
  });
});
