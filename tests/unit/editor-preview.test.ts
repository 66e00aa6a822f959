import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ContentError } from '../../src/lib/content/content-error.ts';
import { contentRefresh } from '../../src/publish/handover.ts';
import { reportContentProblems, syncExpected } from '../../src/publish/preview/content-problems.ts';
import { editorPreview } from '../../src/publish/preview/editor-preview.ts';
import { onRequest } from '../../src/publish/preview/editor-preview-middleware.ts';
import { hooksOf } from '../support/integration-hooks.ts';

const folder = mkdtempSync(join(tmpdir(), 'editor-preview-'));
afterAll(() => rmSync(folder, { recursive: true }));
const FILE = join(folder, 'beispiel.md');
writeFileSync(FILE, '---\ntitle: Beispiel\nupdated: 2025-13-45\n---\n');
const MISTAKE = new ContentError(FILE, 'updated', 3, '2025-13-45 is an impossible date: there is no month 13');

const THE_PAGE = 'die Seite, wie sie gerendert wurde';
const THE_PAGE_ROUTED_AGAIN = 'die Seite, neu gesucht und gerendert';
const REQUEST = new Request('http://localhost:4321/politik/international/xi-und-putin-sprechen-per-videoschalte/');
/** The middleware's answer to a page request, and whether the page itself was rendered as routed, or routed again. */
async function ask() {
  const next = vi.fn(async () => new Response(THE_PAGE));
  const rewrite = vi.fn(async (request: Request) => new Response(request === REQUEST ? THE_PAGE_ROUTED_AGAIN : 'eine andere Seite'));
  const response = await onRequest({ request: REQUEST, rewrite } as never, next);
  return { response: response as Response, rendered: next.mock.calls.length + rewrite.mock.calls.length === 1 };
}

describe('the editor’s preview integration', () => {
  it('puts its middleware first, under astro dev only', () => {
    for (const command of ['dev', 'build', 'preview']) {
      const addMiddleware = vi.fn();
      hooksOf(editorPreview())('astro:config:setup', { command, addMiddleware });
      const added = addMiddleware.mock.calls.map(([{ entrypoint, order }]) => [String(entrypoint), order]);
      expect(added, command).toEqual(command === 'dev' ? [[String(new URL('../../src/publish/preview/editor-preview-middleware.ts', import.meta.url)), 'pre']] : []);
    }
  });

  it('reloads the open pages whenever the findings change, until the server closes', () => {
    const send = vi.fn();
    const httpServer = new EventEmitter();
    const refreshContent = vi.fn();
    hooksOf(editorPreview())('astro:server:setup', { server: { environments: { client: { hot: { send } } }, httpServer }, refreshContent });
    // …and hands Astro's refreshContent to the loaders (loaders/store-write.ts).
    expect(contentRefresh().refresh).toBe(refreshContent);
    contentRefresh().refresh = undefined;
    reportContentProblems('preview-reload', { errors: [], warnings: [] });
    reportContentProblems('preview-reload', { errors: [MISTAKE], warnings: [] });
    expect(send.mock.calls).toEqual([[{ type: 'full-reload', path: '*' }]]);
    httpServer.emit('close');
    reportContentProblems('preview-reload', { errors: [], warnings: [] });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('sets up on a server without an HTTP server of its own (middleware mode)', () => {
    const send = vi.fn();
    expect(() => hooksOf(editorPreview())('astro:server:setup', { server: { environments: { client: { hot: { send } } } } })).not.toThrow();
  });
});

describe('the editor’s preview middleware', () => {
  it('renders the page while the content has no mistake', async () => {
    const { response, rendered } = await ask();
    expect(rendered).toBe(true);
    expect(await response.text()).toBe(THE_PAGE);
  });

  it('answers every page with the mistake instead, as an HTML page with status 500, its file’s lines beside it', async () => {
    reportContentProblems('middleware-mistake', { errors: [MISTAKE], warnings: [] });
    const { response, rendered } = await ask();
    reportContentProblems('middleware-mistake', { errors: [], warnings: [] });
    expect(rendered).toBe(false);
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain(`<li><code>${MISTAKE.message}</code></li>`);
    expect(html).toContain('\\u003cspan class=\\"line error-line\\">updated: 2025-13-45\\u003c/span>');
  });

  it('shows a mistake in a file it cannot read, without its lines', async () => {
    const gone = new ContentError(join(folder, 'geloescht.md'), undefined, 2, 'Unknown directive `::werbung`');
    reportContentProblems('middleware-gone', { errors: [gone], warnings: [] });
    const { response } = await ask();
    reportContentProblems('middleware-gone', { errors: [], warnings: [] });
    expect(response.status).toBe(500);
    const html = await response.text();
    expect(html).toContain(gone.message);
    expect(html).not.toContain('error-line');
  });

  it('holds a page asked for while a save is being read, and answers with what the save brought, routed again', async () => {
    reportContentProblems('middleware-wait', { errors: [MISTAKE], warnings: [] });
    const reported = syncExpected();
    const answer = ask();
    reportContentProblems('middleware-wait', { errors: [], warnings: [] });
    reported();
    const { response, rendered } = await answer;
    expect(rendered).toBe(true);
    expect(await response.text()).toBe(THE_PAGE_ROUTED_AGAIN);
  });
});
