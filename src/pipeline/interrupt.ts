// Ctrl+C for code that never waits. A tight loop (`while ($true) {}`, `foreach ($i in 1..1e9) {}`, a long
// pipeline of synchronous stages) never returns to the event loop, so neither the SIGINT handler nor the
// interactive shell's key reader could run and set the session's abort signal. Loops and the pipeline
// feeder call `checkpoint` once per iteration: it only counts, and about every YIELD_AFTER_MS of unbroken
// work it yields once (one setImmediate) so a pending Ctrl+C can land, then throws if it did.
import { PSException } from '../runtime/errors.ts';

export function pipelineStopped(): PSException {
  return new PSException('The pipeline has been stopped.', 'System.Management.Automation.PipelineStoppedException');
}

/** Iterations between clock reads: cheap enough per object, frequent enough to notice 100 ms. */
const CHECK_EVERY = 1024;
const YIELD_AFTER_MS = 100;

let ticks = 0;
// Date.now, not performance.now: the global `performance` is one of Node's lazily loaded properties, read
// through a getter that V8 optimises only after some million loop iterations, and hot loops were measurably
// slower from then on (milliseconds are fine for a 100 ms period).
let lastYield = Date.now();

/**
 * Code that must finish synchronously (a script block passed to a .NET-style method such as `.Where({})`)
 * raises this while it runs; checkpoints then only test the signal and never yield.
 */
export const synchronousOnly = { depth: 0 };

/**
 * Whether a signal has fired, read without touching the signal: Node gives every AbortSignal its own hidden
 * class (it sets the prototype per object), so `signal.aborted` inlined into a hot loop deoptimises that
 * loop whenever a new run brings a new signal. A flag object of one shape, set by the abort event, does not.
 */
export class AbortFlag {
  aborted = false;
}

const flags = new WeakMap<AbortSignal, AbortFlag>();

/** The flag of a signal, for a loop to take once before it starts (and pass to checkpoint). */
export function abortFlag(signal: AbortSignal): AbortFlag {
  let flag = flags.get(signal);
  if (flag === undefined) {
    const created = (flag = new AbortFlag());
    if (signal.aborted) created.aborted = true;
    else signal.addEventListener('abort', () => void (created.aborted = true), { once: true });
    flags.set(signal, created);
  }
  return flag;
}

/** Counts one iteration; throws PipelineStoppedException after Ctrl+C; rarely returns a Promise (a yield). */
export function checkpoint(flag: AbortFlag): Promise<void> | undefined {
  if (++ticks < CHECK_EVERY) return undefined;
  ticks = 0;
  if (flag.aborted) throw pipelineStopped();
  const now = Date.now();
  if (now - lastYield < YIELD_AFTER_MS || synchronousOnly.depth > 0) return undefined;
  return yieldOnce(flag);
}

/** Apart from checkpoint: a closure over `flag` there would allocate a context on every call. */
function yieldOnce(flag: AbortFlag): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
    lastYield = Date.now();
    if (flag.aborted) throw pipelineStopped();
  });
}
