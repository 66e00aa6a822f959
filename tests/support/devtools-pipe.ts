import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CHROMIUM, CHROMIUM_ARGS } from './browser.ts';

/** One message Chromium sends of its own accord, for the session it names (none: the browser's). */
export interface DevToolsEvent {
  method: string;
  params: Record<string, unknown>;
  sessionId?: string;
}

export interface DevTools {
  send: <Result = Record<string, unknown>>(method: string, params?: object, sessionId?: string) => Promise<Result>;
  /** Calls `listener` with every event from now on, until the function returned is called. */
  on: (listener: (event: DevToolsEvent) => void) => () => void;
  close: () => Promise<void>;
}

/**
 * Chromium driven through the DevTools protocol on a pipe, by hand. Playwright attaches to a
 * page the old way (not through its tab), and Chromium renders nothing ahead for a page so
 * attached (`PrerenderingDisabledByDevTools`); a reader's browser does. The caller attaches
 * through tabs (see tests/support/reader-tab.ts), so prerendering works as it does for readers.
 */
export function launchDevTools(): DevTools {
  const profile = mkdtempSync(join(tmpdir(), 'chromium-'));
  // Headless Chromium's window keeps its address bar's popups as pages of their own, rendered
  // again at every navigation: 0.9 s of CPU around one click in a trace here, in the reader's way.
  // Playwright turns off the AI part of them too.
  const quiet = '--disable-features=WebUIOmniboxPopup,AimEnabled';
  const browser = spawn(CHROMIUM, [...CHROMIUM_ARGS, quiet, '--headless', '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank'], {
    // Chromium reads commands on fd 3 and writes answers and events on fd 4, each ended by a NUL.
    stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
  });
  const [commands, messages] = [browser.stdio[3] as Writable, browser.stdio[4] as Readable];
  // A pipe breaks when the browser exits; its exit (below) is what tells of that.
  for (const pipe of [commands, messages]) pipe.on('error', () => undefined);
  const listeners = new Set<(event: DevToolsEvent) => void>();
  const answers = new Map<number, { resolve: (result: never) => void; reject: (error: Error) => void; method: string }>();
  let lastId = 0;
  let pending = '';
  messages.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (pending + chunk).split('\0');
    pending = parts.pop()!;
    for (const message of parts.map((part) => JSON.parse(part))) {
      const answer = answers.get(message.id);
      if (!answer) for (const listener of listeners) listener(message);
      else if (message.error) answer.reject(new Error(`${answer.method}: ${message.error.message}`));
      else answer.resolve(message.result as never);
      answers.delete(message.id);
    }
  });
  // A browser that dies answers nothing more: what waits for it fails now, not at the test's timeout.
  const exited = new Promise<void>((resolve) =>
    browser.once('exit', (code, signal) => {
      for (const { reject, method } of answers.values()) reject(new Error(`${method}: Chromium exited (${signal ?? code})`));
      resolve();
    }),
  );
  return {
    send: (method, params = {}, sessionId) =>
      new Promise((resolve, reject) => {
        const id = ++lastId;
        answers.set(id, { resolve, reject, method });
        commands.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
      }),
    on: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {
      browser.kill();
      await exited;
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
