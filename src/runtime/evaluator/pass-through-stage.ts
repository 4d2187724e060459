// The stage an expression's redirection hangs on: `"x" > file`, `$list >> file`, `1..3 > $null`.
// It passes every object on, so the redirection wrapper (redirection.ts) sees the expression's output.
import type { Sink } from '../../pipeline/output-pipe.ts';
import type { CommandProcessor } from '../../pipeline/processor.ts';

export class PassThroughStage implements CommandProcessor {
  output: Sink = () => undefined;
  expectingInput = true;
  pipelinePosition = 1;

  begin(): void {}

  process(input: unknown, hasInput: boolean): void {
    if (hasInput) this.output(input);
  }

  end(): void {}

  settled(): void {}
}
