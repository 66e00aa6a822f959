import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/** Who a process is: its number, when it started (numbers are given out again) and on which machine. */
export interface ProcessIdentity {
  pid: number;
  /** The kernel's start time, where the system tells it (Linux). */
  started?: string;
  host: string;
}

/** Fields 3 onwards of /proc/<pid>/stat (state first, start time 20th); none without /proc. */
function statOf(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2, the command, may hold spaces and parentheses: the fields after it follow the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** The start time of process `pid`, in clock ticks since boot. */
const startOf = (pid: number) => statOf(pid)?.[19];

export const thisProcess = (): ProcessIdentity => ({ pid: process.pid, started: startOf(process.pid), host: hostname() });

/** Whether the process `pid` runs on this machine. */
export function isRunning(pid: number): boolean {
  // 0 and negative numbers name process groups, which always include the caller.
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A process that ended stays a zombie until its parent reaps it, and an orphan's new parent may
  // never do so (a container's first process is often no init): signals still reach it.
  const state = statOf(pid)?.[0];
  return state !== 'Z' && state !== 'X';
}

/**
 * Whether a process is provably gone: it does not run, or its number now belongs to a process
 * that started at another time. One on another machine sharing the folder cannot be looked at
 * from here, so it is never taken for gone.
 */
export function isGone(who: ProcessIdentity): boolean {
  if (who.host !== hostname()) return false;
  if (!isRunning(who.pid)) return true;
  const started = startOf(who.pid);
  return who.started !== undefined && started !== undefined && started !== who.started;
}
