// How long the page's own scripts held the browser's main thread, from a Lighthouse trace.
//
// Total Blocking Time counts every task over 50 ms, whoever runs it. On this machine the
// browser's own work (the navigation's commit and first layout) crosses that line for any page,
// and Lighthouse's simulation multiplies it by four; on a busy machine style and layout stretch
// past it too. What the page decides is its script: no task in which it runs 50 ms or more means
// that its scripts add no blocking time, however slow the machine makes the rest.
import { MainThreadTasks, type TaskNode } from 'lighthouse/core/lib/tracehouse/main-thread-tasks.js';
import { TraceProcessor } from 'lighthouse/core/lib/tracehouse/trace-processor.js';
import type { Trace } from 'lighthouse/types/artifacts.js';

/** Lighthouse's groups of main-thread work that are script: compiling it and running it. */
const SCRIPT_WORK = new Set(['scriptParseCompile', 'scriptEvaluation']);

const scriptTime = (task: TaskNode): number =>
  (SCRIPT_WORK.has(task.group.id) ? task.selfTime : 0) + task.children.reduce((sum, child) => sum + scriptTime(child), 0);

/** The most script time in any one task of the page's main thread, in ms. */
export function longestScriptTaskMs(trace: Trace): number {
  const { mainThreadEvents, frames, timestamps } = TraceProcessor.processTrace(trace);
  const tasks = MainThreadTasks.getMainThreadTasks(mainThreadEvents, frames, timestamps.traceEnd);
  return Math.max(0, ...tasks.filter((task) => !task.parent).map(scriptTime));
}
