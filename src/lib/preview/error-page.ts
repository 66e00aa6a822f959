import { resolve } from 'node:path';
import type { ContentProblem } from '../content/content-error.ts';
import { escapeXml } from '../xml.ts';

/** What Astro's error overlay (Vite's `vite-error-overlay` element, restyled by Astro) shows. */
export interface OverlayError {
  name: string;
  title: string;
  /** HTML. */
  message: string;
  /** HTML. */
  hint: string;
  loc: { file: string; line?: number };
  /** HTML: the file, one `.line` a line, the faulty one also `.error-line`. */
  highlightedCode?: string;
  stack: string;
}

/** The file as the overlay shows code: numbered lines, the faulty one marked and scrolled to. */
function codeOf(source: string, line: number | undefined): string {
  const lines = source.split(/\r?\n/).map((text, index) => `<span class="line${index + 1 === line ? ' error-line' : ''}">${escapeXml(text)}</span>`);
  return `<pre class="shiki" tabindex="0"><code>${lines.join('\n')}</code></pre>`;
}

/** The overlay's content for the first of the current content errors; the others are listed in its hint. */
export function overlayError(errors: readonly ContentProblem[], readSource: (file: string) => string | undefined): OverlayError {
  const [first, ...others] = errors;
  const source = readSource(first.file);
  const fix = 'Fix the file and save: the page comes back by itself.';
  return {
    name: 'ContentError',
    title: first.line ? `A mistake in ${first.file}, line ${first.line}` : `A mistake in ${first.file}`,
    message: escapeXml(first.message),
    hint: others.length ? `Also:<br>${others.map((error) => escapeXml(error.message)).join('<br>')}<br>${fix}` : fix,
    loc: { file: resolve(first.file), line: first.line },
    highlightedCode: source === undefined ? undefined : codeOf(source, first.line),
    stack: errors.map((error) => error.message).join('\n'),
  };
}

/**
 * The page `astro dev` answers with while the content has mistakes: the mistakes as plain text,
 * and Astro's own error overlay over them. The overlay comes with Vite's client, whose
 * connection also reloads the page once a save has put them right.
 */
export function contentErrorPage(errors: readonly ContentProblem[], readSource: (file: string) => string | undefined): string {
  // Inside a <script>, "<" is written as an escape so that no text of the file can close it.
  const payload = JSON.stringify(overlayError(errors, readSource)).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Content error</title></head>
<body>
<h1>Content error</h1>
<ul>${errors.map((error) => `<li><code>${escapeXml(error.message)}</code></li>`).join('')}</ul>
<p>Fix the file and save: the page comes back by itself.</p>
<script type="module">
import '/@vite/client';
const Overlay = customElements.get('vite-error-overlay');
document.body.append(new Overlay(${payload}));
// The save that fixes the mistake reloads this page through Vite's connection; one sent before
// that connection was up is lost, so the page also asks once a second whether it is back.
setInterval(async () => {
  if ((await fetch(location.href, { method: 'HEAD', cache: 'no-store' })).ok) location.reload();
}, 1000);
</script>
</body>
</html>
`;
}
