// Runs one declared cmdlet as a pipeline stage: binds its parameters, prompts for missing mandatory
// ones, and gives it a CmdletContext whose streams honour the common parameters and preferences.
import type { Span } from '../../grammar/ast.ts';
import { ErrorRecord, PSException, TerminatingError, type CommandRef, type InvocationInfo } from '../runtime/errors.ts';
import { then, type MaybePromise } from '../runtime/maybe-promise.ts';
import type { Scope } from '../runtime/scope.ts';
import type { ScriptBlock, SourceInfo } from '../runtime/scriptblock.ts';
import type { Session } from '../runtime/session.ts';
import type { Streams } from '../runtime/streams.ts';
import { PSHashtable } from '../runtime/values.ts';
import { ParameterBinder, type CommandArgument } from './binder.ts';
import { BindingError } from './binding-error.ts';
import type { BoundParameters, Cmdlet, ParameterDeclarations } from './cmdlet.ts';
import { promptForMandatory } from './mandatory-prompt.ts';
import { OutputPipe, type Sink } from './output-pipe.ts';
import { CommandParameters } from './parameter-metadata.ts';
import type { CommandProcessor } from './processor.ts';
import { CmdletStreams } from './cmdlet-streams.ts';

/** A script block made ready to run once per pipeline object (ForEach-Object, Where-Object). */
export interface PreparedBlock {
  /** Runs the block with `$_` set to `dollarUnder`, restoring the scope's previous `$_` afterwards. */
  run: (dollarUnder: unknown) => MaybePromise<void>;
  /** Removes the `$_` variable the block added to the scope, if it did (called when the pipeline is over). */
  release: () => void;
  /**
   * Only for a body that is one expression (`{ $_ -gt 1 }`): makes a run that returns the expression's
   * value instead of writing it (errors handled as the statement's); release() covers it too.
   */
  valueRun?: () => (dollarUnder: unknown) => MaybePromise<unknown>;
}

export interface InvocationSite {
  session: Session;
  scope: Scope;
  streams: Streams;
  source: SourceInfo;
  span?: Span;
  /** Runs a script block in a child scope of `scope`, collecting output. */
  invokeScriptBlock(block: ScriptBlock, options: { dollarUnder?: unknown; args?: unknown[] }): MaybePromise<unknown[]>;
  /** Makes a block ready to run once per object in `scope` with `$_` set, its output going to `out`. */
  prepareScriptBlock(block: ScriptBlock, out: (value: unknown) => MaybePromise<void>): PreparedBlock;
}

const metadataCache = new WeakMap<Cmdlet, CommandParameters>();

export function parametersOf(cmdlet: Cmdlet): CommandParameters {
  let m = metadataCache.get(cmdlet);
  if (!m) {
    m = new CommandParameters(cmdlet, cmdlet.commandId ?? cmdlet.name);
    metadataCache.set(cmdlet, m);
  }
  return m;
}

export class CmdletProcessor implements CommandProcessor {
  output: Sink = () => {};
  expectingInput = false;
  pipelinePosition = 1;
  pipelineLength?: number;
  private invocationRecord?: InvocationInfo;
  private pipe!: OutputPipe;
  private readonly binder: ParameterBinder;
  private streams!: CmdletStreams;
  private params!: BoundParameters<ParameterDeclarations>;
  parameterSetName = '';

  constructor(
    readonly cmdlet: Cmdlet,
    readonly invocationName: string,
    private readonly args: CommandArgument[],
    readonly site: InvocationSite,
    private readonly options: {
      collectRemainingIntoArgs?: boolean;
      scriptParameters?: boolean;
      initialState?: Record<string, unknown>;
      /** MyCommand of a function or script (a cmdlet is its own). */
      command?: CommandRef;
    } = {},
  ) {
    this.binder = new ParameterBinder(parametersOf(cmdlet), options);
  }

  get extraArgs(): unknown[] {
    return this.binder.extraArgs;
  }

