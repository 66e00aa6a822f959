import type { APIRoute } from 'astro';
import { urls } from '../consts.ts';
import { absolute } from '../lib/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(
    ['User-agent: *', 'Allow: /', '', `Sitemap: ${absolute(urls.file('sitemap-index.xml'), site)}`, `Sitemap: ${absolute(urls.file('news-sitemap.xml'), site)}`, ''].join('\n'),
    { headers: { 'content-type': 'text/plain; charset=utf-8' } },
  );
