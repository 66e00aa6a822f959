import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { htmlPages } from './links.ts';

interface HouseAdAsWritten {
  id: string;
  formats: string[];
  headline: string;
  text: string;
  action: string;
  link: string;
}

/** The house ads of a site's content/house-ads.yaml, by id. */
export function houseAdsIn(root = '.'): Map<string, HouseAdAsWritten> {
  const ads = parse(readFileSync(join(root, 'content/house-ads.yaml'), 'utf8')) as HouseAdAsWritten[];
  return new Map(ads.map((ad) => [ad.id, ad]));
}

/** Every ad slot on every page of a built site, with the house ad its HTML carries. */
export function slotsOnDisk(dist: string) {
  return htmlPages(dist).flatMap((file) => {
    const $ = load(readFileSync(join(dist, file), 'utf8'));
    return $('[data-ad-slot]')
      .toArray()
      .map((slot) => {
        const link = $(slot).find('[data-ad-box] > a[data-house-ad]');
        return {
          page: file,
          slot: $(slot).attr('data-ad-slot')!,
          format: $(slot).attr('data-ad-format')!,
          houseAds: link.toArray().map((ad) => $(ad).attr('data-house-ad')!),
          href: link.attr('href'),
          rel: link.attr('rel'),
        };
      });
  });
}

/** What a reader sees of each ad slot right now: whether it shows, its box, and what fills it. */
export const slotStates = (page: Page) =>
  page.$$eval('[data-ad-slot]', (slots) =>
    Promise.all(
      slots.map(async (slot) => {
        const element = slot as HTMLElement;
        const box = element.querySelector('[data-ad-box]')!.getBoundingClientRect();
        const link = element.querySelector<HTMLAnchorElement>('[data-house-ad]');
        const images = [...element.querySelectorAll('img')].filter((img) => img.getClientRects().length > 0 && img.complete && img.naturalWidth > 0);
        return {
          id: element.dataset.adSlot!,
          format: element.dataset.adFormat!,
          shown: element.getClientRects().length > 0,
          label: element.querySelector('p')!.textContent,
          box: { width: box.width, height: box.height },
          link: link && { id: link.dataset.houseAd!, ...link.getBoundingClientRect().toJSON() },
          images: await Promise.all(
            images.map(async (img) => {
              // naturalWidth is divided by the srcset density: the file's own pixels come from a fresh decode.
              const file = Object.assign(new Image(), { src: img.currentSrc });
              await file.decode();
              const { width, height } = img.getBoundingClientRect();
              return { width, height, pixels: { width: file.naturalWidth, height: file.naturalHeight } };
            }),
          ),
          unloadedImages: element.querySelectorAll('img').length - images.length,
          filled: element.dataset.adFilled,
          containers: element.querySelectorAll('[data-ad-box] > div').length,
        };
      }),
    ),
  );
