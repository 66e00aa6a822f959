// Preloaded into `npm run build` (NODE_OPTIONS="--import …/kill-at.mjs") by the crash tests.
// KILL_AT="goLive@3" kills the process, as a crash or an operator's `kill -9` would, at the third
// call that changes the disk made within the function `goLive`, before that change is made.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const CHANGES = ['writeFileSync', 'renameSync', 'rmSync', 'unlinkSync', 'rmdirSync', 'mkdirSync', 'linkSync', 'symlinkSync', 'copyFileSync', 'openSync', 'utimesSync'];
const [within, step] = (process.env.KILL_AT ?? '').split('@');
if (within) {
  const frame = new RegExp(`\\bat (?:Object\\.)?${within.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`);
  Error.stackTraceLimit = 50;
  let count = 0;
  for (const name of CHANGES) {
    const real = fs[name];
    fs[name] = function (...args) {
      if (frame.test(new Error().stack ?? '') && ++count === Number(step)) process.kill(process.pid, 'SIGKILL');
      return real.apply(this, args);
    };
  }
  syncBuiltinESMExports();
}

// PAUSE_AT="prepareStaging@1" holds the process at that call, having told so on stderr, until
// the file RESUME_FILE exists: a test can then act while this build holds the lock.
const [pauseWithin, pauseStep] = (process.env.PAUSE_AT ?? '').split('@');
if (pauseWithin) {
  const frame = new RegExp(`\\bat (?:Object\\.)?${pauseWithin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`);
  const resume = process.env.RESUME_FILE;
  const tick = new Int32Array(new SharedArrayBuffer(4));
  Error.stackTraceLimit = 50;
  let count = 0;
  for (const name of CHANGES) {
    const real = fs[name];
    fs[name] = function (...args) {
      if (frame.test(new Error().stack ?? '') && ++count === Number(pauseStep)) {
        fs.writeSync(2, `paused at ${process.env.PAUSE_AT}\n`);
        while (!fs.existsSync(resume)) Atomics.wait(tick, 0, 0, 20);
      }
      return real.apply(this, args);
    };
  }
  syncBuiltinESMExports();
}
