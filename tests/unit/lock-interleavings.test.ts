import { createHash } from 'node:crypto';
import { linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { partialOf } from '../../src/publish/disk.ts';
import { takeLock } from '../../src/publish/lock.ts';
import { beforeCall, forgetSteps } from '../support/interleaved-fs.ts';

vi.mock('node:fs', async (original) => (await import('../support/interleaved-fs.ts')).interleaved(await original()));

/** A lock left by a process that is gone, and one held by a process that runs. */
const STALE = JSON.stringify({ pid: 2 ** 22 + 4711, host: hostname(), token: 'alt' });
const RUNNING = { pid: process.pid, host: hostname(), token: 'läuft' };
let folder: string;
let path: string;
const on = (file: () => string) => (args: unknown[]) => args[0] === file();

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'lock-interleavings-'));
  path = join(folder, 'build.lock');
});
afterEach(() => {
  forgetSteps();
  rmSync(folder, { recursive: true, force: true });
});

describe('the build lock, with another process stepping in', () => {
  it('is taken when its holder releases it between the failed link and the read', () => {
    writeFileSync(path, JSON.stringify(RUNNING));
    beforeCall('readFileSync', on(() => path), () => rmSync(path));
    expect(takeLock(path).held).toBe(true);
  });

  it('is taken when the claim on a stale lock goes between the failed claim and its read', () => {
    writeFileSync(path, STALE);
    // Another build has claimed the stale lock; it finishes, and its claim is swept, just as this one reads it.
    const claim = `${path}.gone-${createHash('sha256').update(STALE).digest('hex').slice(0, 24)}`;
    writeFileSync(claim, JSON.stringify(RUNNING));
    beforeCall('readFileSync', on(() => claim), () => rmSync(claim));
    expect(takeLock(path).held).toBe(true);
  });

  it('is left to a build that took the stale lock over first, between the claim and the removal', () => {
    writeFileSync(path, STALE);
    beforeCall('readFileSync', on(() => path), () => {});
    beforeCall('readFileSync', on(() => path), () => writeFileSync(path, JSON.stringify(RUNNING)));
    expect(takeLock(path)).toEqual({ held: false, holder: RUNNING });
    expect(readFileSync(path, 'utf8')).toBe(JSON.stringify(RUNNING));
  });

  it('stops at any other error of the file system, and leaves nothing of its own behind', () => {
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    beforeCall('linkSync', (args) => args[1] === path, () => {
      throw denied;
    });
    expect(() => takeLock(path)).toThrow(denied);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('never writes through a file of its name that another process linked to the lock meanwhile', () => {
    writeFileSync(path, JSON.stringify(RUNNING));
    beforeCall('writeFileSync', on(() => partialOf(path)), () => linkSync(path, partialOf(path)));
    expect(() => takeLock(path)).toThrow(/EEXIST/);
    expect(readFileSync(path, 'utf8')).toBe(JSON.stringify(RUNNING));
  });
});
