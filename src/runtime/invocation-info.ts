// System.Management.Automation.InvocationInfo as scripts see it ($MyInvocation, $PSCmdlet.MyInvocation,
// $Error[0].InvocationInfo): a PSObject over the evaluator's InvocationInfo record whose properties are
// made on first use, since every function call sets $MyInvocation and few read it.
import { positionMessage } from '../format/position-message.ts';
import { commandInfoOf } from './command-info.ts';
import type { InvocationInfo } from './errors.ts';
import { LazyMembersObject } from './lazy-members-object.ts';
import { EnumType, PSHashtable, type PSObject } from './values.ts';

export const CommandOriginEnum = new EnumType('System.Management.Automation.CommandOrigin', { Runspace: 0, Internal: 1 });

const TYPE_NAME = 'System.Management.Automation.InvocationInfo';

/** The text of the line the span starts on, with its line break (as PowerShell's ScriptPosition.Line). */
function lineOf(info: InvocationInfo): string {
  const { source, span } = info;
  if (source === undefined || !span) return '';
  let start = span.start;
  while (start > 0 && source[start - 1] !== '\n') start--;
  const nl = source.indexOf('\n', span.start);
  return nl < 0 ? source.slice(start) : source.slice(start, nl + 1);
}

/** InvocationName: `&` or `.` when the command was run with the call or dot-source operator, else the name typed. */
export function invocationName(info: InvocationInfo): string {
  const { source, span } = info;
  if (source !== undefined && span) {
    const first = source[span.start];
    if (first === '&' || (first === '.' && /\s/.test(source[span.start + 1] ?? ''))) return first;
  }
  return info.commandName ?? '';
}

/** The command part of a FullyQualifiedErrorId: a cmdlet's .NET type, a function's or script's name. */
export function invocationTypeName(info: InvocationInfo | undefined): string {
  const ref = info?.command;
  if (!ref) return '';
  if (ref.kind === 'Cmdlet') {
    const c = ref.cmdlet as { commandId?: string; name: string } | undefined;
    return c?.commandId ?? c?.name ?? ref.name;
  }
  return ref.kind === 'Application' ? '' : ref.name;
}

type Getter = (o: InvocationInfoObject) => unknown;

const PROPERTIES: [string, string, Getter][] = [
  ['MyCommand', 'System.Management.Automation.CommandInfo', (o) => o.myCommand()],
  ['BoundParameters', 'System.Collections.Generic.Dictionary[string,System.Object]', (o) => o.boundParameters()],
  ['UnboundArguments', 'System.Collections.Generic.List[System.Object]', (o) => o.info.unboundArguments?.() ?? []],
  ['ScriptLineNumber', 'int', (o) => o.info.span?.line ?? 0],
  ['OffsetInLine', 'int', (o) => o.info.span?.column ?? 0],
  ['HistoryId', 'long', (o) => o.info.historyId ?? -1],
  ['ScriptName', 'string', (o) => o.info.scriptName ?? ''],
  ['Line', 'string', (o) => lineOf(o.info)],
  ['PositionMessage', 'string', (o) => positionMessage(o.info, 'Desktop')],
  ['PSScriptRoot', 'string', (o) => (o.info.scriptName ? o.info.scriptName.replace(/[\\/][^\\/]*$/, '') : '')],
  ['PSCommandPath', 'string', (o) => o.info.scriptName ?? null],
  ['InvocationName', 'string', (o) => invocationName(o.info)],
  ['PipelineLength', 'int', (o) => o.info.pipelineLength ?? 0],
  ['PipelinePosition', 'int', (o) => o.info.pipelinePosition ?? 0],
  ['ExpectingInput', 'bool', (o) => o.info.expectingInput ?? false],
  ['CommandOrigin', 'System.Management.Automation.CommandOrigin', (o) => CommandOriginEnum.value(o.info.scriptName || o.info.span ? 1 : 0)],
  ['DisplayScriptPosition', 'System.Management.Automation.Language.IScriptExtent', () => null],
];

/** An InvocationInfo PSObject; its properties are defined the first time any member is asked for. */
export class InvocationInfoObject extends LazyMembersObject {
  private command?: PSObject | null;
  private bound?: unknown;

  constructor(readonly info: InvocationInfo) {
    super([TYPE_NAME, 'System.Object']);
  }

  myCommand(): PSObject | null {
    if (this.command === undefined) this.command = this.info.command ? commandInfoOf(this.info.command) : null;
    return this.command;
  }

  boundParameters(): unknown {
    this.bound ??= this.info.boundParameters?.() ?? new PSHashtable();
    return this.bound;
  }

  protected defineMembers(): void {
    for (const [name, typeName, get] of PROPERTIES) this.defineProperty({ name, kind: 'code', typeName, get: () => get(this) });
  }
}

const objects = new WeakMap<InvocationInfo, InvocationInfoObject>();

/** The one InvocationInfo object of a record (so `$MyInvocation` and an error's InvocationInfo are the same object). */
export function invocationInfoObject(info: InvocationInfo): InvocationInfoObject {
  let o = objects.get(info);
  if (!o) objects.set(info, (o = new InvocationInfoObject(info)));
  return o;
}

/** The record behind `$MyInvocation` (or another InvocationInfo value), if it is one. */
export function invocationRecordOf(value: unknown): InvocationInfo | undefined {
  return value instanceof InvocationInfoObject ? value.info : undefined;
}
