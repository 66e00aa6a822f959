import { cpSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { edition, siteFiles } from '../support/fake-build.ts';
import { faults, Killed } from '../support/faulty-fs.ts';
import { publishProject } from '../support/publish-project.ts';

// Every change to the disk fails on purpose from the chosen one on, as if the build were killed
// there. This test runs the whole publishing wing some hundred times, so it is left out of
// mutation testing (vitest.mutation.config.ts); the tests of each module kill its mutants.
vi.mock('node:fs', async (original) => (await import('../support/faulty-fs.ts')).faulty(await original()));
// A killed build's lock names a process that is gone: here, one that never ran.
const GONE = 2 ** 22 + 4711;
let holder = process.pid;
vi.mock('../../src/publish/processes.ts', async (original) => {
  const real = await original<typeof import('../../src/publish/processes.ts')>();
  return { ...real, thisProcess: () => ({ ...real.thisProcess(), pid: holder }) };
});

let current: ReturnType<typeof publishProject>;
beforeEach(() => {
  current = publishProject();
  faults.reset();
  holder = process.pid;
});
afterEach(() => {
  faults.reset();
  rmSync(current.root, { recursive: true, force: true });
});

/**
 * Publishing edition 3 over edition 2 is killed at every change it makes to the disk in turn.
 * Readers must see all of edition 2 or all of edition 3 at every such moment, and the builds
 * after must succeed and go live with exactly what they built.
 */
describe('publish, killed at every step', () => {
  it('leaves the complete old or the complete new site live, and the next builds recover', async () => {
    const { project, out, publishEdition } = current;
    const template = join(tmpdir(), `publish-template-${process.pid}`);
    await publishEdition(edition(1));
    await publishEdition(edition(2));
    rmSync(template, { recursive: true, force: true });
    cpSync(project, template, { recursive: true, verbatimSymlinks: true });
    const seen = new Set<string>();
    let step = 1;
    for (; ; step++) {
      rmSync(project, { recursive: true, force: true });
      cpSync(template, project, { recursive: true, verbatimSymlinks: true });
      holder = GONE;
      faults.reset(step);
      const killed = await publishEdition(edition(3)).then(
        () => false,
        (error: unknown) => (error instanceof Killed ? true : Promise.reject(error)),
      );
      faults.reset();
      // A build that made fewer changes than `step` was not killed: every step has had its turn.
      if (!killed) break;
      const live = siteFiles(out);
      expect([edition(2), edition(3)], `live after a kill at step ${step}`).toContainEqual(live);
      seen.add(live['index.html']);
      holder = process.pid;
      await publishEdition(edition(3));
      expect(siteFiles(out), `step ${step}`).toEqual(edition(3));
      await publishEdition(edition(4));
      expect(siteFiles(out), `step ${step}`).toEqual(edition(4));
      expect(readdirSync(`${out}.builds`), `step ${step}`).toHaveLength(2);
    }
    expect(step).toBeGreaterThan(20);
    // The kills fell before and after the switch.
    expect(seen).toEqual(new Set([edition(2)['index.html'], edition(3)['index.html']]));
    rmSync(template, { recursive: true, force: true });
  }, 120_000);
});
