import { escapeXml } from '../xml.ts';
import type { BodyBlock } from '../markdown/body-blocks.ts';

/** What the search index reads of an article. */
export interface SearchableArticle {
  id: string;
  /** The loader's digest of the article file and the code that read it. */
  digest: string;
  section: string;
  kicker: string;
  title: string;
  lead: string;
  images: readonly { id: string; caption: string; credit: string }[];
  /** Read only for an article whose part of the index is made anew. */
  body(): readonly BodyBlock[];
}

/**
 * The page the search index reads for an article: headline, lead, text and photo captions, the
 * words a reader searches for, without the ads, teasers and furniture around them. Built from the
 * article's data, so the index needs no rendered page and can be made while pages render.
 */
export function searchDocument(article: SearchableArticle): string {
  const captions = new Map(article.images.map((image) => [image.id, `${image.caption} ${image.credit}`]));
  const body = article.body().map((block) => {
    if (block.type === 'html') return block.html;
    return block.kind === 'figure' ? `<p>${escapeXml(captions.get(block.ref) ?? '')}</p>` : '';
  });
  const headline = `${escapeXml(article.kicker)}: ${escapeXml(article.title)}`;
  return `<!doctype html><html lang="de"><head><title>${headline}</title></head><body><h1>${headline}</h1><p>${escapeXml(article.lead)}</p>${body.join('')}</body></html>`;
}
