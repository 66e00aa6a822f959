// Mutation testing against the unit tests: `npm run mutate` (slow; not part of npm test). It mutates
// the pure logic (src/lib/), the loaders and the publishing wing (src/publish/).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  // scripts/build.ts only hands Astro and the process to src/publish/site/publish-command.ts, which is mutated.
  mutate: ['src/lib/**/*.ts', 'src/loaders/**/*.ts', 'src/publish/**/*.ts'],
  coverageAnalysis: 'perTest',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'test-results/mutation/index.html' },
  jsonReporter: { fileName: 'test-results/mutation/report.json' },
  tempDirName: '.cache/stryker',
  // The built sites: `dist` is a symbolic link, which Stryker's copy of the project cannot take.
  ignorePatterns: ['/dist', '/dist.*', '/test-results'],
  concurrency: 2,
  thresholds: { high: 85, low: 75, break: null },
};
