/**
 * IAB sizes the ad slots may have. Each slot reserves exactly its size before any ad loads,
 * so the text never jumps; the class names are spelled out for Tailwind to find them.
 */
export const AD_FORMATS = {
  'medium-rectangle': { width: 300, height: 250, box: 'h-[250px] w-[300px]' },
  'half-page': { width: 300, height: 600, box: 'h-[600px] w-[300px]' },
  leaderboard: { width: 728, height: 90, box: 'h-[90px] w-[728px]' },
} as const;

export type AdFormat = keyof typeof AD_FORMATS;
