// The CmdletContext given to cmdlet code: output, the error/warning/verbose/debug streams governed by
// -ErrorAction/-WarningAction/-Verbose/-Debug and the preference variables, -ErrorVariable/-OutVariable,
// and ShouldProcess with -WhatIf/-Confirm.
import { ErrorRecord, PSException, TerminatingError } from '../runtime/errors.ts';
import type { ProgressRecord } from '../runtime/host-ui.ts';
import type { MaybePromise } from '../runtime/maybe-promise.ts';
import type { Scope } from '../runtime/scope.ts';
import type { ScriptBlock } from '../runtime/scriptblock.ts';
import { toPSString } from '../runtime/to-string.ts';
import { ActionPreference } from './common-parameters.ts';
import type { CmdletContext, ErrorSpec } from './context.ts';
import type { CmdletProcessor, InvocationSite, PreparedBlock } from './cmdlet-processor.ts';
import type { OutputPipe } from './output-pipe.ts';
import { prepareCondition } from './prepared-condition.ts';
import { confirmAction, confirmQuestion, operationDescription, type ConfirmAnswer } from './should-process.ts';
import { AutomationNull, isEnumerable } from '../runtime/values.ts';

function preferenceName(value: unknown): string {
  if (typeof value === 'number') return ActionPreference.namesOf(value)[0] ?? 'Continue';
  return value === undefined || value === null ? 'Continue' : toPSString(value);
}

export class CmdletStreams {
  /** CmdletContext.state: shared by begin, process and end. */
  readonly sharedState: Record<string, unknown>;
  private readonly errorVariable: unknown[] | undefined;
  private readonly outVariable: unknown[] | undefined;
  private yesToAll = false;
  private noToAll = false;
  /**
   * Where $ErrorActionPreference & co. are read: the caller's scope; an advanced function's or script's
   * own scope once it runs (its $PSCmdlet writes as it would with the preferences it set).
   */
  preferenceScope: Scope;

  constructor(
    private readonly proc: CmdletProcessor,
    private readonly site: InvocationSite,
    private readonly pipe: OutputPipe,
    initialState: Record<string, unknown> = {},
  ) {
    this.sharedState = initialState;
    // The stage itself, for cmdlets that stop the stages before them (Select-Object -First: StopUpstream).
    Object.defineProperty(this.sharedState, 'processor', { value: proc, enumerable: false, configurable: true });
    Object.defineProperty(this.sharedState, 'streams', { value: this, enumerable: false, configurable: true });
    this.preferenceScope = site.scope;
    this.errorVariable = this.collector('ErrorVariable');
    this.outVariable = this.collector('OutVariable');
    const outVariable = this.outVariable;
    this.emit = outVariable
      ? (value) => {
          outVariable.push(value);
          pipe.write(value);
        }
      : pipe.write;
  }

  private bound(name: string): unknown {
    return this.proc.boundParameters.get(name);
  }

  private collector(param: string): unknown[] | undefined {
    const spec = this.bound(param);
    if (typeof spec !== 'string' || spec === '') return undefined;
    const append = spec.startsWith('+');
    const name = append ? spec.slice(1) : spec;
    const existing = this.site.scope.get(name);
    const list: unknown[] = append && Array.isArray(existing) ? existing : [];
    this.site.scope.setLocal(name, list);
    return list;
  }

  private preference(param: string, variable: string): string {
    const explicit = this.bound(param);
    if (explicit !== undefined) return preferenceName(explicit);
    return preferenceName(this.preferenceScope.get(variable));
  }

  /**
   * One object to the next stage as it is. Without -OutVariable this is the pipe's own write, so per-object
   * output (ForEach-Object, Where-Object) goes straight to the next stage.
   */
  readonly emit: (value: unknown) => void;

  write(value: unknown, enumerateIt = true): void {
    if (!enumerateIt) this.emit(value);
    else if (isEnumerable(value)) for (const item of value) this.emit(item);
    else if (value !== AutomationNull) this.emit(value);
  }

