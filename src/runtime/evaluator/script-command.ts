// Functions, filters, script blocks run with `&`, and .ps1 scripts, as pipeline stages bound by the
// same binder as cmdlets. begin/process/end run in one new scope whose parent is the caller's scope
// (dot-sourcing runs in the caller's scope itself).
import type { ScriptBlockAst, StatementBlockAst } from '../../../grammar/ast.ts';
import type { CommandArgument } from '../../pipeline/binder.ts';
import { defineCmdlet, type Cmdlet } from '../../pipeline/cmdlet.ts';
import { CmdletProcessor, type InvocationSite } from '../../pipeline/cmdlet-processor.ts';
import type { CmdletContext } from '../../pipeline/context.ts';
import type { CmdletStreams } from '../../pipeline/cmdlet-streams.ts';
import { then, type MaybePromise } from '../maybe-promise.ts';
import { Scope } from '../scope.ts';
import type { ScriptBlock, SourceInfo } from '../scriptblock.ts';
import type { CommandRef } from '../errors.ts';
import { InputEnumerator } from '../input-enumerator.ts';
import { InvocationInfoObject } from '../invocation-info.ts';
import { endsCommand, ScriptCmdletObject } from '../script-cmdlet.ts';
import { toPSString } from '../to-string.ts';
import { PSHashtable } from '../values.ts';
import { compileExpression } from './compile-expression.ts';
import { compileStatementBlock } from './compile-statement.ts';
import { ReturnSignal, type Frame } from './frame.ts';
import { buildParameterDeclarations, cmdletBindingOptions, declaredParameters, validatesWithCaller } from './script-parameters.ts';
import { commonParameterPreferences } from '../../pipeline/common-parameters.ts';

interface ScriptState {
  fnFrame?: Frame;
  /** $PSBoundParameters, brought up to date with each pipeline object. */
  boundParameters?: PSHashtable;
  /** `$input` of a block without begin/process: every pipeline object. */
  input: InputEnumerator;
  /** `$input` of a process block: the current object. */
  current?: InputEnumerator;
  /** The caller's `$MyInvocation`, put back when a dot-sourced command ends. */
  savedInvocation?: unknown;
  callerFrame: Frame;
  options: ScriptCommandOptions;
  /** The block's source text (for error positions). */
  source: SourceInfo;
  /** Defined by CmdletStreams: the stage running the command, and its streams. */
  processor: CmdletProcessor;
  streams: CmdletStreams;
}

export interface ScriptCommandOptions {
  name: string;
  /** The name typed, when it differs from the command's (an alias of a function). */
  invocationName?: string;
  dotSource: boolean;
  /** A .ps1 file gets a script scope ($script: targets it) and $PSScriptRoot. */
  scriptFile?: string;
}

function runBlock(block: StatementBlockAst | undefined, frame: Frame, processor: CmdletProcessor): MaybePromise<void> {
  if (!block) return undefined;
  const run = compileStatementBlock(block);
  const handle = (e: unknown) => {
    if (e instanceof ReturnSignal) return undefined;
    endsCommand(e, processor);
    throw e;
  };
  try {
    const r = run(frame);
    return r instanceof Promise ? r.catch(handle) : r;
  } catch (e) {
    return handle(e);
  }
}

/**
 * The declaration a script block runs under, built once per block and name: building it (and the binder's
 * parameter metadata it keys) for every call made a function call cost tens of microseconds. Everything
 * that belongs to one call lives in ctx.state. A block with [ValidateScript()] parameters is declared per
 * call, since its validation runs against the caller's frame.
 */
const declarations = new WeakMap<ScriptBlockAst, Map<string, Cmdlet>>();

export function createScriptCommand(
  sb: ScriptBlock,
  options: ScriptCommandOptions,
  args: CommandArgument[],
  caller: Frame,
  site: InvocationSite,
): CmdletProcessor {
  let cmdlet: Cmdlet | undefined;
  if (validatesWithCaller(sb)) cmdlet = declareScriptCommand(sb, options.name, caller);
  else {
    // Keyed by the syntax tree: `& { ... }` makes a new ScriptBlock value each time it runs.
    let byName = declarations.get(sb.ast);
    if (!byName) declarations.set(sb.ast, (byName = new Map()));
    cmdlet = byName.get(options.name);
    if (!cmdlet) byName.set(options.name, (cmdlet = declareScriptCommand(sb, options.name, caller)));
  }
  const initialState: Omit<ScriptState, 'processor' | 'streams' | 'input'> = { callerFrame: caller, options, source: sb.source };
  return new CmdletProcessor(cmdlet, options.invocationName ?? options.name, args, site, {
    collectRemainingIntoArgs: !sb.isAdvanced,
    scriptParameters: true,
    initialState,
    command: commandRefOf(sb, options),
  });
}

