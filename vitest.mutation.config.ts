import { defineConfig } from 'vitest/config';

/** The unit tests alone, for mutation testing (stryker.config.mjs): no builds, no browser. */
export default defineConfig({
  test: { include: ['tests/unit/**/*.test.ts'] },
});
