import { defineConfig } from 'vitest/config';

const LIGHTHOUSE = 'tests/build/lighthouse.test.ts';
const builtSite = {
  globalSetup: ['tests/support/build-site.ts'],
  // A test of several whole builds takes a minute alone, and several with the cores shared.
  testTimeout: 300_000,
  hookTimeout: 180_000,
};

export default defineConfig({
  test: {
    // Vitest would run one file at a time on two cores; the build tests spend most of their time
    // waiting for builds, browsers and servers in processes of their own, so three share the
    // cores well, and every test holds under that load (README „Tests“).
    maxWorkers: 3,
    projects: [
      // Five seconds (Vitest's default) is a quiet machine's limit: a property test's hundreds of
      // runs, or a test that starts Node, can take longer while builds share the cores.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'build', include: ['tests/build/**/*.test.ts'], exclude: [LIGHTHOUSE], ...builtSite } },
      // Lighthouse times the page on this machine's CPU: it runs alone, after the other tests,
      // so that builds running beside it cannot pass for a slow page.
      { test: { name: 'lighthouse', include: [LIGHTHOUSE], sequence: { groupOrder: 1 }, ...builtSite } },
    ],
  },
});
