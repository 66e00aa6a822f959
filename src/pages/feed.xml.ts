import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { SITE_DESCRIPTION, SITE_NAME } from '../consts.ts';
import { articlePath, loadNewsroom } from '../data/newsroom.ts';
import { absolute } from '../lib/urls.ts';
import { displayedTime } from '../lib/dates.ts';
import { feedArticles } from '../lib/news-windows.ts';
import { escapeXml } from '../lib/xml.ts';

export const GET: APIRoute = async ({ site }) => {
  const { articles, authors, topics } = await loadNewsroom();
  return rss({
    title: SITE_NAME,
    description: SITE_DESCRIPTION,
    site: absolute('.', site),
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/' },
    customData: '<language>de-DE</language>',
    items: feedArticles(articles).map((article) => ({
      title: `${article.data.kicker}: ${article.data.title}`,
      link: absolute(articlePath(article), site),
      // RSS knows one date; the one the page shows is the honest choice.
      pubDate: displayedTime(article.data).date,
      description: article.data.lead,
      categories: article.data.topics.map((id) => topics.get(id)?.name ?? id),
      customData: article.data.authors
        .map((id) => `<dc:creator>${escapeXml(authors.get(id)?.name ?? id)}</dc:creator>`)
        .join(''),
    })),
  });
};
