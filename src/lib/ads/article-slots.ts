import type { BodyBlock } from '../markdown/body-blocks.ts';

/** The sidebar's slot in content/ad-slots.yaml, beside the text on wide screens. */
export const SIDEBAR_SLOT = 'sidebar';

/** The ad slots an article page shows, in page order: those its text places, then the sidebar's. */
export function articleSlotIds(body: readonly BodyBlock[], sidebar: boolean): string[] {
  const inText = body.flatMap((block) => (block.type === 'embed' && block.kind === 'ad' ? [block.ref] : []));
  return sidebar ? [...inText, SIDEBAR_SLOT] : inText;
}
