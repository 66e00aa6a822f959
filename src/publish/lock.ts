import { createHash, randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { partialOf } from './disk.ts';
import { isGone, type ProcessIdentity, thisProcess } from './processes.ts';

/** A lock's holder: the process, and a token of its own for this one taking of the lock. */
export interface Holder extends ProcessIdentity {
  token: string;
}

export type Lock = { held: true; holder: Holder; release(): void } | { held: false; holder: Holder };

const code = (error: unknown) => (error as NodeJS.ErrnoException).code;
const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 24);

/** What a lock file says of its holder; a lock written by an older build holds only a process number. */
function holderIn(text: string): Holder {
  try {
    const holder = JSON.parse(text) as Holder;
    if (typeof holder.pid === 'number' && typeof holder.host === 'string' && typeof holder.token === 'string') return holder;
  } catch {
    // Not a lock of ours: read as the number it may be.
  }
  // Anything but a process number reads as none (NaN, or 0 for an empty file): a holder that is gone.
  return { pid: Number(text), host: thisProcess().host, token: text };
}

/** The file's text, or undefined once it is gone. */
function textOf(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (code(error) === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Wins the one right to remove the lock `stale` (its text) left by a holder that is gone, by
 * making a claim file that no other process can make too; or names the live process that made
 * the claim first. A claim whose maker died before it removed the lock is itself claimed, one
 * file further down its chain.
 */
function claimRemoval(lock: string, stale: string, mine: string): Holder | undefined {
  let claim = `${lock}.gone-${digest(stale)}`;
  for (;;) {
    try {
      linkSync(mine, claim);
      return undefined;
    } catch (error) {
      if (code(error) !== 'EEXIST') throw error;
    }
    const other = textOf(claim);
    if (other === undefined) continue;
    const claimant = holderIn(other);
    if (!isGone(claimant)) return claimant;
    claim = `${claim}-${digest(other)}`;
  }
}

/**
 * Takes the lock at `path`, or tells who holds it. Exactly one process holds it, whatever the
 * interleaving: the lock file is made whole with one `link`, which fails where a file is; it is
 * removed only by its holder, or by the one process that claimed the removal of that very file
 * (its holder gone, see `isGone`), and that process checks the file is still the one it claimed.
 * A holder's liveness is its process, not a time: a build may work for minutes without a sign.
 */
export function takeLock(path: string): Lock {
  mkdirSync(dirname(path), { recursive: true });
  const holder: Holder = { ...thisProcess(), token: randomUUID() };
  const text = JSON.stringify(holder);
  const mine = partialOf(path);
  // A killed build of the same number may have left its file, still linked as the lock: never written through.
  rmSync(mine, { force: true });
  writeFileSync(mine, text, { flag: 'wx' });
  try {
    for (;;) {
      try {
        linkSync(mine, path);
        sweepClaims(path);
        return { held: true, holder, release: () => release(path, text) };
      } catch (error) {
        if (code(error) !== 'EEXIST') throw error;
      }
      const current = textOf(path);
      if (current === undefined) continue;
      const other = holderIn(current);
      if (!isGone(other)) return { held: false, holder: other };
      const claimant = claimRemoval(path, current, mine);
      if (claimant) return { held: false, holder: claimant };
      // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent, because only the process that claimed the removal of this very file removes it
      if (textOf(path) === current) rmSync(path, { force: true });
    }
  } finally {
    rmSync(mine);
  }
}

/** Removes the claims on earlier holders' locks: each names a lock that is no longer there. */
function sweepClaims(path: string) {
  const prefix = `${basename(path)}.gone-`;
  for (const name of readdirSync(dirname(path))) if (name.startsWith(prefix)) rmSync(join(dirname(path), name));
}

/** Removes the lock if it is still this holder's. */
function release(path: string, text: string) {
  if (textOf(path) === text) unlinkSync(path);
}
