/**
 * Preloaded into a server under benchmark (`--require`, through NODE_OPTIONS): on SIGUSR2 it writes
 * one line to stderr, `heap-probe {...}`, with the main thread's V8 heap in use, then in use after a
 * full garbage collection (what the server really holds), and the process's resident memory. The
 * server itself has no way to report its heap, and needs none.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isMainThread } from 'node:worker_threads';

/** The line's prefix, which the benchmark waits for. */
export const HEAP_PROBE = 'heap-probe ';

const MB = 1024 * 1024;

if (isMainThread) {
  // `gc` appears in contexts made after the flag is set, without starting the server with --expose-gc.
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as () => void;
  process.on('SIGUSR2', () => {
    const before = process.memoryUsage();
    collect();
    const after = process.memoryUsage();
    process.stderr.write(`${HEAP_PROBE}${JSON.stringify({ heapUsedMb: before.heapUsed / MB, heapRetainedMb: after.heapUsed / MB, rssMb: before.rss / MB })}\n`);
  });
}
