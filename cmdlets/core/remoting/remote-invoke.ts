// Running a script block on a lab computer (Invoke-Command -Session / -ComputerName): the block runs
// in the remote session's global scope (variables it sets are there for the next Invoke-Command on
// that PSSession, as in a real PSSession), with -ArgumentList as its param() values and $args. What
// it outputs comes back to the caller with PSComputerName added (on a copy: PowerShell returns
// deserialized copies); its errors, including a terminating one, come back as error records.
import type { CmdletContext } from '../../../src/pipeline/context.ts';
import { asTerminating } from '../../../src/runtime/evaluator/compile-statement.ts';
import { ExitSignal, type Frame } from '../../../src/runtime/evaluator/frame.ts';
import { invokeScriptBlock } from '../../../src/runtime/evaluator/invoke-block.ts';
import { ErrorRecord, TerminatingError } from '../../../src/runtime/errors.ts';
import type { ScriptBlock } from '../../../src/runtime/scriptblock.ts';
import type { Streams } from '../../../src/runtime/streams.ts';
import { PSObject } from '../../../src/runtime/values.ts';
import { FORMAT_LINE_TYPE } from '../support/formatting.ts';
import type { LabPSSession } from './ps-session.ts';

/** A remote object as the caller receives it: a copy carrying PSComputerName (Format-* output passes as it is). */
export function fromComputer(value: unknown, computerName: string): unknown {
  if (!(value instanceof PSObject) || value.typeName === FORMAT_LINE_TYPE) return value;
  const copy = value.copy();
  copy.setProperty('PSComputerName', computerName);
  return copy;
}

/** A remote error as the caller receives it: a copy that says which computer it comes from (`+ PSComputerName`). */
function errorFromComputer(record: ErrorRecord, computerName: string): ErrorRecord {
  return new ErrorRecord({ ...record, originComputer: computerName });
}

export async function invokeOnLabComputer(ctx: CmdletContext, s: LabPSSession, block: ScriptBlock, args: unknown[], options: { hideComputerName?: boolean } = {}): Promise<void> {
  // The caller's -ErrorAction Stop (or a downstream failure) throws from these sinks; the remote
  // command is not interrupted by it, the exception is rethrown once it has finished.
  let thrown: { error: unknown } | undefined;
  const forward = (send: () => void): void => {
    if (thrown) return;
    try {
      send();
    } catch (error) {
      thrown = { error };
    }
  };
  const streams: Streams = {
    error: (record) => forward(() => ctx.writeError(errorFromComputer(record, s.computerName))),
    warning: (message) => forward(() => ctx.writeWarning(message)),
    verbose: (message) => forward(() => ctx.writeVerbose(message)),
    debug: (message) => forward(() => ctx.writeDebug(message)),
    information: (data) => forward(() => ctx.writeInformation(data)),
    progress: (record) => forward(() => ctx.writeProgress(record)),
  };
  const remote = s.remote;
  const frame: Frame = { session: remote, scope: remote.globalScope, source: block.source, streams, out: () => undefined };
  const out = (value: unknown): void => forward(() => ctx.write(options.hideComputerName ? value : fromComputer(value, s.computerName), false));
  try {
    await invokeScriptBlock(frame, block, { args, out });
  } catch (error) {
    if (!(error instanceof ExitSignal)) {
      const terminating = asTerminating(error, frame);
      if (!(terminating instanceof TerminatingError)) throw error;
      remote.lastSuccess = false;
      if (remote.errors[0] !== terminating.record) remote.recordError(terminating.record);
      streams.error(terminating.record);
    }
  }
  if (thrown) throw thrown.error;
}
