// `$PSCmdlet` of an advanced function or script (System.Management.Automation.PSScriptCmdlet): what it
// says about the invocation, and the cmdlet API a compiled cmdlet has (ShouldProcess, ShouldContinue,
// WriteObject, WriteError, ThrowTerminatingError...) over the command's own streams: the same
// CmdletStreams, "What if:" and Confirm prompt as the declared cmdlets, with the preferences of the
// function's scope. Members are made on first use, since every advanced function call makes one.
import { existsSync } from 'node:fs';
import type { CmdletProcessor } from '../pipeline/cmdlet-processor.ts';
import type { CmdletStreams } from '../pipeline/cmdlet-streams.ts';
import type { CmdletContext } from '../pipeline/context.ts';
import { operationDescription } from '../pipeline/should-process.ts';
import { ShouldProcessReasonEnum } from './builtin-enums.ts';
import { toBool } from './conversion.ts';
import { PSReference } from './dotnet-values.ts';
import { ErrorRecord, PSException, TerminatingError } from './errors.ts';
import { hostObject } from './host-object.ts';
import type { InvocationInfoObject } from './invocation-info.ts';
import { LazyMembersObject } from './lazy-members-object.ts';
import { getMember } from './members.ts';
import { argString, expectArgs, unwrapArg, VOID } from './method-support.ts';
import { methodInvocationError, overloadNotFound, RuntimeError } from './runtime-error.ts';
import type { Scope } from './scope.ts';
import { toPSString } from './to-string.ts';
import { PSObject } from './values.ts';

/** What $PSCmdlet works on: the running command's stage, its streams and context, and its scope. */
export interface ScriptCmdletRuntime {
  /** MyCommand.Name: the function's name, or the script file's. */
  commandName: string;
  processor: CmdletProcessor;
  streams: CmdletStreams;
  ctx: CmdletContext;
  scope: Scope;
}

type Method = (rt: ScriptCmdletRuntime, args: unknown[]) => unknown;

const CMDLET_TYPE_NAMES = ['System.Management.Automation.PSScriptCmdlet', 'System.Management.Automation.PSCmdlet', 'System.Management.Automation.Cmdlet', 'System.Object'];

export class ScriptCmdletObject extends LazyMembersObject {
  constructor(
    private readonly myInvocation: InvocationInfoObject,
    private readonly rt: ScriptCmdletRuntime,
  ) {
    super([...CMDLET_TYPE_NAMES]);
  }

  protected defineMembers(): void {
    const rt = this.rt;
    this.setProperty('MyInvocation', this.myInvocation);
    this.defineProperty({ name: 'ParameterSetName', kind: 'code', typeName: 'string', get: () => rt.processor.parameterSetName });
    this.defineProperty({ name: 'CommandRuntime', kind: 'code', typeName: 'System.Management.Automation.ICommandRuntime', get: () => commandRuntime(rt) });
    this.defineProperty({ name: 'SessionState', kind: 'code', typeName: 'System.Management.Automation.SessionState', get: () => sessionState(rt) });
    this.defineProperty({ name: 'Host', kind: 'code', typeName: 'System.Management.Automation.Host.PSHost', get: () => hostObject(rt.ctx.session) });
    this.defineProperty({ name: 'Stopping', kind: 'code', typeName: 'bool', get: () => rt.ctx.session.abort.signal.aborted });
    defineMethods(this, rt, CMDLET_METHODS);
  }
}

function defineMethods(o: PSObject, rt: ScriptCmdletRuntime, methods: Record<string, Method>): void {
  for (const [name, invoke] of Object.entries(methods)) o.defineMethod({ name, invoke: (_self, args) => invoke(rt, args) });
}

/** The argument count's overload, or PowerShell's "Cannot find an overload" error. */
function overload<T>(name: string, args: unknown[], byCount: Record<number, () => T>): T {
  const run = byCount[args.length];
  if (!run) throw overloadNotFound(name, args.length);
  return run();
}

function text(value: unknown): string {
  return argString(value) ?? '';
}

/** A [ref] argument, or the error PowerShell gives for a plain value in its place. */
function reference(args: unknown[], index: number): PSReference {
  const v = args[index];
  if (v instanceof PSReference) return v;
  throw new RuntimeError(
    `Argument: '${index + 1}' should be a System.Management.Automation.PSReference. Use [ref].`,
    'NonRefArgumentToRefParameterMsg',
    'System.Management.Automation.MethodException',
  );
}

