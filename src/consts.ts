import { createUrls } from './lib/urls.ts';

/** The name in the masthead and the title bar. */
export const SITE_NAME = 'Zeitungsleser';
/** One line on what the site is, for the home page and search engines. */
export const SITE_DESCRIPTION = 'Nachrichtenartikel, schnell, ruhig und ohne Tracking gelesen.';

/** Every internal link is made here, under the base path the site is built for. */
export const urls = createUrls(import.meta.env.BASE_URL);

/** The raster logo in public/ that search engines show for the publisher (drawn by scripts/make-images.mjs). */
export const PUBLISHER_LOGO = { file: 'logo.png', width: 600, height: 60 };
