import type { AdFormat } from './formats.ts';

/*
 * The contract between the site and a runtime ad provider: a small adapter module, named in
 * astro.config.mjs, that fills ad slots in the reader's browser, for example from an ad server.
 * The site's loader (src/components/AdLoader.astro) drives it; the house ad stays in every slot
 * the provider does not fill in time.
 */

/** One ad slot of the page: its id (content/ad-slots.yaml), IAB format and size in CSS pixels. */
export interface AdSlotInfo {
  id: string;
  format: AdFormat;
  width: number;
  height: number;
}

/** The page as the provider sees it once, before any slot is filled. */
export interface AdPage {
  /** The page's path, e.g. /politik/international/xi-und-putin-sprechen-per-videoschalte/. */
  path: string;
  /** Every slot on the page, in document order, including slots the layout hides at this width. */
  slots: AdSlotInfo[];
}

/** A slot that came near the viewport, with the element the provider renders into. */
export interface AdSlotRequest extends AdSlotInfo {
  /**
   * An empty element of exactly the slot's size, in the page but invisible until the provider
   * delivers. Content larger than the slot is clipped; the page never moves.
   */
  container: HTMLElement;
}

export interface AdProvider {
  /** Called once, before the first `fill`: the place to load the ad server's script. */
  start?(page: AdPage): void | Promise<void>;
  /**
   * Called once per slot, when it comes within half a screen of the viewport. Render into
   * `request.container` and answer `true` when an ad is there; `false`, an error or no answer
   * within PROVIDER_DEADLINE_MS (src/lib/ads/ask-provider.ts) leaves the house ad in the slot.
   */
  fill(request: AdSlotRequest): boolean | Promise<boolean>;
}

/** The CSP directives a provider may add origins to; nothing else of the policy ever widens. */
export const PROVIDER_DIRECTIVES = ['script-src', 'img-src', 'connect-src', 'frame-src'] as const;
export type ProviderDirective = (typeof PROVIDER_DIRECTIVES)[number];

/** What astro.config.mjs says about the provider. */
export interface AdProviderConfig {
  /** The adapter module, relative to the project root, e.g. ./src/ads/my-ad-server.ts. */
  module: string;
  /** The origins the provider loads scripts, images, frames and data from, by CSP directive. */
  origins: Partial<Record<ProviderDirective, string[]>>;
}
