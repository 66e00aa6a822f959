import type { AdProvider, AdSlotRequest } from './provider.ts';

/** How long a slot waits for the provider; after that the house ad stays, whatever comes later. */
export const PROVIDER_DEADLINE_MS = 3000;

/**
 * Asks the provider to fill one slot once `ready` (its start) has settled. Resolves `true` only
 * when it delivered in time; a provider that throws, declines or stays silent resolves `false`.
 */
export async function askProvider(provider: AdProvider, ready: Promise<unknown>, request: AdSlotRequest, deadline = PROVIDER_DEADLINE_MS): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(resolve, deadline, false);
  });
  const answer = ready.then(() => provider.fill(request));
  // A failure after the deadline must not surface as an unhandled rejection.
  // Stryker disable next-line CallExpression: equivalent, because Promise.race below handles the answer's rejection too; this line only says so
  answer.catch(() => undefined);
  try {
    return (await Promise.race([answer, late])) === true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
