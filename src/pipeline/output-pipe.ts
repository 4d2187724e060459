// Connects a command's output to the next pipeline stage. Writing is fire-and-forget for the cmdlet:
// when the next stage is synchronous the object flows through at once; when it is busy (awaiting
// crypto or I/O), later objects queue in order and `settled()` tells when all have been taken.
import type { MaybePromise } from '../runtime/maybe-promise.ts';
import type { CommandProcessor } from './processor.ts';

export type Sink = (value: unknown) => MaybePromise<void>;

const stagesFed = new WeakMap<Sink, CommandProcessor>();

/** The sink that passes objects to the next stage's process (the pipe then calls that stage itself). */
export function stageInput(stage: CommandProcessor): Sink {
  const sink: Sink = (value) => stage.process(value, true);
  stagesFed.set(sink, stage);
  return sink;
}

export class OutputPipe {
  private pending: Promise<void> | undefined;
  private readonly queue: unknown[] = [];
  /** The stage `target` feeds, if it is a stageInput: called directly, one call less per object. */
  private readonly next: CommandProcessor | undefined;

  constructor(private readonly target: Sink) {
    this.next = stagesFed.get(target);
  }

  write = (value: unknown): void => {
    if (this.pending) {
      this.queue.push(value);
      return;
    }
    const r = this.next !== undefined ? this.next.process(value, true) : this.target(value);
    if (r instanceof Promise) {
      this.pending = this.drainAfter(r);
      this.pending.catch(() => {}); // observed through settled()
    }
  };

  private async drainAfter(first: Promise<void>): Promise<void> {
    try {
      await first;
      while (this.queue.length > 0) await this.target(this.queue.shift());
    } finally {
      this.pending = undefined;
    }
  }

  /** Resolves when every written object has been taken by the next stage (rethrows its error). */
  settled(): MaybePromise<void> {
    return this.pending;
  }
}
