/**
 * How long a page may take from the network before a stored copy is shown instead: a page of
 * ours is 12 KB compressed, which even a slow mobile connection brings in well under this.
 */
export const NETWORK_PATIENCE_MS = 3000;

const SLOW = Symbol('slow');

/**
 * The network's answer while it comes within `patience` ms; after that the stored copy, if there
 * is one (else the network's answer, however late). When the network fails: the stored copy, or
 * `offline()` without one.
 */
export async function networkFirst<T>(
  network: Promise<T>,
  stored: () => Promise<T | undefined>,
  offline: () => Promise<T>,
  patience = NETWORK_PATIENCE_MS,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slow = new Promise<typeof SLOW>((resolve) => {
    timer = setTimeout(resolve, patience, SLOW);
  });
  // A failure after the stored copy has been shown must not surface as an unhandled rejection.
  network.catch(() => undefined);
  try {
    const first = await Promise.race([network, slow]);
    if (first !== SLOW) return first;
    return (await stored()) ?? (await network);
  } catch {
    return (await stored()) ?? offline();
  } finally {
    clearTimeout(timer);
  }
}
