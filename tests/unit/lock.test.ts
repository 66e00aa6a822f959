import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { takeLock } from '../../src/publish/lock.ts';
import { thisProcess } from '../../src/publish/processes.ts';

const GONE = 2 ** 22 + 4711;
let folder: string;
let path: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'lock-'));
  path = join(folder, 'cache/build.lock');
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const holderOf = (text: string) => JSON.parse(text) as { pid: number; host: string; token: string; started?: string };
const stale = (token: string, who: object = {}) => JSON.stringify({ pid: GONE, host: hostname(), token, ...who });
const held = () => {
  const lock = takeLock(path);
  if (!lock.held) throw new Error(`busy: ${JSON.stringify(lock.holder)}`);
  return lock;
};
const besideLock = () => readdirSync(join(folder, 'cache')).sort();

describe('the build lock', () => {
  it('is taken when free, names this process with a token of its own, and is gone once released', () => {
    const lock = held();
    expect(holderOf(readFileSync(path, 'utf8'))).toEqual({ ...thisProcess(), token: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(lock.holder).toEqual(holderOf(readFileSync(path, 'utf8')));
    expect(besideLock()).toEqual(['build.lock']);
    lock.release();
    expect(besideLock()).toEqual([]);
  });

  it('is refused while its holder runs, naming it, and left as it is', () => {
    const first = held();
    const text = readFileSync(path, 'utf8');
    const second = takeLock(path);
    expect(second).toEqual({ held: false, holder: first.holder });
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(besideLock()).toEqual(['build.lock']);
  });

  it('is released only by its holder: a lock another build took meanwhile stays', () => {
    const lock = held();
    writeFileSync(path, stale('danach'));
    lock.release();
    expect(readFileSync(path, 'utf8')).toBe(stale('danach'));
  });

  it.each([
    ['a holder whose process is gone', stale('alt')],
    ['an older build that wrote only its number', String(GONE)],
    ['an empty file', ''],
    ['a garbled file', '{"pid": 12'],
    ['a process number now given to another process', JSON.stringify({ ...thisProcess(), started: 'früher', token: 'alt' })],
    ['a file of another program that names a running process but no machine', JSON.stringify({ pid: process.pid, token: 'fremd' })],
    ['a file of another program that names a running process but no token', JSON.stringify({ pid: process.pid, host: hostname() })],
  ])('is taken over from %s, and the claims on it are swept', (_case, text) => {
    held().release();
    writeFileSync(path, text);
    const lock = held();
    expect(holderOf(readFileSync(path, 'utf8')).token).toBe(lock.holder.token);
    expect(besideLock()).toEqual(['build.lock']);
  });

  it.each([
    ['a process that runs', JSON.stringify({ pid: process.pid, host: hostname(), token: 'läuft' })],
    ['a process that runs, by number', String(process.pid)],
    ['a process on another machine, which cannot be looked at from here', stale('fern', { host: 'anderer-rechner' })],
  ])('is never taken from %s', (_case, text) => {
    held().release();
    writeFileSync(path, text);
    expect(takeLock(path).held).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('waits for a build that is taking over, and goes on when that build died doing it', () => {
    held().release();
    writeFileSync(path, stale('alt'));
    // Another build has claimed the stale lock and is about to remove it.
    const claim = join(folder, 'cache', `build.lock.gone-${createHash('sha256').update(stale('alt')).digest('hex').slice(0, 24)}`);
    const claimant = { pid: process.pid, host: hostname(), token: 'übernimmt' };
    writeFileSync(claim, JSON.stringify(claimant));
    expect(takeLock(path)).toEqual({ held: false, holder: claimant });
    expect(readFileSync(path, 'utf8')).toBe(stale('alt'));
    // That build died before it removed the lock: its claim is claimed in turn.
    writeFileSync(claim, stale('übernahm'));
    const lock = held();
    expect(holderOf(readFileSync(path, 'utf8')).token).toBe(lock.holder.token);
    expect(besideLock()).toEqual(['build.lock']);
  });

  it('stops at a folder in the lock’s place, which it cannot read', () => {
    mkdirSync(path, { recursive: true });
    expect(() => takeLock(path)).toThrow(/EISDIR/);
  });
});