  get boundParameters(): Map<string, unknown> {
    // The pass-through fast path (process) leaves the Map alone per object; bring it up to date on demand.
    const through = this.binder.passThroughName;
    if (through !== undefined) this.binder.bindPassThrough((this.params as Record<string, unknown>)[through]);
    return this.binder.bound;
  }

  private bindingFailure(e: unknown): never {
    if (e instanceof BindingError) {
      const record = e.toErrorRecord(this.invocationName, parametersOf(this.cmdlet).commandId, {
        source: this.site.source.text,
        scriptName: this.site.source.fileName,
        span: this.site.span,
      });
      throw new TerminatingError(record);
    }
    throw e;
  }

  begin(): MaybePromise<void> {
    this.pipe = new OutputPipe(this.output);
    try {
      this.binder.bindCommandLine(this.args);
    } catch (e) {
      this.bindingFailure(e);
    }
    return then(this.resolveSetAndMandatory(), () => {
      this.params = this.snapshot();
      this.streams = new CmdletStreams(this, this.site, this.pipe, this.options.initialState);
      const ctx = this.streams.context(undefined);
      const begin = this.cmdlet.begin;
      return begin ? this.guard(() => begin(this.params, ctx)) : undefined;
    });
  }

  private resolveSetAndMandatory(): MaybePromise<void> {
    try {
      this.parameterSetName = this.binder.resolveParameterSet(this.expectingInput);
      const missing = this.binder.missingMandatory(this.parameterSetName, this.expectingInput);
      if (missing.length === 0) return undefined;
      return promptForMandatory(this.site.session, this.cmdlet, this.pipelinePosition, missing, this.binder).catch((e) =>
        this.bindingFailure(e),
      );
    } catch (e) {
      this.bindingFailure(e);
    }
  }

  private snapshot(): BoundParameters<ParameterDeclarations> {
    // A copy of the command's template object, then stores to properties it already has: a fast (not
    // dictionary-mode) object, where adding ~20 parameters one by one would not be, and ten times quicker
    // to make than Object.fromEntries. Cmdlets read it per object; nested pipelines make one per run.
    const values: Record<string, unknown> = { ...this.binder.params.valuesTemplate };
    const bound = this.binder.bound;
    for (const p of this.binder.params.list) {
      values[p.name] = bound.has(p.name) ? bound.get(p.name) : p.decl.type === 'switch' ? false : undefined;
    }
    return values as BoundParameters<ParameterDeclarations>;
  }

  /** Updates only what pipeline binding changed, instead of rebuilding every parameter per object. */
  private refreshPipelineParameters(previous: string[]): void {
    const values = this.params as Record<string, unknown>;
    for (const name of previous) values[name] = undefined;
    for (const name of this.binder.pipelineBoundNames()) values[name] = this.binder.bound.get(name);
  }

  process(input: unknown, hasInput: boolean): MaybePromise<void> {
    const run = this.cmdlet.process;
    const through = this.binder.passThroughName;
    if (hasInput && through !== undefined) {
      (this.params as Record<string, unknown>)[through] = input;
      const handler = this.streams.inputHandler;
      if (handler !== undefined) {
        // The cmdlet's own per-object function (ctx.handleInput): no process call, no context reads.
        this.streams.context(input);
        try {
          const r = handler(input);
          return r instanceof Promise ? rethrowLater(this, r) : undefined;
        } catch (e) {
          this.rethrow(e);
        }
      }
    } else if (hasInput) {
      const previous = [...this.binder.pipelineBoundNames()];
      const takesInput = this.binder.takesPipelineInput();
      const bound = takesInput && this.bindInput(input);
      if (!bound && takesInput) return undefined;
      if (!takesInput && !this.options.collectRemainingIntoArgs) {
        // A command that takes no pipeline input still runs once per object in PowerShell only when
        // it binds something; otherwise every object is an InputObjectNotBound error. (A simple function
        // or filter takes any object, as `$_` in its process block and as `$input`.)
        this.streams.writeError(
          new BindingError(
            'InputObjectNotBound',
            'The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.',
            { targetObject: input },
          ).toErrorRecord(this.invocationName, parametersOf(this.cmdlet).commandId, this.invocation()),
        );
        return undefined;
      }
      this.refreshPipelineParameters(previous);
    }
    if (!run) return undefined;
    const ctx = this.streams.context(hasInput ? input : undefined);
    // Inline rather than guard(), and no closure here (see combinators.ts): this runs per input object.
    try {
      const r = run(this.params, ctx);
      return r instanceof Promise ? rethrowLater(this, r) : undefined;
    } catch (e) {
      this.rethrow(e);
    }
  }

