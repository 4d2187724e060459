// Streams objects through pipeline stages in PowerShell's order: every begin left to right, then each
// input object through every process, then every end left to right (each end's output flowing on).
// Synchronous stages never touch a Promise; a stage that awaits makes the feeding loop wait for it.
import type { MaybePromise } from '../runtime/maybe-promise.ts';
import { AutomationNull, enumerate } from '../runtime/values.ts';
import { IntRange } from './int-range.ts';
import { abortFlag, checkpoint, pipelineStopped, type AbortFlag } from './interrupt.ts';
import { stageInput, type Sink } from './output-pipe.ts';
import { StopUpstream, type CommandProcessor } from './processor.ts';

export { pipelineStopped };

export function runPipeline(
  stages: CommandProcessor[],
  source: Iterable<unknown> | undefined,
  sink: Sink,
  signal?: AbortSignal,
): MaybePromise<void> {
  const offset = source ? 1 : 0;
  stages.forEach((stage, i) => {
    const next = stages[i + 1];
    stage.output = next ? stageInput(next) : sink;
    stage.expectingInput = i > 0 || !!source;
    stage.pipelinePosition = i + 1 + offset;
    stage.pipelineLength = stages.length + offset;
  });
  let ended = 0;
  const endFrom = (i: number): MaybePromise<void> => {
    for (; i < stages.length; i++) {
      ended = i + 1;
      const r = endStage(stages[i]);
      if (r instanceof Promise) {
        const at = i;
        return r.then(() => endFrom(at + 1));
      }
    }
    return undefined;
  };
  const onStop = (e: unknown): MaybePromise<void> => {
    if (e instanceof StopUpstream) {
      const origin = stages.indexOf(e.origin);
      if (origin >= 0 && origin >= ended) return recover(endFrom(origin));
    }
    throw e;
  };
  const recover = (r: MaybePromise<void>): MaybePromise<void> => (r instanceof Promise ? r.catch(onStop) : r);
  let r: MaybePromise<void>;
  try {
    r = chain(
      () => beginAll(stages),
      () => feed(stages[0], source, signal),
      () => endFrom(0),
    );
    r = r instanceof Promise ? r.catch(onStop) : r;
  } catch (e) {
    try {
      r = onStop(e);
    } catch (e2) {
      disposeAll(stages);
      throw e2;
    }
  }
  if (r instanceof Promise) return r.finally(() => disposeAll(stages));
  disposeAll(stages);
  return r;
}

function disposeAll(stages: CommandProcessor[]): void {
  for (const stage of stages) stage.dispose?.();
}

function endStage(stage: CommandProcessor): MaybePromise<void> {
  const r = stage.end();
  if (r instanceof Promise) return r.then(() => stage.settled());
  return stage.settled();
}

function beginAll(stages: CommandProcessor[], i = 0): MaybePromise<void> {
  for (; i < stages.length; i++) {
    const r = stages[i].begin();
    if (r instanceof Promise) {
      const at = i;
      return r.then(() => beginAll(stages, at + 1));
    }
  }
  return undefined;
}

const neverAborted = new AbortController().signal;

function feed(first: CommandProcessor, source: Iterable<unknown> | undefined, signal = neverAborted): MaybePromise<void> {
  if (!source) return settle(first, first.process(undefined, false));
  const interrupt = abortFlag(signal);
  if (interrupt.aborted) throw pipelineStopped();
  if (source instanceof IntRange) return feedRange(first, source, source.from, interrupt);
  if (Array.isArray(source)) return feedArray(first, source, 0, interrupt);
  const it = source[Symbol.iterator]();
  const loop = (): MaybePromise<void> => {
    for (;;) {
      const c = checkpoint(interrupt);
      if (c) return c.then(loop);
      const n = it.next();
      if (n.done) return undefined;
      const r = first.process(n.value, true);
      if (r instanceof Promise) return r.then(() => settle(first, undefined)).then(loop);
      const s = first.settled();
      if (s instanceof Promise) return s.then(loop);
    }
  };
  try {
    const r = loop();
    if (r instanceof Promise) return r.catch((e) => closeIterator(it, e));
    return r;
  } catch (e) {
    return closeIterator(it, e);
  }
}

/** The common `1..N | ...`: plain numbers, no iterator, no result object per element. */
function feedRange(first: CommandProcessor, range: IntRange, from: number, interrupt: AbortFlag): MaybePromise<void> {
  const { step, to } = range;
  for (let i = from; step === 1 ? i <= to : i >= to; i += step) {
    const c = checkpoint(interrupt);
    if (c) {
      const at = i;
      return c.then(() => feedRange(first, range, at, interrupt));
    }
    const r = first.process(i, true);
    if (r instanceof Promise) {
      const next = i + step;
      return r.then(() => settle(first, undefined)).then(() => feedRange(first, range, next, interrupt));
    }
    const s = first.settled();
    if (s instanceof Promise) {
      const next = i + step;
      return s.then(() => feedRange(first, range, next, interrupt));
    }
  }
  return undefined;
}

/** `$list | ...`: the elements by index, no iterator object or result object per element. */
function feedArray(first: CommandProcessor, items: unknown[], from: number, interrupt: AbortFlag): MaybePromise<void> {
  // items.length is read each time, as the array iterator would: a block that appends sees its additions.
  for (let i = from; i < items.length; i++) {
    const c = checkpoint(interrupt);
    if (c) {
      const at = i;
      return c.then(() => feedArray(first, items, at, interrupt));
    }
    const item = items[i];
    if (item === AutomationNull) continue; // an element that is "no output" is not sent (PowerShell 7.3)
    const r = first.process(item, true);
    if (r instanceof Promise) {
      const next = i + 1;
      return r.then(() => settle(first, undefined)).then(() => feedArray(first, items, next, interrupt));
    }
    const s = first.settled();
    if (s instanceof Promise) {
      const next = i + 1;
      return s.then(() => feedArray(first, items, next, interrupt));
    }
  }
  return undefined;
}

/** What a value sends down a pipeline: an array's own elements (the array itself), nothing for AutomationNull, else the value. */
export function pipelineInput(value: unknown): Iterable<unknown> {
  return Array.isArray(value) ? value : enumerate(value);
}

function closeIterator(it: Iterator<unknown>, e: unknown): never {
  it.return?.();
  throw e;
}

function settle(stage: CommandProcessor, r: MaybePromise<void>): MaybePromise<void> {
  if (r instanceof Promise) return r.then(() => stage.settled());
  return stage.settled();
}

function chain(...steps: (() => MaybePromise<void>)[]): MaybePromise<void> {
  const go = (i: number): MaybePromise<void> => {
    for (; i < steps.length; i++) {
      const r = steps[i]();
      if (r instanceof Promise) {
        const at = i;
        return r.then(() => go(at + 1));
      }
    }
    return undefined;
  };
  return go(0);
}
