// A pipeline stage: begin once, process per input object, end once (PowerShell's order).
import type { MaybePromise } from '../runtime/maybe-promise.ts';
import type { Sink } from './output-pipe.ts';

export interface CommandProcessor {
  /** Set by the pipeline runner before begin(). */
  output: Sink;
  /** True when the stage is not first: it receives input objects. */
  expectingInput: boolean;
  /** 1-based position in the pipeline (for mandatory-parameter prompts). */
  pipelinePosition: number;
  /** Set by the pipeline runner: how many elements the pipeline has (for $MyInvocation.PipelineLength). */
  pipelineLength?: number;
  begin(): MaybePromise<void>;
  /** `input` is undefined for a first stage, which is processed exactly once. */
  process(input: unknown, hasInput: boolean): MaybePromise<void>;
  end(): MaybePromise<void>;
  /** Waits until everything this stage wrote has been taken downstream. */
  settled(): MaybePromise<void>;
  /** Called once when the pipeline is over, however it ended (releases what begin set up). */
  dispose?(): void;
}

/**
 * Thrown by a stage (Select-Object -First) that needs no more input: the stages before it stop
 * without running their end blocks; it and the stages after it end normally.
 */
export class StopUpstream extends Error {
  /** Control flow, not a failure: statements and try/catch let it pass (compile-statement.ts asTerminating). */
  readonly psSignal = true;

  constructor(public readonly origin: CommandProcessor) {
    super('The pipeline has been stopped.');
  }
}
