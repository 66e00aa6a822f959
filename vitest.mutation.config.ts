import { defineConfig } from 'vitest/config';

/**
 * The unit tests, for mutation testing (stryker.config.mjs): no builds, no browser. Left out:
 * the lock raced for by processes of their own, which run the code unchanged, and the publishing
 * wing killed at every step, which runs it hundreds of times; the tests of each module kill
 * their mutants.
 */
export default defineConfig({
  test: { include: ['tests/unit/**/*.test.ts'], exclude: ['tests/unit/lock-race.test.ts', 'tests/unit/publish-crash.test.ts'] },
});
