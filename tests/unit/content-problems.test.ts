import { describe, expect, it, vi } from 'vitest';
import { ContentError } from '../../src/lib/content/content-error.ts';
import { contentSettled, currentContentProblems, onPagesOutdated, reportContentProblems, syncExpected } from '../../src/publish/preview/content-problems.ts';

const MISTAKE = new ContentError('content/topics.yaml', undefined, 1, 'expected a YAML list');
const OTHER_MISTAKE = new ContentError('content/topics.yaml', undefined, 2, 'expected a YAML list');

describe('the content problems of the editor’s preview', () => {
  it('tells a listener of every change, and stops once it stops listening', () => {
    const changes = vi.fn();
    const stop = onPagesOutdated(changes);
    reportContentProblems('listener-test', { errors: [], warnings: [] });
    reportContentProblems('listener-test', { errors: [MISTAKE], warnings: [] });
    expect(changes).toHaveBeenCalledTimes(1);
    reportContentProblems('listener-test', { errors: [MISTAKE], warnings: [] });
    expect(changes).toHaveBeenCalledTimes(1);
    reportContentProblems('listener-test', { errors: [OTHER_MISTAKE], warnings: [] });
    expect(changes).toHaveBeenCalledTimes(2);
    stop();
    reportContentProblems('listener-test', { errors: [], warnings: [] });
    expect(changes).toHaveBeenCalledTimes(2);
    expect(currentContentProblems().errors).not.toContain(MISTAKE);
  });

  it('holds pages while a sync a save called for is still to report, and lets them go once all have', async () => {
    let settled = false;
    expect(await contentSettled()).toBe(false);
    const first = syncExpected();
    const second = syncExpected();
    const waiting = contentSettled().then((waited) => (settled = waited));
    first();
    await Promise.resolve();
    expect(settled).toBe(false);
    second();
    await waiting;
    expect(settled).toBe(true);
  });

  it('reloads no page for a loader’s first report, whatever it found', () => {
    const changes = vi.fn();
    const stop = onPagesOutdated(changes);
    reportContentProblems('first-clean-report', { errors: [], warnings: [] });
    reportContentProblems('first-report-with-a-mistake', { errors: [MISTAKE], warnings: [] });
    stop();
    expect(changes).not.toHaveBeenCalled();
  });
});