/** The prompt's NonInteractive error, as .NET reports an exception from a method a script called. */
function asMethodError(method: string, argCount: number) {
  return (e: unknown): never => {
    if (e instanceof PSException && !(e instanceof RuntimeError)) throw methodInvocationError(method, argCount, e);
    throw e;
  };
}

function shouldProcess(rt: ScriptCmdletRuntime, args: unknown[]): Promise<boolean> {
  const confirm = (description: string, question?: string, caption?: string) => rt.streams.confirmOperation(description, question, caption);
  const asked = overload('ShouldProcess', args, {
    1: () => confirm(operationDescription(rt.commandName, text(args[0]))),
    2: () => confirm(operationDescription(text(args[1]), text(args[0]))),
    3: () => confirm(text(args[0]), text(args[1]), text(args[2])),
    4: () => {
      const reason = reference(args, 3);
      return confirm(text(args[0]), text(args[1]), text(args[2])).then((r) => {
        reason.value = ShouldProcessReasonEnum.value(r.whatIf ? 1 : 0);
        return r;
      });
    },
  });
  return asked.then((r) => r.proceed, asMethodError('ShouldProcess', args.length));
}

function shouldContinue(rt: ScriptCmdletRuntime, args: unknown[]): Promise<boolean> | boolean {
  const [query, caption] = [text(args[0]), text(args[1])];
  if (args.length === 2) {
    return rt.streams.shouldContinue(query, caption, false).then((a) => a === 'yes', asMethodError('ShouldContinue', 2));
  }
  expectArgs('ShouldContinue', args, 2, 4);
  const [yesToAll, noToAll] = [reference(args, 2), reference(args, 3)];
  if (toBool(noToAll.value)) return false;
  if (toBool(yesToAll.value)) return true;
  return rt.streams.shouldContinue(query, caption, true).then((answer) => {
    if (answer === 'yesToAll') yesToAll.value = true;
    if (answer === 'noToAll') noToAll.value = true;
    return answer === 'yes' || answer === 'yesToAll';
  }, asMethodError('ShouldContinue', 4));
}

function errorRecordArgument(method: string, value: unknown): ErrorRecord {
  const v = unwrapArg(value);
  if (v instanceof ErrorRecord) return v;
  throw new RuntimeError(
    `Cannot convert argument "errorRecord", with value: "${toPSString(v)}", for "${method}" to type "System.Management.Automation.ErrorRecord".`,
    'MethodArgumentConversionInvalidCastArgument',
    'System.Management.Automation.MethodException',
  );
}

/** The record as the running command's error: `Fail-It : message` at its call, FQID `Id,Fail-It`. */
function attribute(rt: ScriptCmdletRuntime, record: ErrorRecord): ErrorRecord {
  record.invocation = rt.processor.invocation();
  record.commandId = rt.commandName;
  record.activity ??= rt.commandName;
  return record;
}

/** Errors from $PSCmdlet.ThrowTerminatingError: they end the command, then only the caller's statement. */
const commandEnding = new WeakSet<TerminatingError>();

/** If `e` is a ThrowTerminatingError ending this command: it becomes a statement-terminating error for the caller. */
export function endsCommand(e: unknown, processor: CmdletProcessor): boolean {
  if (!(e instanceof TerminatingError) || !commandEnding.has(e) || e.record.invocation !== processor.invocation()) return false;
  commandEnding.delete(e);
  e.scriptTerminating = false;
  return true;
}

function throwTerminatingError(rt: ScriptCmdletRuntime, args: unknown[]): never {
  expectArgs('ThrowTerminatingError', args, 1);
  try {
    rt.streams.fail(attribute(rt, errorRecordArgument('ThrowTerminatingError', args[0])));
  } catch (e) {
    if (e instanceof TerminatingError) {
      // Script-terminating until it leaves the command, so the statements after it in the function don't run.
      e.scriptTerminating = true;
      commandEnding.add(e);
    }
    throw e;
  }
}

function writeProgress(rt: ScriptCmdletRuntime, args: unknown[]): unknown {
  expectArgs('WriteProgress', args, 1);
  const record = unwrapArg(args[0]);
  const field = (name: string) => getMember(record, name);
  rt.ctx.writeProgress({
    activity: toPSString(field('Activity') ?? ''),
    status: toPSString(field('StatusDescription') ?? ''),
    percentComplete: Number(field('PercentComplete') ?? -1),
    id: Number(field('ActivityId') ?? 0),
    completed: toPSString(field('RecordType')) === 'Completed',
    currentOperation: field('CurrentOperation') == null ? undefined : toPSString(field('CurrentOperation')),
  });
  return VOID;
}

