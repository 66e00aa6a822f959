// A process that takes the build lock when told, for the lock's race tests: it reads lines from
// stdin, "take <path>" (answers "held" or "busy <pid>") and "release" (answers "released").
import { createInterface } from 'node:readline';
import { type Lock, takeLock } from '../../src/publish/lock.ts';

let lock: Lock | undefined;
console.log('ready');
for await (const line of createInterface({ input: process.stdin })) {
  const [command, path] = line.split(' ');
  if (command === 'take') {
    lock = takeLock(path);
    console.log(lock.held ? 'held' : `busy ${lock.holder.pid}`);
  } else {
    if (lock?.held) lock.release();
    console.log('released');
  }
}
