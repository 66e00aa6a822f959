import { hostname } from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isGone, isRunning, thisProcess } from '../../src/publish/processes.ts';

/** What `/proc/<pid>/stat` says, as a test tells it: a text, a failure (no /proc), or the real file. */
const proc = vi.hoisted(() => ({ stat: undefined as string | Error | undefined }));
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const readFileSync = ((path: string, ...rest: []) => {
    if (!String(path).startsWith('/proc/') || proc.stat === undefined) return fs.readFileSync(path, ...rest);
    if (proc.stat instanceof Error) throw proc.stat;
    return proc.stat;
  }) as typeof fs.readFileSync;
  return { ...fs, readFileSync, default: { ...fs, readFileSync } };
});

/** A stat line of a process in `state`, started at tick `started`, its command awkwardly named. */
const statLine = (state: string, started = '4242') => `${process.pid} (ein (Befehl) mit) Klammern) ${state} ${Array.from({ length: 18 }, (_, field) => field + 4).join(' ')} ${started} 0 0\n`;
const NO_PROC = Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' });
afterEach(() => {
  proc.stat = undefined;
  vi.restoreAllMocks();
});

describe('processes, as /proc tells of them', () => {
  it('read the state and start after a command with spaces and parentheses', () => {
    proc.stat = statLine('S');
    expect(isRunning(process.pid)).toBe(true);
    expect(thisProcess().started).toBe('4242');
  });

  it('take a process the kernel marks dead (X), as a zombie (Z), for ended', () => {
    for (const state of ['X', 'Z']) {
      proc.stat = statLine(state);
      expect(isRunning(process.pid), state).toBe(false);
    }
  });

  it('without /proc: a process that answers signals runs, its start is unknown, and it is never taken for gone', () => {
    proc.stat = NO_PROC;
    expect(isRunning(process.pid)).toBe(true);
    expect(thisProcess().started).toBeUndefined();
    expect(isGone({ pid: process.pid, started: '4242', host: hostname() })).toBe(false);
  });

  it('take a process of another user, which may not be signalled, for running', () => {
    vi.spyOn(process, 'kill').mockImplementation(() => {
      throw Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' });
    });
    expect(isRunning(1)).toBe(true);
  });
});
