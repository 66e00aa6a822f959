import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Page, WebSocket } from 'playwright-core';
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
  // Ended on its own, or by a signal (then it has no exit code).
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

/** Waits until `done` holds, or fails with what the server printed if it ends or time runs out. */
async function until(done: () => boolean | Promise<boolean>, what: string, child: ChildProcess, output: () => string, deadline: number) {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`astro dev ended before it ${what}:\n${output()}`);
    if (await done()) return;
    if (Date.now() > deadline) throw new Error(`astro dev has not ${what} in time:\n${output()}`);
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
  const deadline = Date.now() + timeout;
  try {
    await until(() => fetch(`${url}/`).then((response) => response.ok, () => false), `answered ${url}/`, child, output, deadline);
    await until(() => existsSync(join(root, '.astro/data-store.json')), 'written its content store', child, output, deadline);
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  return { url, output, stop: () => stopProcess(child) };
}

/**
 * Resolves once the page's next load has its connection to the dev server: a reload the server
 * sends before then does not reach the page, which would go on showing what it loaded.
 */
export function devServerConnected(page: Page): Promise<void> {
  return new Promise((resolve) => {
    const onSocket = (socket: WebSocket) =>
      socket.on('framereceived', ({ payload }) => {
        if (typeof payload !== 'string' || JSON.parse(payload).type !== 'connected') return;
        page.off('websocket', onSocket);
        resolve();
      });
    page.on('websocket', onSocket);
  });
}