/** PowerShell's provider path of a PowerShell path (the native path here), not required to exist. */
function unresolvedProviderPath(rt: ScriptCmdletRuntime, args: unknown[]): string {
  expectArgs('GetUnresolvedProviderPathFromPSPath', args, 1);
  return rt.ctx.session.resolveNativePath(text(args[0]));
}

function resolvedProviderPath(rt: ScriptCmdletRuntime, args: unknown[]): string[] {
  expectArgs('GetResolvedProviderPathFromPSPath', args, 2);
  const psPath = text(args[0]);
  const provider = reference(args, 1);
  const native = rt.ctx.session.resolveNativePath(psPath);
  if (!existsSync(native)) {
    const inner = new PSException(`Cannot find path '${psPath}' because it does not exist.`, 'System.Management.Automation.ItemNotFoundException');
    throw methodInvocationError('GetResolvedProviderPathFromPSPath', 2, inner);
  }
  provider.value = 'Microsoft.PowerShell.Core\\FileSystem';
  return [native];
}

const WRITE_METHODS: Record<string, Method> = {
  WriteObject: (rt, args) => {
    expectArgs('WriteObject', args, 1, 2);
    rt.streams.write(args[0], args.length === 2 && toBool(args[1]));
    return VOID;
  },
  WriteError: (rt, args) => {
    expectArgs('WriteError', args, 1);
    rt.streams.writeError(attribute(rt, errorRecordArgument('WriteError', args[0])));
    return VOID;
  },
  WriteWarning: (rt, args) => (expectArgs('WriteWarning', args, 1), rt.streams.writeWarning(text(args[0])), VOID),
  WriteVerbose: (rt, args) => (expectArgs('WriteVerbose', args, 1), rt.streams.writeVerbose(text(args[0])), VOID),
  WriteDebug: (rt, args) => (expectArgs('WriteDebug', args, 1), rt.streams.writeDebug(text(args[0])), VOID),
  WriteInformation: (rt, args) => (expectArgs('WriteInformation', args, 1, 2), rt.streams.writeInformation(unwrapArg(args[0])), VOID),
  WriteProgress: writeProgress,
  ShouldProcess: shouldProcess,
  ShouldContinue: shouldContinue,
  ThrowTerminatingError: throwTerminatingError,
};

const CMDLET_METHODS: Record<string, Method> = {
  ...WRITE_METHODS,
  GetUnresolvedProviderPathFromPSPath: unresolvedProviderPath,
  GetResolvedProviderPathFromPSPath: resolvedProviderPath,
  GetVariableValue: (rt, args) => {
    expectArgs('GetVariableValue', args, 1, 2);
    const variable = rt.scope.lookup(text(args[0]));
    return variable ? variable.value : args.length === 2 ? args[1] : null;
  },
  ToString: (rt) => rt.commandName,
};

/** $PSCmdlet.CommandRuntime: the same writes and questions; shown as the command's name. */
function commandRuntime(rt: ScriptCmdletRuntime): PSObject {
  const o = new PSObject(['System.Management.Automation.MshCommandRuntime', 'System.Object']);
  o.defineProperty({ name: 'Host', kind: 'code', get: () => hostObject(rt.ctx.session) });
  defineMethods(o, rt, { ...WRITE_METHODS, ToString: (r) => r.commandName });
  return o;
}

/** $PSCmdlet.SessionState: the path and variable intrinsics over the command's scope. */
function sessionState(rt: ScriptCmdletRuntime): PSObject {
  const session = rt.ctx.session;
  const path = new PSObject(['System.Management.Automation.PathIntrinsics', 'System.Object']);
  path.defineProperty({ name: 'CurrentLocation', kind: 'code', get: () => session.currentLocation() });
  defineMethods(path, rt, { GetUnresolvedProviderPathFromPSPath: unresolvedProviderPath });
  const variables = new PSObject(['System.Management.Automation.PSVariableIntrinsics', 'System.Object']);
  defineMethods(variables, rt, {
    GetValue: CMDLET_METHODS.GetVariableValue,
    Set: (r, args) => (expectArgs('Set', args, 2), r.scope.assign(text(args[0]), args[1]), VOID),
  });
  const state = new PSObject(['System.Management.Automation.SessionState', 'System.Object']);
  state.setProperty('Path', path);
  state.setProperty('PSVariable', variables);
  return state;
}
