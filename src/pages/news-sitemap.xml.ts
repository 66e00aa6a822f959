import type { APIRoute } from 'astro';
import { SITE_NAME } from '../consts.ts';
import { articlePath, loadNewsroom } from '../data/newsroom.ts';
import { absolute } from '../lib/urls.ts';
import { earliestKnownTime } from '../lib/dates.ts';
import { newsSitemapArticles } from '../lib/news-windows.ts';
import { escapeXml } from '../lib/xml.ts';

/**
 * Google News sitemap: the articles of the two days before the newest one, at most 1,000. It
 * asks for a publication date; where an article only names its update time, that time is given,
 * as the time by which the article was certainly published.
 */
export const GET: APIRoute = async ({ site }) => {
  const { articles } = await loadNewsroom();
  const entries = newsSitemapArticles(articles).map(
    (article) => `  <url>
    <loc>${escapeXml(absolute(articlePath(article), site))}</loc>
    <news:news>
      <news:publication>
        <news:name>${escapeXml(SITE_NAME)}</news:name>
        <news:language>de</news:language>
      </news:publication>
      <news:publication_date>${earliestKnownTime(article.data).toISOString()}</news:publication_date>
      <news:title>${escapeXml(`${article.data.kicker}: ${article.data.title}`)}</news:title>
    </news:news>
  </url>`,
  );
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${entries.join('\n')}
</urlset>
`;
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
