// Syntax lines of a command, derived from its declaration, one per parameter set, as Get-Help
// (`[[-Path] <String[]>]`, enums and ValidateSet as `{File | Directory}`) and Get-Command -Syntax
// (`[[-Path] <string[]>]`) print them.
import { parameterTypeDisplayName, type Cmdlet, type ParameterDeclaration } from '../../../src/pipeline/cmdlet.ts';
import { EnumType } from '../../../src/runtime/values.ts';

export interface SetParameter {
  name: string;
  decl: ParameterDeclaration;
  mandatory: boolean;
  position?: number;
}

/** The parameter sets of a command, default set first (a command without sets has one, __AllParameterSets). */
export function parameterSetNames(cmdlet: Cmdlet): string[] {
  const named = new Set<string>();
  for (const d of Object.values(cmdlet.parameters)) for (const s of [...(d.sets ?? []), ...(d.mandatoryInSets ?? [])]) named.add(s);
  if (named.size === 0) return ['__AllParameterSets'];
  const def = cmdlet.defaultParameterSet;
  return def && named.has(def) ? [def, ...[...named].filter((s) => s !== def)] : [...named];
}

/** The parameters of one set in syntax order: positional by position, then mandatory, then the rest. */
export function setParameters(cmdlet: Cmdlet, set: string): SetParameter[] {
  const all = Object.entries(cmdlet.parameters)
    .filter(([, d]) => !d.sets || d.sets.includes(set) || set === '__AllParameterSets')
    .map(([name, decl]) => ({
      name,
      decl,
      mandatory: decl.mandatoryInSets ? decl.mandatoryInSets.includes(set) : !!decl.mandatory,
      position: decl.position,
    }));
  const positional = all.filter((p) => p.position !== undefined).sort((a, b) => a.position! - b.position!);
  const named = all.filter((p) => p.position === undefined);
  return [...positional, ...named.filter((p) => p.mandatory), ...named.filter((p) => !p.mandatory)];
}

const lowerNames: Record<string, string> = {
  String: 'string',
  'String[]': 'string[]',
  Int32: 'int',
  'Int32[]': 'int[]',
  Int64: 'long',
  Double: 'double',
  Boolean: 'bool',
  Object: 'Object',
  'Object[]': 'Object[]',
  PSObject: 'psobject',
  Hashtable: 'hashtable',
  'Hashtable[]': 'hashtable[]',
  ScriptBlock: 'scriptblock',
  'ScriptBlock[]': 'scriptblock[]',
  SecureString: 'securestring',
  'Byte[]': 'byte[]',
  DateTime: 'datetime',
  TimeSpan: 'timespan',
  Char: 'char',
};

function typeText(decl: ParameterDeclaration, style: 'help' | 'command'): string {
  const t = decl.type;
  if (style === 'help') {
    const values = decl.validateSet ?? (t instanceof EnumType ? t.memberNames() : typeof t === 'object' && 'enum' in t ? t.enum.memberNames() : undefined);
    if (values) return `{${values.join(' | ')}}`;
    return `<${parameterTypeDisplayName(t)}>`;
  }
  const display = parameterTypeDisplayName(t);
  return `<${lowerNames[display] ?? display}>`;
}

function parameterText(p: SetParameter, style: 'help' | 'command'): string {
  const isSwitch = p.decl.type === 'switch';
  const name = p.position !== undefined ? `[-${p.name}]` : `-${p.name}`;
  const body = isSwitch ? `-${p.name}` : `${name} ${typeText(p.decl, style)}`;
  return p.mandatory ? body : `[${body}]`;
}

/** One syntax line per parameter set. */
export function syntaxLines(cmdlet: Cmdlet, style: 'help' | 'command' = 'help'): string[] {
  return parameterSetNames(cmdlet).map((set) => {
    const parts = setParameters(cmdlet, set).map((p) => parameterText(p, style));
    if (cmdlet.supportsShouldProcess) parts.push('[-WhatIf]', '[-Confirm]');
    if (!cmdlet.noCommonParameters) parts.push('[<CommonParameters>]');
    return `${cmdlet.name} ${parts.join(' ')}`.trimEnd();
  });
}
