import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { setTimeout as after } from 'node:timers/promises';
import { astroEnv } from './astro-cli.ts';

export interface DevServer {
  url: string;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/** A loopback port nothing listens on at this moment. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

/** Polls `url` until the server answers it, or fails with what the server printed. */
async function answering(url: string, child: ChildProcess, output: () => string, timeout: number) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`astro dev ended before it answered:\n${output()}`);
    const answered = await fetch(url).then((response) => response.ok, () => false);
    if (answered) return;
    if (Date.now() > deadline) {
      await stopProcess(child);
      throw new Error(`astro dev did not answer ${url} within ${timeout} ms:\n${output()}`);
    }
    await after(100);
  }
}

/**
 * `astro dev` in a project folder on a free port, resolved once its home page answers and it
 * has written its content store: that write makes Astro reload every open page, which would cut
 * short a page a test is loading.
 */
export async function startDevServer(root: string, env: Record<string, string> = {}, timeout = 90_000): Promise<DevServer> {
  const port = await freePort();
  const child = spawn('astro', ['dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: root,
    env: astroEnv({ FORCE_COLOR: '0', ...env }),
  });
  let printed = '';
  child.stdout.on('data', (chunk) => (printed += chunk));
  child.stderr.on('data', (chunk) => (printed += chunk));
  const output = () => printed;
  const url = `http://127.0.0.1:${port}`;
  await answering(`${url}/`, child, output, timeout);
  while (!existsSync(join(root, '.astro/data-store.json'))) {
    if (child.exitCode !== null) throw new Error(`astro dev ended before it wrote its content store:\n${output()}`);
    await after(50);
  }
  return { url, output, stop: () => stopProcess(child) };
}