/** MyCommand of the invocation: the script file, the function or filter, or the script block run with `&`. */
function commandRefOf(sb: ScriptBlock, options: ScriptCommandOptions): CommandRef {
  if (options.scriptFile) return { kind: 'ExternalScript', name: options.scriptFile.replace(/^.*[\\/]/, ''), path: options.scriptFile, scriptBlock: sb };
  if (options.name === '') return { kind: 'Script', name: '', scriptBlock: sb };
  return { kind: sb.isFilter ? 'Filter' : 'Function', name: options.name, scriptBlock: sb };
}

/** [CmdletBinding(ConfirmImpact = 'High')] as the declaration's ConfirmImpact (PowerShell's default is Medium). */
function confirmImpactOf(value: unknown): Cmdlet['confirmImpact'] {
  const name = value === undefined || value === null ? '' : toPSString(value).toLowerCase();
  return (['None', 'Low', 'Medium', 'High'] as const).find((n) => n.toLowerCase() === name);
}

function declareScriptCommand(sb: ScriptBlock, name: string, caller: Frame): Cmdlet {
  const ast = sb.ast;
  const binding = cmdletBindingOptions(ast);
  const params = declaredParameters(sb);
  const isFilter = sb.isFilter;
  const hasNamedBlocks = !!(ast.begin || ast.process) || isFilter;
  const endBlock = isFilter ? undefined : ast.end;
  const processBlock = isFilter ? ast.end : ast.process;

  const begin = (_p: unknown, ctx: CmdletContext): MaybePromise<void> => {
    const state = ctx.state as ScriptState;
    const { callerFrame: caller, options, processor } = state;
    const scope = options.dotSource ? caller.scope : new Scope(caller.scope, !!options.scriptFile);
    const fnFrame: Frame = {
      session: caller.session,
      scope,
      source: state.source,
      streams: processor.site.streams, // the caller's, unless a redirection (2> file, *> $null) replaced them
      out: (v) => ctx.write(v, false),
    };
    state.fnFrame = fnFrame;
    state.input = new InputEnumerator();
    const bound = new PSHashtable();
    for (const [k, v] of processor.boundParameters) bound.set(k, v);
    scope.setLocal('PSBoundParameters', bound);
    state.boundParameters = bound;
    scope.setLocal('args', processor.extraArgs);
    const invocation = processor.invocation();
    invocation.boundParameters = () => bound;
    const myInvocation = new InvocationInfoObject(invocation);
    if (options.dotSource) state.savedInvocation = scope.lookup('MyInvocation')?.value;
    scope.setLocal('MyInvocation', myInvocation);
    if (sb.isAdvanced) {
      state.streams.preferenceScope = scope;
      const runtime = { commandName: commandRefOf(sb, options).name, processor, streams: state.streams, ctx, scope };
      scope.setLocal('PSCmdlet', new ScriptCmdletObject(myInvocation, runtime));
    }
    if (hasNamedBlocks) scope.setLocal('input', (state.current = new InputEnumerator()));
    if (!options.dotSource) for (const [name, value] of commonParameterPreferences(processor.boundParameters)) scope.setLocal(name, value);
    if (options.scriptFile) {
      scope.setLocal('PSScriptRoot', options.scriptFile.replace(/[\\/][^\\/]*$/, ''));
      scope.setLocal('PSCommandPath', options.scriptFile);
    }
    return then(assignParameters(fnFrame, processor.boundParameters), () => runBlock(ast.begin, fnFrame, processor));
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
      for (const [k, v] of state.processor.boundParameters) {
        frame.scope.setLocal(k, v);
        state.boundParameters?.set(k, v);
      }
      if (!hasNamedBlocks) {
        state.input.push(ctx.inputObject);
        return undefined;
      }
      frame.scope.setLocal('_', ctx.inputObject);
      state.current?.resetTo(ctx.inputObject);
    }
    return runBlock(processBlock, frame, state.processor);
  };

  const end = (_p: unknown, ctx: CmdletContext): MaybePromise<void> => {
    const state = ctx.state as ScriptState;
    const frame = state.fnFrame!;
    if (state.current) state.current.length = 0; // the process block has taken every object
    else frame.scope.setLocal('input', state.input);
    const r = runBlock(endBlock, frame, state.processor);
    return state.options.dotSource ? then(r, () => void frame.scope.setLocal('MyInvocation', state.savedInvocation ?? null)) : r;
  };

  return defineCmdlet({
    name,
    synopsis: '',
    description: '',
    module: '',
    parameters: buildParameterDeclarations(sb, caller),
    defaultParameterSet: binding.defaultParameterSet,
    supportsShouldProcess: binding.supportsShouldProcess,
    confirmImpact: confirmImpactOf(binding.confirmImpact),
    examples: [],
    noCommonParameters: !sb.isAdvanced,
    begin,
    process,
    end,
  });
}