  errorRecord(spec: ErrorSpec): ErrorRecord {
    return new ErrorRecord({
      exception: new PSException(spec.message, spec.exceptionType),
      errorId: spec.errorId,
      category: spec.category,
      targetObject: spec.targetObject,
      activity: this.proc.invocationName,
      recommendedAction: spec.recommendedAction,
      commandId: this.proc.cmdlet.commandId ?? this.proc.cmdlet.name,
      invocation: this.proc.invocation(),
    });
  }

  writeError(error: ErrorRecord | ErrorSpec): void {
    const record = error instanceof ErrorRecord ? error : this.errorRecord(error);
    record.invocation ??= this.proc.invocation();
    const pref = this.preference('ErrorAction', 'ErrorActionPreference');
    if (pref === 'Ignore') return;
    this.errorVariable?.push(record);
    this.site.session.lastSuccess = false;
    this.site.session.recordError(record);
    if (pref === 'Stop') throw new TerminatingError(record, true);
    if (pref === 'SilentlyContinue') return;
    this.site.streams.error(record);
  }

  fail(error: ErrorRecord | ErrorSpec): never {
    const record = error instanceof ErrorRecord ? error : this.errorRecord(error);
    record.invocation ??= this.proc.invocation();
    this.errorVariable?.push(record);
    throw new TerminatingError(record);
  }

  writeWarning(message: string): void {
    const pref = this.preference('WarningAction', 'WarningPreference');
    if (pref === 'SilentlyContinue' || pref === 'Ignore') return;
    this.site.streams.warning(message);
    if (pref === 'Stop') {
      throw new TerminatingError(
        this.errorRecord({
          message: `The running command stopped because the preference variable "WarningPreference" or common parameter is set to Stop: ${message}`,
          errorId: 'ActionPreferenceStop',
          category: 'OperationStopped',
          exceptionType: 'System.Management.Automation.ActionPreferenceStopException',
        }),
      );
    }
  }

  writeVerbose(message: string): void {
    const explicit = this.bound('Verbose');
    const on = explicit !== undefined ? explicit === true : preferenceName(this.preferenceScope.get('VerbosePreference')) === 'Continue';
    if (on) this.site.streams.verbose(message);
  }

  writeDebug(message: string): void {
    const explicit = this.bound('Debug');
    const on = explicit !== undefined ? explicit === true : preferenceName(this.preferenceScope.get('DebugPreference')) === 'Continue';
    if (on) this.site.streams.debug(message);
  }

  writeInformation(data: unknown): void {
    const pref = this.preference('InformationAction', 'InformationPreference');
    if (pref === 'Continue') this.site.streams.information(data);
  }

  shouldProcess(target: string, action?: string): Promise<boolean> {
    return this.confirmOperation(operationDescription(action ?? this.proc.cmdlet.name, target)).then((r) => r.proceed);
  }

  /**
   * ShouldProcess with the whole description: -WhatIf prints it after `What if: `; when the command's
   * ConfirmImpact reaches the confirm threshold (-Confirm makes it Low) the user is asked `question`
   * (by default "Are you sure...?" and the description); otherwise -Verbose shows it. Yes/No to All
   * answer every later call.
   */
  async confirmOperation(description: string, question?: string | null, caption?: string | null): Promise<{ proceed: boolean; whatIf: boolean }> {
    if (this.yesToAll) return { proceed: true, whatIf: false };
    if (this.noToAll) return { proceed: false, whatIf: false };
    const whatIf = this.bound('WhatIf') ?? this.preferenceScope.get('WhatIfPreference');
    if (whatIf === true) {
      this.site.session.host.writeOutput(`What if: ${description}\n`);
      return { proceed: false, whatIf: true };
    }
    if (!this.confirmNeeded()) {
      this.writeVerbose(description);
      return { proceed: true, whatIf: false };
    }
    const answer = await confirmAction(this.site.session, question || confirmQuestion(description), caption || 'Confirm');
    if (answer === 'yesToAll') this.yesToAll = true;
    if (answer === 'noToAll') this.noToAll = true;
    return { proceed: answer === 'yes' || answer === 'yesToAll', whatIf: false };
  }

