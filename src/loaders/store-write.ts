import type { LoaderContext } from 'astro/loaders';
import { contentRefresh } from '../publish/handover.ts';

/** The key of `refreshContextData` that asks a loader for nothing but the store's write. */
// Stryker disable next-line StringLiteral: equivalent, because the key only has to be one no other refresh uses, and nothing else refreshes our loaders
const WRITE_ONLY = 'zeitungsleser.storeWrite';

/**
 * How often to ask again while Astro reloads its content config, which it does after every save
 * of a markdown or YAML file (for 0.1 s at 5,000 articles). Its `refreshContent` does nothing
 * in that time and says nothing about it, and Astro offers no event for the reload's end.
 */
export const CONFIG_RELOAD_POLL_MS = 10;
/** After this many asks (a second), the save is left to Astro's own delayed write. */
export const STORE_WRITE_ASKS = 100;

/**
 * Has the content store written to disk now. Astro writes it 0.5 s after the last change to it
 * when a loader changes it on its own, as ours do after a save under `astro dev`, and only then
 * do the pages see the save; a sync Astro runs itself ends with the write at once. So the
 * loader, its sync done, asks Astro to sync it again, telling its `load()` that there is
 * nothing to read (storeWriteAsked), and Astro writes what the sync stored.
 */
export async function writeStoreNow(loader: string) {
  const { refresh } = contentRefresh();
  if (!refresh) return;
  const asked: { reached?: true } = {};
  for (let ask = 0; ask < STORE_WRITE_ASKS && !asked.reached; ask++) {
    if (ask) await new Promise((resolve) => setTimeout(resolve, CONFIG_RELOAD_POLL_MS));
    await refresh({ loaders: [loader], context: { [WRITE_ONLY]: asked } });
  }
}

/** Whether this `load()` is Astro's sync that writeStoreNow asked for, which has nothing to read. */
export function storeWriteAsked({ refreshContextData }: Pick<LoaderContext, 'refreshContextData'>): boolean {
  const asked = refreshContextData?.[WRITE_ONLY] as { reached?: true } | undefined;
  if (asked) asked.reached = true;
  return asked !== undefined;
}
