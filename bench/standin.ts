/**
 * The cache stand-in (src/workbench/zcache.ts) in a process of its own, so that the CPU time and
 * instructions the benchmark counts for a delivery are the app's alone, not the server answering
 * it. Prints its handler-event fields as one JSON line; answers each `calls` line on stdin with
 * the round trips so far, and each `reset` line (forget every key) with `ok`.
 */
import { createInterface } from 'node:readline';
import { startCacheStandIn } from '../src/workbench/zcache';

startCacheStandIn().then((cache) => {
  process.stdout.write(`${JSON.stringify(cache.event)}\n`);
  // stdin open keeps the process alive (the server is unref'd); its end, the parent gone, ends it.
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line.trim() === 'calls') process.stdout.write(`${cache.calls()}\n`);
    if (line.trim() === 'reset') {
      cache.reset();
      process.stdout.write('ok\n');
    }
  });
});
