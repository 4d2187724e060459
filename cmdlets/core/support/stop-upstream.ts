// Stopping the stages before a command once it needs no more input (Select-Object -First): the
// pipeline runner recognises StopUpstream thrown with the stage itself as its origin.
import type { CmdletContext } from '../../../src/pipeline/context.ts';
import { StopUpstream, type CommandProcessor } from '../../../src/pipeline/processor.ts';

/** Throws StopUpstream for this command when it has upstream stages to stop; returns otherwise. */
export function stopUpstream(ctx: CmdletContext): void {
  const processor = ctx.state.processor as CommandProcessor | undefined;
  if (processor && ctx.expectingInput) throw new StopUpstream(processor);
}
