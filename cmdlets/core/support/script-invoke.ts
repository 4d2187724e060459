// Running a script block synchronously with `$this` set (script properties and script methods added by
// Add-Member, read later by member access that cannot wait), in a child scope of the command's scope.
import type { CmdletContext } from '../../../src/pipeline/context.ts';
import type { CmdletProcessor } from '../../../src/pipeline/cmdlet-processor.ts';
import { invokeScriptBlockSync } from '../../../src/runtime/evaluator/invoke-block.ts';
import type { Frame } from '../../../src/runtime/evaluator/frame.ts';
import { Scope } from '../../../src/runtime/scope.ts';
import type { ScriptBlock } from '../../../src/runtime/scriptblock.ts';
import type { Scope as ScopeType } from '../../../src/runtime/scope.ts';

/** The scope the command was invoked from (for Set-Variable, Tee-Object -Variable...). */
export function callerScope(ctx: CmdletContext): ScopeType {
  const proc = ctx.state.processor as CmdletProcessor | undefined;
  return proc?.site.scope ?? ctx.session.globalScope;
}

/** Builds a function that runs `block` with `$this` (and `$args`), returning its output. */
export function thisInvoker(ctx: CmdletContext, block: ScriptBlock): (self: unknown, args: unknown[]) => unknown[] {
  const proc = ctx.state.processor as CmdletProcessor | undefined;
  const session = ctx.session;
  const parent = proc?.site.scope ?? session.globalScope;
  const streams = proc?.site.streams;
  return (self, args) => {
    const scope = new Scope(parent);
    scope.setLocal('this', self);
    const frame: Frame = {
      session,
      scope,
      source: block.source,
      streams: streams ?? { error() {}, warning() {}, verbose() {}, debug() {}, information() {}, progress() {} },
      out: () => undefined,
    };
    return invokeScriptBlockSync(frame, block, { args });
  };
}

/** A script's output as one value: nothing → null, one object → itself, several → an array. */
export function single(out: unknown[]): unknown {
  return out.length === 0 ? null : out.length === 1 ? out[0] : out;
}

/** Builds a synchronous `$_` evaluator for a script block (calculated properties of the Format-* cmdlets). */
export function dollarUnderInvoker(ctx: CmdletContext, block: ScriptBlock): (dollarUnder: unknown) => unknown {
  const proc = ctx.state.processor as CmdletProcessor | undefined;
  const session = ctx.session;
  const scope = proc?.site.scope ?? session.globalScope;
  const streams = proc?.site.streams ?? { error() {}, warning() {}, verbose() {}, debug() {}, information() {}, progress() {} };
  return (dollarUnder) => {
    const frame: Frame = { session, scope, source: block.source, streams, out: () => undefined };
    return single(invokeScriptBlockSync(frame, block, { dollarUnder }));
  };
}

/** A frame for the command's caller (for runtime helpers that need one). */
export function callerFrame(ctx: CmdletContext): Frame {
  const proc = ctx.state.processor as CmdletProcessor | undefined;
  return {
    session: ctx.session,
    scope: proc?.site.scope ?? ctx.session.globalScope,
    source: proc?.site.source ?? { text: '' },
    streams: proc?.site.streams ?? { error() {}, warning() {}, verbose() {}, debug() {}, information() {}, progress() {} },
    out: () => undefined,
  };
}