  private bindInput(input: unknown): boolean {
    try {
      if (this.binder.bindPipelineObject(input)) {
        if (!this.binder.hasPipelineMandatory()) return true;
        const missing = this.binder.missingMandatory(this.binder.resolveParameterSet(false), false);
        if (missing.length === 0) return true;
        this.streams.writeError(
          new BindingError(
            'InputObjectNotBound',
            'The input object cannot be bound because it did not contain the information required to bind all mandatory parameters:' +
              missing.map((m) => ` ${m.name}`).join(''),
            { targetObject: input },
          ).toErrorRecord(this.invocationName, parametersOf(this.cmdlet).commandId, this.invocation()),
        );
        return false;
      }
      this.streams.writeError(
        new BindingError(
          'InputObjectNotBound',
          'The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.',
          { targetObject: input },
        ).toErrorRecord(this.invocationName, parametersOf(this.cmdlet).commandId, this.invocation()),
      );
      return false;
    } catch (e) {
      if (e instanceof BindingError) {
        this.streams.writeError(e.toErrorRecord(this.invocationName, parametersOf(this.cmdlet).commandId, this.invocation()));
        return false;
      }
      throw e;
    }
  }

  /** The command's InvocationInfo ($MyInvocation of a function or script), made once. */
  invocation(): InvocationInfo {
    return (this.invocationRecord ??= {
      source: this.site.source.text,
      scriptName: this.site.source.fileName,
      span: this.site.span,
      commandName: this.invocationName,
      command: this.options.command ?? { kind: 'Cmdlet', name: this.cmdlet.name, cmdlet: this.cmdlet },
      boundParameters: () => boundParameterTable(this.boundParameters),
      unboundArguments: () => this.extraArgs,
      pipelineLength: this.pipelineLength ?? this.pipelinePosition,
      pipelinePosition: this.pipelinePosition,
      expectingInput: this.expectingInput,
    });
  }

  end(): MaybePromise<void> {
    const run = this.cmdlet.end;
    if (!run) return undefined;
    const ctx = this.streams.context(undefined);
    return this.guard(() => run(this.params, ctx));
  }

  settled(): MaybePromise<void> {
    return this.pipe.settled();
  }

  dispose(): void {
    this.streams?.dispose();
  }

  /** Converts stray JavaScript errors from cmdlet code into terminating ErrorRecords. */
  private guard(fn: () => void | Promise<void>): MaybePromise<void> {
    try {
      const r = fn();
      return r instanceof Promise ? r.catch((e) => this.rethrow(e)) : undefined;
    } catch (e) {
      this.rethrow(e);
    }
  }

  rethrow(e: unknown): never {
    if (e instanceof PSException && !(e instanceof TerminatingError)) {
      const record =
        e.errorRecord ??
        new ErrorRecord({
          exception: e,
          errorId: (e as PSException & { errorId?: string }).errorId ?? e.typeName.split('.').pop() ?? 'RuntimeException',
          category: (e as PSException & { category?: ErrorRecord['category'] }).category ?? 'NotSpecified',
          activity: this.invocationName,
          commandId: parametersOf(this.cmdlet).commandId,
          invocation: this.invocation(),
        });
      record.invocation ??= this.invocation();
      throw new TerminatingError(record);
    }
    throw e;
  }
}

function boundParameterTable(bound: Map<string, unknown>): PSHashtable {
  const table = new PSHashtable();
  for (const [k, v] of bound) table.set(k, v);
  return table;
}

function rethrowLater(processor: CmdletProcessor, pending: Promise<void>): Promise<void> {
  return pending.catch((e) => processor.rethrow(e));
}
