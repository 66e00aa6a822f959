/**
 * The real `node:fs`, whose calls that change the disk can be made to fail from the k-th one on,
 * as if the process had been killed there: once killed, every later change fails too, so no
 * `finally` can tidy up what a killed process would have left. Use it in a test file with
 * `vi.mock('node:fs', async (original) => (await import('../support/faulty-fs.ts')).faulty(await original()))`.
 */
export class Killed extends Error {
  constructor() {
    super('killed');
  }
}

const CHANGES = [
  'writeFileSync', 'renameSync', 'rmSync', 'unlinkSync', 'rmdirSync', 'mkdirSync', 'linkSync', 'symlinkSync', 'copyFileSync', 'cpSync', 'openSync', 'fsyncSync', 'utimesSync',
];

export const faults = {
  /** Changes made so far. */
  count: 0,
  /** The change that kills, counted from 1; 0: none. */
  killAt: 0,
  killed: false,
  reset(killAt = 0) {
    Object.assign(faults, { count: 0, killAt, killed: false });
  },
};

export function faulty<Fs extends object>(fs: Fs): Fs {
  const wrapped: Record<string, unknown> = { ...(fs as Record<string, unknown>) };
  for (const name of CHANGES) {
    const real = (fs as Record<string, (...args: unknown[]) => unknown>)[name];
    wrapped[name] = (...args: unknown[]) => {
      if (name === 'openSync' && !/[wa+]/.test(String(args[1] ?? 'r'))) return real(...args);
      if (faults.killed || (faults.killAt > 0 && ++faults.count >= faults.killAt)) {
        faults.killed = true;
        throw new Killed();
      }
      if (faults.killAt === 0) faults.count++;
      return real(...args);
    };
  }
  return { ...wrapped, default: wrapped } as Fs;
}