  private confirmNeeded(): boolean {
    const confirm = this.bound('Confirm');
    const threshold = confirm === undefined ? preferenceName(this.preferenceScope.get('ConfirmPreference')) : confirm === true ? 'Low' : 'None';
    const impactOrder = ['None', 'Low', 'Medium', 'High'];
    const impact = this.proc.cmdlet.confirmImpact ?? 'Medium';
    return threshold !== 'None' && impactOrder.indexOf(impact) >= impactOrder.indexOf(threshold);
  }

  /** ShouldContinue: always asks (Yes/No, or with Yes/No to All when `toAll`), whatever -Confirm says. */
  async shouldContinue(query: string, caption: string, toAll = true): Promise<ConfirmAnswer> {
    return confirmAction(this.site.session, query, caption || 'Confirm', toAll);
  }

  private prepared: PreparedBlock[] | undefined;

  /** Set by ctx.handleInput: what CmdletProcessor runs per pass-through input object instead of process. */
  inputHandler: ((input: unknown) => MaybePromise<void>) | undefined;

  /** The pipeline is over: prepared script blocks take back the `$_` they left in the scope. */
  dispose(): void {
    if (this.prepared) for (const p of this.prepared) p.release();
  }

  private shared: CmdletContext | undefined;
  private currentInput: unknown;

  /** The context for the current block; one object per invocation, with the current input object. */
  context(inputObject: unknown): CmdletContext {
    this.currentInput = inputObject;
    this.shared ??= this.createContext();
    return this.shared;
  }

  private createContext(): CmdletContext {
    return new StreamsContext(this, this.proc, this.site);
  }

  /** The input object of the block running now (read through CmdletContext.inputObject). */
  get input(): unknown {
    return this.currentInput;
  }

  private perObject: Map<ScriptBlock, { prepared: PreparedBlock; out: unknown[]; busy: boolean }> | undefined;

  /**
   * ctx.invoke with `$_` (calculated properties, Sort-Object and Group-Object keys...): the block is prepared
   * once per command and released when the pipeline is over, like ForEach-Object's, rather than set up
   * (and `$_` added to and removed from the scope) for every object.
   */
  invokePerObject(block: ScriptBlock, dollarUnder: unknown): MaybePromise<unknown[]> {
    let entry = (this.perObject ??= new Map()).get(block);
    if (entry?.busy) return this.site.invokeScriptBlock(block, { dollarUnder }); // the block invoked from itself
    if (!entry) {
      const created: { prepared: PreparedBlock; out: unknown[]; busy: boolean } = { prepared: undefined!, out: [], busy: false };
      created.prepared = this.track(this.site.prepareScriptBlock(block, (v) => void created.out.push(v)));
      this.perObject.set(block, (entry = created));
    }
    const out: unknown[] = [];
    entry.out = out;
    entry.busy = true;
    let r: MaybePromise<void>;
    try {
      r = entry.prepared.run(dollarUnder);
    } catch (e) {
      entry.busy = false;
      throw e;
    }
    if (r instanceof Promise) return collectLater(entry, r, out);
    entry.busy = false;
    return out;
  }

  /** Records a prepared block so that dispose() can release it. */
  track(prepared: PreparedBlock): PreparedBlock {
    (this.prepared ??= []).push(prepared);
    return prepared;
  }
}

/**
 * The CmdletContext. A class, not an object literal: a literal with getters is a dictionary-mode object,
 * slow to read, and cmdlets read it once or more per input object. Methods are own arrow functions so
 * that cmdlet code may pass them around unbound.
 */
