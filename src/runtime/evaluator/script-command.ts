// Functions, filters, script blocks run with `&`, and .ps1 scripts, as pipeline stages bound by the
// same binder as cmdlets. begin/process/end run in one new scope whose parent is the caller's scope
// (dot-sourcing runs in the caller's scope itself).
import type { StatementBlockAst } from '../../../grammar/ast.ts';
import type { CommandArgument } from '../../pipeline/binder.ts';
import { defineCmdlet, type Cmdlet } from '../../pipeline/cmdlet.ts';
import { CmdletProcessor, type InvocationSite } from '../../pipeline/cmdlet-processor.ts';
import type { CmdletContext } from '../../pipeline/context.ts';
import { then, type MaybePromise } from '../maybe-promise.ts';
import { Scope } from '../scope.ts';
import type { ScriptBlock } from '../scriptblock.ts';
import { PSHashtable } from '../values.ts';
import { compileExpression } from './compile-expression.ts';
import { compileStatementBlock } from './compile-statement.ts';
import { ReturnSignal, type Frame } from './frame.ts';
import { buildParameterDeclarations, cmdletBindingOptions, declaredParameters } from './script-parameters.ts';

interface ScriptState {
  fnFrame?: Frame;
  /** $PSBoundParameters, brought up to date with each pipeline object. */
  boundParameters?: PSHashtable;
  input: unknown[];
  callerFrame: Frame;
}

export interface ScriptCommandOptions {
  name: string;
  dotSource: boolean;
  /** A .ps1 file gets a script scope ($script: targets it) and $PSScriptRoot. */
  scriptFile?: string;
}

function runBlock(block: StatementBlockAst | undefined, frame: Frame): MaybePromise<void> {
  if (!block) return undefined;
  const run = compileStatementBlock(block);
  const handle = (e: unknown) => {
    if (e instanceof ReturnSignal) return undefined;
    throw e;
  };
  try {
    const r = run(frame);
    return r instanceof Promise ? r.catch(handle) : r;
  } catch (e) {
    return handle(e);
  }
}

export function createScriptCommand(
  sb: ScriptBlock,
  options: ScriptCommandOptions,
  args: CommandArgument[],
  caller: Frame,
  site: InvocationSite,
): CmdletProcessor {
  const ast = sb.ast;
  const binding = cmdletBindingOptions(ast);
  const advanced = sb.isAdvanced;
  const params = declaredParameters(sb);
  const isFilter = sb.isFilter;
  const hasNamedBlocks = !!(ast.begin || ast.process) || isFilter;
  const endBlock = isFilter ? undefined : ast.end;
  const processBlock = isFilter ? ast.end : ast.process;

  const begin = (_p: unknown, ctx: CmdletContext): MaybePromise<void> => {
    const state = ctx.state as ScriptState;
    const scope = options.dotSource ? caller.scope : new Scope(caller.scope, !!options.scriptFile);
    const fnFrame: Frame = {
      session: caller.session,
      scope,
      source: sb.source,
      streams: caller.streams,
      out: (v) => ctx.write(v, false),
    };
    state.fnFrame = fnFrame;
    state.input = [];
    const bound = new PSHashtable();
    for (const [k, v] of processor.boundParameters) bound.set(k, v);
    scope.setLocal('PSBoundParameters', bound);
    state.boundParameters = bound;
    scope.setLocal('args', processor.extraArgs);
    if (options.scriptFile) {
      scope.setLocal('PSScriptRoot', options.scriptFile.replace(/[\\/][^\\/]*$/, ''));
      scope.setLocal('PSCommandPath', options.scriptFile);
    }
    return then(assignParameters(fnFrame, processor.boundParameters), () => runBlock(ast.begin, fnFrame));
  };

  const assignParameters = (frame: Frame, bound: Map<string, unknown>): MaybePromise<void> => {
    const go = (i: number): MaybePromise<void> => {
      for (; i < params.length; i++) {
        const p = params[i];
        if (bound.has(p.name)) {
          frame.scope.setLocal(p.name, bound.get(p.name));
          continue;
        }
        if (p.defaultValue) {
          const r = compileExpression(p.defaultValue)(frame);
          if (r instanceof Promise) {
            const at = i;
            return r.then((v) => {
              frame.scope.setLocal(p.name, v);
              return go(at + 1);
            });
          }
          frame.scope.setLocal(p.name, r);
        } else {
          const t = p.type?.name.toLowerCase();
          frame.scope.setLocal(p.name, t === 'switch' ? false : null);
        }
      }
      return undefined;
    };
    return go(0);
  };

  const process = (_p: unknown, ctx: CmdletContext): MaybePromise<void> => {
    const state = ctx.state as ScriptState;
    const frame = state.fnFrame!;
    if (ctx.expectingInput) {
      for (const [k, v] of processor.boundParameters) {
        frame.scope.setLocal(k, v);
        state.boundParameters?.set(k, v);
      }
      if (!hasNamedBlocks) {
        state.input.push(ctx.inputObject);
        return undefined;
      }
      frame.scope.setLocal('_', ctx.inputObject);
    }
    return runBlock(processBlock, frame);
  };

  const end = (_p: unknown, ctx: CmdletContext): MaybePromise<void> => {
    const state = ctx.state as ScriptState;
    const frame = state.fnFrame!;
    frame.scope.setLocal('input', state.input);
    return runBlock(endBlock, frame);
  };

  const cmdlet: Cmdlet = defineCmdlet({
    name: options.name,
    synopsis: '',
    description: '',
    module: '',
    parameters: buildParameterDeclarations(sb, caller),
    defaultParameterSet: binding.defaultParameterSet,
    supportsShouldProcess: binding.supportsShouldProcess,
    examples: [],
    noCommonParameters: !advanced,
    begin,
    process,
    end,
  });
  const processor = new CmdletProcessor(cmdlet, options.name, args, site, {
    collectRemainingIntoArgs: !advanced,
    scriptParameters: true,
    initialState: { callerFrame: caller },
  });
  return processor;
}
