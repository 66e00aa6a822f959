import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';

// Processes of their own run the lock's code unchanged, so this test is left out of mutation
// testing (vitest.mutation.config.ts); tests/unit/lock.test.ts drives the same code in process.
const GONE = 2 ** 22 + 4711;
const folder = mkdtempSync(join(tmpdir(), 'lock-race-'));
const path = join(folder, 'cache/build.lock');
const stale = (token: string) => JSON.stringify({ pid: GONE, host: hostname(), token });
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A process that takes the lock when told (tests/support/lock-contender.ts), line by line. */
function contender() {
  const child = spawn(process.execPath, ['tests/support/lock-contender.ts']) as ChildProcessWithoutNullStreams;
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const answer = async () => (await lines.next()).value as string;
  return { child, answer, tell: (line: string) => child.stdin.write(`${line}\n`) };
}

describe('the build lock, raced for by processes', () => {
  const contenders = Array.from({ length: 8 }, contender);
  afterAll(() => {
    for (const { child } of contenders) child.kill();
  });

  it('is held by exactly one of eight processes told at once to take it, free or left by a holder that is gone', async () => {
    mkdirSync(join(folder, 'cache'));
    expect(await Promise.all(contenders.map(({ answer }) => answer()))).toEqual(Array(8).fill('ready'));
    for (let round = 0; round < 24; round++) {
      if (round % 3) writeFileSync(path, round % 3 === 1 ? stale(`runde-${round}`) : String(GONE));
      else rmSync(path, { force: true });
      for (const { tell } of contenders) tell(`take ${path}`);
      const answers = await Promise.all(contenders.map(({ answer }) => answer()));
      expect(answers.filter((answer) => answer === 'held'), `round ${round}: ${answers.join(', ')}`).toHaveLength(1);
      for (const { tell } of contenders) tell('release');
      expect(await Promise.all(contenders.map(({ answer }) => answer()))).toEqual(Array(8).fill('released'));
      expect(existsSync(path)).toBe(false);
    }
  }, 60_000);
});
