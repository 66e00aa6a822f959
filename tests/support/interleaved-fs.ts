/**
 * The real `node:fs`, where a test can step in just before a call, as another process would
 * between two steps of the code under test. Use it in a test file with
 * `vi.mock('node:fs', async (original) => (await import('../support/interleaved-fs.ts')).interleaved(await original()))`.
 */
type Step = { call: string; when: (args: unknown[]) => boolean; action: () => void };
const steps: Step[] = [];

/** Runs `action` once, just before the next call of `call` whose arguments `when` accepts. */
export function beforeCall(call: string, when: (args: unknown[]) => boolean, action: () => void) {
  steps.push({ call, when, action });
}

/** Forgets the steps not taken. */
export const forgetSteps = () => steps.splice(0);

export function interleaved<Fs extends object>(fs: Fs): Fs {
  const wrapped: Record<string, unknown> = { ...(fs as Record<string, unknown>) };
  for (const [name, real] of Object.entries(fs)) {
    if (typeof real !== 'function' || !name.endsWith('Sync')) continue;
    wrapped[name] = (...args: unknown[]) => {
      const step = steps.findIndex((each) => each.call === name && each.when(args));
      if (step !== -1) steps.splice(step, 1)[0].action();
      return real(...args);
    };
  }
  return { ...wrapped, default: wrapped } as Fs;
}
