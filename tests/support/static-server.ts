import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { headersFor } from './headers-file.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.avif': 'image/avif',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest|speculationrules)|image\/svg)/;

/** How the reader's connection is emulated: each response waits a round trip plus its transfer time. */
export interface Connection {
  latencyMs: number;
  bitsPerSecond: number;
}

export interface ServeOptions {
  /** Headers of `_headers` not to send, as a host without them would. */
  leaveOut?: string[];
  /** A slower connection than loopback's; none by default. */
  connection?: Connection;
  /** Holds back the response to a path for which it returns a promise until that settles, then sends it as the connection would. */
  hold?: (path: string) => Promise<void> | undefined;
}

/**
 * Serves a built site on loopback the way a static CDN does: folders by their index.html, the
 * 404 page for anything missing, text brotli-compressed (once per file, as a CDN keeps it), and
 * the headers of the site's `_headers` file, its Content-Security-Policy included. The folder is
 * served as it is at each request, as a host serves each new deploy. A site built for a sub-path
 * is served under that `base`.
 */
export async function serveStatic(
  root: string,
  base = '/',
  { leaveOut = [], connection, hold }: ServeOptions = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const compressed = new Map<string, Buffer>();
  const server: Server = createServer((request, response) => {
    // Read for every request, so that a site built again in place comes with its own headers.
    const headersFile = readFileSync(join(root, '_headers'), 'utf8');
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    let file = path.startsWith(base) ? join(root, path.slice(base.length - 1)) : join(root, '404.html');
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const found = file.startsWith(root) && existsSync(file);
    const served = found ? file : join(root, '404.html');
    // A type in `_headers` replaces the one the file's extension gives, as hosts do.
    const headers: Record<string, string> = {
      'content-type': TYPES[extname(served)] ?? 'application/octet-stream',
      ...headersFor(headersFile, path),
    };
    for (const name of leaveOut) delete headers[name.toLowerCase()];
    let body: Buffer = readFileSync(served);
    if (COMPRESSIBLE.test(headers['content-type']) && /\bbr\b/.test(String(request.headers['accept-encoding']))) {
      const { mtimeMs, size } = statSync(served);
      const key = `${served} ${mtimeMs} ${size}`;
      if (!compressed.has(key)) compressed.set(key, brotliCompressSync(body));
      body = compressed.get(key)!;
      headers['content-encoding'] = 'br';
    }
    const send = () => response.writeHead(found ? 200 : 404, headers).end(body);
    const respond = () => {
      if (connection) setTimeout(send, connection.latencyMs + (body.length * 8 * 1000) / connection.bitsPerSecond);
      else send();
    };
    const held = hold?.(path);
    if (held) held.then(respond, respond);
    else respond();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
