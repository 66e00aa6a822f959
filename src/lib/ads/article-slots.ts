/** The sidebar's slot in content/ad-slots.yaml, beside the text on wide screens. */
export const SIDEBAR_SLOT = 'sidebar';

/** The ad slots an article page shows, in page order: those its text places (`inText`), then the sidebar's. */
export function articleSlotIds(inText: readonly string[], sidebar: boolean): string[] {
  return sidebar ? [...inText, SIDEBAR_SLOT] : [...inText];
}
