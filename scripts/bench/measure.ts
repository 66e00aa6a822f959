// What the benchmark measures of a command: wall time, the peak resident memory of its whole
// process tree (sampled from /proc, so Linux only) and what it printed; and how fast `astro dev`
// gets ready and serves its first article page.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout } from 'node:timers/promises';
import { stripVTControlCharacters } from 'node:util';

/** Sum of the resident memory of a process and all its descendants, in bytes. */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const parent = Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const visit = (id: number) => {
    try {
      total += Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${id}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch {
      return;
    }
    for (const child of children.get(id) ?? []) visit(child);
  };
  visit(pid);
  return total;
}

export interface Run {
  seconds: number;
  peakMb: number;
  output: string;
}

/** Runs a command to its end; throws with its output if it fails. */
export async function measure(command: string, args: readonly string[], cwd: string): Promise<Run> {
  const started = performance.now();
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 100);
  const code = await new Promise<number | null>((done) => child.on('close', done));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${output.slice(-4000)}`);
  return { seconds: (performance.now() - started) / 1000, peakMb: peak / 2 ** 20, output: stripVTControlCharacters(output) };
}

/**
 * Starts `astro dev` in `cwd` on `port`, and measures the seconds until it says it is ready and
 * until `path` has answered in full; then stops it. The port is part of the configuration Astro
 * compares with the last start's: a new one would make it drop its content store, as no editor
 * who runs `npm run dev` day after day sees.
 */
export async function devStart(astro: string, cwd: string, path: string, port = 4321) {
  return withDevServer(astro, cwd, path, port, async () => undefined);
}

/** What the page answers once a save shows: its status (500 for a mistake) and a text in it. */
export interface Shown {
  status: number;
  text: string;
}

/**
 * The editor's wait: with `astro dev` running and `path` loaded once, `edits` are saved one after
 * another, and each is timed from the save until the page answers as it returns.
 */
export async function devSaves(astro: string, cwd: string, path: string, edits: readonly (() => Shown)[], port = 4321) {
  const shows = async (url: string, { status, text }: Shown) => {
    const response = await fetch(url);
    return response.status === status && (await response.text()).includes(text);
  };
  return withDevServer(astro, cwd, path, port, async (url) => {
    const waits: number[] = [];
    for (const edit of edits) {
      const saved = performance.now();
      const expected = edit();
      while (!(await shows(url, expected))) await setTimeout(20);
      waits.push((performance.now() - saved) / 1000);
    }
    return waits;
  });
}

async function withDevServer<Result>(astro: string, cwd: string, path: string, port: number, work: (url: string) => Promise<Result>) {
  const started = performance.now();
  const child = spawn(process.execPath, [astro, 'dev', '--port', String(port)], { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, FORCE_COLOR: '0' } });
  let output = '';
  try {
    // Astro takes the next port when `port` is taken (by a server still closing, say): the one it prints.
    const local = /ready in[^]*Local\s+http:\/\/[^:/]+:(\d+)/;
    const ready = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        output += chunk;
        if (local.test(stripVTControlCharacters(output))) resolve((performance.now() - started) / 1000);
      });
      child.stderr.on('data', (chunk) => (output += chunk));
      child.on('close', () => reject(new Error(`astro dev ended in ${cwd}:\n${output.slice(-4000)}`)));
    });
    const url = `http://127.0.0.1:${local.exec(stripVTControlCharacters(output))![1]}${path}`;
    const response = await fetch(url);
    await response.text();
    if (!response.ok) throw new Error(`astro dev answered ${path} with ${response.status}`);
    const firstPage = (performance.now() - started) / 1000;
    return { ready, firstPage, result: await work(url) };
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await new Promise((resolve) => child.on('close', resolve));
  }
}
