/**
 * pg-boss's background loops (a worker's poll, the wait for stopping workers) call its `delay`,
 * which loads `node:timers/promises` on every call. A loop that outlives its test file (it ends
 * on its own within a second or two) would then load a module after Jest tore the file's
 * environment down, and Jest fails whichever file runs next in that worker. This gives pg-boss a
 * `delay` with the same contract (a promise that resolves after `ms`, or rejects with `error`,
 * and can be aborted early) that holds the timer function from the start.
 */
import { setTimeout as sleep } from 'node:timers/promises';

type AbortableDelay = Promise<void> & { abort: () => void };

function delay(ms: number, error?: string): AbortableDelay {
  const controller = new AbortController();
  const finished = sleep(ms, undefined, { signal: controller.signal }).then(
    () => {
      if (error) throw new Error(error);
    },
    () => undefined,
  ) as AbortableDelay;
  finished.abort = () => {
    if (!controller.signal.aborted) controller.abort();
  };
  return finished;
}

// Replaced before any test file loads pg-boss, whose modules take `delay` when they load.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tools = require('pg-boss/src/tools') as { delay: typeof delay };
tools.delay = delay;
