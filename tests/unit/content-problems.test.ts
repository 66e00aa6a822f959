import { describe, expect, it, vi } from 'vitest';
import { ContentError } from '../../src/lib/content/content-error.ts';
import { currentContentProblems, onContentProblemsChange, reportContentProblems } from '../../src/publish/preview/content-problems.ts';

const MISTAKE = new ContentError('content/topics.yaml', undefined, 1, 'expected a YAML list');

describe('the content problems of the editor’s preview', () => {
  it('tells a listener of every change, and stops once it stops listening', () => {
    const changes = vi.fn();
    const stop = onContentProblemsChange(changes);
    reportContentProblems('listener-test', { errors: [MISTAKE], warnings: [] });
    expect(changes).toHaveBeenCalledTimes(1);
    reportContentProblems('listener-test', { errors: [MISTAKE], warnings: [] });
    expect(changes).toHaveBeenCalledTimes(1);
    stop();
    reportContentProblems('listener-test', { errors: [], warnings: [] });
    expect(changes).toHaveBeenCalledTimes(1);
    expect(currentContentProblems().errors).not.toContain(MISTAKE);
  });
});
