/*
 * The service worker that keeps articles readable offline (README „Merken und offline lesen“).
 * src/publish/offline/service-worker.ts bundles it into `service-worker.js` at the site's base,
 * with OFFLINE (its version and the pages it keeps for it) in front.
 *
 * Pages come from the network first, so a correction shows on the next visit; a stored copy
 * stands in when the network fails or is slow, and the offline page when there is none. Hashed
 * files come from the caches first: their names change whenever their content does.
 */
import { networkFirst } from './lib/offline/network-first.ts';
import { requestKind } from './lib/offline/request-kind.ts';
import { overflow, unusedFiles } from './lib/offline/shelf-keeping.ts';
import { outdatedShelves, READ_LIMIT, shelves } from './lib/offline/shelves.ts';
import { pageOf, type WorkerAnswer, type WorkerRequest } from './lib/offline/worker-messages.ts';
import type { WorkerConfig } from './lib/offline/worker-script.ts';

// The few service worker types used here: TypeScript's WebWorker library clashes with the DOM's.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: WorkerRequest;
  readonly ports: readonly MessagePort[];
}
declare const self: {
  readonly registration: ServiceWorkerRegistration;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
};
declare const OFFLINE: WorkerConfig;

const scope = new URL(self.registration.scope);
const shelf = shelves(scope.pathname, OFFLINE.version);
const at = (path: string) => new URL(path, scope).href;

async function firstMatch(names: string[], url: string): Promise<Response | undefined> {
  for (const name of names) {
    const found = await (await caches.open(name)).match(url, { ignoreSearch: true });
    if (found) return found;
  }
  return undefined;
}

const storedPage = (url: string) => firstMatch([shelf.read, shelf.kept, shelf.pages], url);
const isKept = async (page: string) => !!(await (await caches.open(shelf.kept)).match(page));

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const pages = await caches.open(shelf.pages);
      // Asked for under this version's name, so that no cache on the way answers with another build's page.
      await Promise.all(
        OFFLINE.shell.map(async (path) => {
          const response = await fetch(`${at(path)}?${OFFLINE.version}`);
          if (!response.ok) throw new Error(`${path}: ${response.status}`);
          await pages.put(at(path), response);
        }),
      );
      // Every page carries its own styles and names its scripts by hash: taking over at once
      // cannot mix one build's page with another's files.
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await Promise.all(outdatedShelves(await caches.keys(), scope.pathname, shelf).map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const kind = request.method === 'GET' ? requestKind(new URL(request.url), scope) : undefined;
  if (kind === 'file') event.respondWith(firstMatch([shelf.files, shelf.pages], request.url).then((stored) => stored ?? fetch(request)));
  if (kind === 'page') {
    const offline = async () => (request.mode === 'navigate' && (await firstMatch([shelf.pages], at('offline/')))) || Response.error();
    // Past the browser's own cache too, which would keep a corrected page for its five minutes.
    event.respondWith(networkFirst(fetch(request, { cache: 'no-cache' }), () => storedPage(request.url), offline));
  }
});

/** Stores a page on a shelf, fresh from the network or (opened offline) its stored copy, and the files it showed. */
async function store(name: string, [page, ...files]: string[]) {
  const response = await fetch(page).catch(() => storedPage(page));
  if (!response?.ok) return;
  await (await caches.open(name)).put(page, response);
  const stored = await caches.open(shelf.files);
  await Promise.all(
    files
      .filter((file) => requestKind(new URL(file), scope) === 'file')
      .map(async (file) => {
        if (await stored.match(file)) return;
        const answer = await fetch(file).catch(() => undefined);
        if (answer?.ok) await stored.put(file, answer);
      }),
  );
}

/** The text of each entry of a cache whose address `wanted` picks, by address. */
async function texts(name: string, wanted = (_url: string) => true): Promise<Map<string, string>> {
  const cache = await caches.open(name);
  const entries = (await cache.keys()).filter(({ url }) => wanted(url));
  return new Map(await Promise.all(entries.map(async (entry) => [entry.url, await (await cache.match(entry))!.text()] as const)));
}

/** Removes the files no stored page uses any more. */
async function dropUnusedFiles() {
  const pages = [...(await texts(shelf.read)).values(), ...(await texts(shelf.kept)).values()];
  const code = await texts(shelf.files, (url) => url.endsWith('.js'));
  const files = await caches.open(shelf.files);
  const stored = (await files.keys()).map(({ url }) => ({ url, code: code.get(url) }));
  await Promise.all(unusedFiles(stored, pages).map((file) => files.delete(file)));
}

async function handle(request: WorkerRequest) {
  if ('drop' in request) await (await caches.open(shelf.kept)).delete(request.drop);
  else if ('keep' in request) await store(shelf.kept, request.keep);
  else {
    await store(shelf.read, request.read);
    // A correction reaches the kept copy as soon as the reader opens the article again.
    if (await isKept(request.read[0])) await store(shelf.kept, request.read);
    // Stored again, a page moved to the end: the oldest come first.
    const read = await caches.open(shelf.read);
    await Promise.all(overflow(await read.keys(), READ_LIMIT).map((entry) => read.delete(entry)));
  }
  await dropUnusedFiles();
}

// One request at a time, for all open pages: housekeeping never looks for unused files while
// another request is storing a page and its files.
let queue: Promise<unknown> = Promise.resolve();

self.addEventListener('message', (event) => {
  const request = event.data;
  const done = queue
    .then(() => handle(request))
    .catch(() => undefined)
    .then(() => isKept(pageOf(request)))
    .then((kept) => event.ports[0]?.postMessage({ kept } satisfies WorkerAnswer));
  queue = done.catch(() => undefined);
  event.waitUntil(done);
});
