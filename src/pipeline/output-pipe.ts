// Connects a command's output to the next pipeline stage. Writing is fire-and-forget for the cmdlet:
// when the next stage is synchronous the object flows through at once; when it is busy (awaiting
// crypto or I/O), later objects queue in order and `settled()` tells when all have been taken.
import type { MaybePromise } from '../runtime/maybe-promise.ts';

export type Sink = (value: unknown) => MaybePromise<void>;

export class OutputPipe {
  private pending: Promise<void> | undefined;
  private readonly queue: unknown[] = [];

  constructor(private readonly target: Sink) {}

  write = (value: unknown): void => {
    if (this.pending) {
      this.queue.push(value);
      return;
    }
    const r = this.target(value);
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
