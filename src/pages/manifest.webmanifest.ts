import type { APIRoute } from 'astro';
import { SITE_DESCRIPTION, SITE_NAME, urls } from '../consts.ts';

export const GET: APIRoute = () =>
  Response.json({
    name: SITE_NAME,
    short_name: SITE_NAME,
    description: SITE_DESCRIPTION,
    lang: 'de',
    start_url: urls.home(),
    scope: urls.home(),
    display: 'browser',
    background_color: '#ffffff',
    theme_color: '#16181b',
    icons: [{ src: urls.file('favicon.svg'), sizes: 'any', type: 'image/svg+xml' }],
  });