class StreamsContext implements CmdletContext {
  readonly cmdlet: CmdletContext['cmdlet'];
  readonly invocationName: string;
  readonly session: CmdletContext['session'];
  readonly expectingInput: boolean;
  readonly state: Record<string, any>;
  readonly isBound: CmdletContext['isBound'];
  readonly boundParameterNames: CmdletContext['boundParameterNames'];
  readonly write: CmdletContext['write'];
  readonly emit: CmdletContext['emit'];
  readonly writeError: CmdletContext['writeError'];
  readonly fail: CmdletContext['fail'];
  readonly writeWarning: CmdletContext['writeWarning'];
  readonly writeVerbose: CmdletContext['writeVerbose'];
  readonly writeDebug: CmdletContext['writeDebug'];
  readonly writeInformation: CmdletContext['writeInformation'];
  readonly writeHost: CmdletContext['writeHost'];
  readonly writeProgress: CmdletContext['writeProgress'];
  readonly shouldProcess: CmdletContext['shouldProcess'];
  readonly shouldContinue: CmdletContext['shouldContinue'];
  readonly invoke: CmdletContext['invoke'];
  readonly prepareScriptBlock: CmdletContext['prepareScriptBlock'];
  readonly prepareCondition: CmdletContext['prepareCondition'];
  readonly errorRecord: CmdletContext['errorRecord'];
  readonly handleInput: CmdletContext['handleInput'];

  constructor(
    private readonly streams: CmdletStreams,
    private readonly proc: CmdletProcessor,
    private readonly site: InvocationSite,
  ) {
    this.cmdlet = proc.cmdlet;
    this.invocationName = proc.invocationName;
    this.session = site.session;
    this.expectingInput = proc.expectingInput;
    this.state = streams.sharedState;
    this.isBound = (name) => {
      const bound = proc.boundParameters;
      if (bound.has(name)) return true;
      const lower = name.toLowerCase();
      for (const k of bound.keys()) if (k.toLowerCase() === lower) return true;
      return false;
    };
    this.boundParameterNames = () => [...proc.boundParameters.keys()];
    this.write = (v, e) => streams.write(v, e);
    this.emit = streams.emit;
    this.writeError = (e) => streams.writeError(e);
    this.fail = (e) => streams.fail(e);
    this.writeWarning = (m) => streams.writeWarning(m);
    this.writeVerbose = (m) => streams.writeVerbose(m);
    this.writeDebug = (m) => streams.writeDebug(m);
    this.writeInformation = (d) => streams.writeInformation(d);
    this.writeHost = (text, options) => site.session.host.writeHost(text, options ?? {});
    this.writeProgress = (record: ProgressRecord) => {
      if (preferenceName(streams.preferenceScope.get('ProgressPreference')) !== 'SilentlyContinue') site.streams.progress(record);
    };
    this.shouldProcess = (t, a) => streams.shouldProcess(t, a);
    this.shouldContinue = (q, c) => streams.shouldContinue(q, c).then((a) => a === 'yes' || a === 'yesToAll');
    this.invoke = (block, options) =>
      options?.dollarUnder !== undefined && !options.args ? streams.invokePerObject(block, options.dollarUnder) : site.invokeScriptBlock(block, options ?? {});
    this.prepareScriptBlock = (block, out) => streams.track(site.prepareScriptBlock(block, out)).run;
    this.prepareCondition = (block) => prepareCondition((out) => streams.track(site.prepareScriptBlock(block, out)));
    this.errorRecord = (spec) => streams.errorRecord(spec);
    this.handleInput = (handler) => {
      streams.inputHandler = handler;
    };
  }

  get inputObject(): unknown {
    return this.streams.input;
  }

  get parameterSetName(): string {
    return this.proc.parameterSetName;
  }

  get signal(): AbortSignal {
    return this.site.session.abort.signal;
  }
}

function collectLater(entry: { busy: boolean }, pending: Promise<void>, out: unknown[]): Promise<unknown[]> {
  return pending.then(
    () => {
      entry.busy = false;
      return out;
    },
    (e) => {
      entry.busy = false;
      throw e;
    },
  );
}
