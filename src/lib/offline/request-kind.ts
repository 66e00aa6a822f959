/**
 * What the worker does with a request: `page` (a folder of the site, network first), `file` (a
 * hashed file under `_astro/`, cache first), or nothing (`undefined`: the browser fetches it as
 * if there were no worker), e.g. the search index, the feed or another origin.
 */
export function requestKind(url: URL, scope: URL): 'page' | 'file' | undefined {
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return undefined;
  if (url.pathname.startsWith(`${scope.pathname}_astro/`)) return 'file';
  return url.pathname.endsWith('/') ? 'page' : undefined;
}
