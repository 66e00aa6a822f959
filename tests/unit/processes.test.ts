import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import type { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isGone, isRunning, thisProcess } from '../../src/publish/processes.ts';

const GONE = 2 ** 22 + 4711;

describe('processes', () => {
  it('know this one: its number, its start in the kernel’s clock ticks, its machine', () => {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    expect(thisProcess()).toEqual({ pid: process.pid, started: stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19], host: hostname() });
    expect(thisProcess().started).toMatch(/^\d+$/);
  });

  it('tell whether a process runs', () => {
    expect(isRunning(process.pid)).toBe(true);
    expect(isRunning(GONE)).toBe(false);
    // An empty or garbled lock reads as one of these: never as the caller's process group.
    for (const pid of [0, -1, Number.NaN, 1.5]) expect(isRunning(pid)).toBe(false);
  });

  it('take a process that ended but was not reaped (a zombie) for ended', async () => {
    // The shell starts `head`, which ends when we close its input, and, replaced by `sleep`, never reaps it.
    const parent = spawn('sh', ['-c', 'head -c1 <&3 & echo $!; exec sleep 30 3<&-'], { stdio: ['ignore', 'pipe', 'ignore', 'pipe'] });
    try {
      const [line] = (await once(parent.stdout!, 'data')) as [Buffer];
      const child = Number(line.toString().trim());
      const input = parent.stdio[3] as Writable;
      input.end();
      await once(input, 'close');
      // /proc shows it as Z from its end until sleep ends.
      while (readFileSync(`/proc/${child}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z') await new Promise(setImmediate);
      expect(isRunning(child)).toBe(false);
      expect(isGone({ pid: child, host: hostname() })).toBe(true);
    } finally {
      parent.kill();
    }
  });

  it('take a process for gone only when that is proven', () => {
    const me = thisProcess();
    expect(isGone(me)).toBe(false);
    expect(isGone({ ...me, pid: GONE })).toBe(true);
    // Its number given to a process that started at another time.
    expect(isGone({ ...me, started: '1' })).toBe(true);
    // Where the start is not known, a running process of that number may be the one.
    expect(isGone({ pid: me.pid, host: me.host })).toBe(false);
    // A process on another machine cannot be looked at from here.
    expect(isGone({ ...me, pid: GONE, host: 'anderer-rechner' })).toBe(false);
  });
});
