// CommandInfo objects (CmdletInfo, AliasInfo, FunctionInfo, ApplicationInfo) for Get-Command, Get-Alias
// and Get-Help, with the 5.1 table view: CommandType, Name (aliases as `gci -> Get-ChildItem`), Version, Source.
import type { CmdletContext } from '../../../src/pipeline/context.ts';
import type { Cmdlet } from '../../../src/pipeline/cmdlet.ts';
import { registerView } from '../../../src/format/views.ts';
import { buildParameterDeclarations, cmdletBindingOptions } from '../../../src/runtime/evaluator/script-parameters.ts';
import type { FunctionDefinition, Scope } from '../../../src/runtime/scope.ts';
import { ScriptBlock } from '../../../src/runtime/scriptblock.ts';
import { EnumType, PSHashtable, PSObject } from '../../../src/runtime/values.ts';
import { callerFrame } from '../support/script-invoke.ts';
import { syntaxLines } from './syntax.ts';

export const CommandTypes = new EnumType(
  'System.Management.Automation.CommandTypes',
  { Alias: 1, Function: 2, Filter: 4, Cmdlet: 8, ExternalScript: 16, Application: 32, Script: 64, Workflow: 128, Configuration: 256, All: 511 },
  true,
);

const MODULE_VERSIONS: Record<string, string> = {
  'Microsoft.PowerShell.Utility': '3.1.0.0',
  'Microsoft.PowerShell.Management': '3.1.0.0',
  'Microsoft.PowerShell.Security': '3.0.0.0',
  'Microsoft.PowerShell.Core': '',
};

const TYPES = {
  cmdlet: 'System.Management.Automation.CmdletInfo',
  alias: 'System.Management.Automation.AliasInfo',
  function: 'System.Management.Automation.FunctionInfo',
  application: 'System.Management.Automation.ApplicationInfo',
};

const view = {
  kind: 'table' as const,
  columns: [
    { label: 'CommandType', expression: 'CommandType', width: 15 },
    { label: 'Name', expression: (o: unknown) => (o as PSObject).getProperty('DisplayName') ?? (o as PSObject).getProperty('Name'), width: 50 },
    { label: 'Version', expression: 'Version', width: 10 },
    { label: 'Source', expression: 'Source' },
  ],
};
for (const t of Object.values(TYPES)) registerView(t, view);

export function moduleVersion(module: string): string {
  return module in MODULE_VERSIONS ? MODULE_VERSIONS[module] : '1.0.0.0';
}

function verbNoun(name: string): [string, string] {
  const i = name.indexOf('-');
  return i > 0 ? [name.slice(0, i), name.slice(i + 1)] : ['', ''];
}

function base(typeName: string, commandType: string, name: string, version: string, source: string): PSObject {
  const o = new PSObject([typeName, 'System.Management.Automation.CommandInfo', 'System.Object']);
  o.setProperty('CommandType', CommandTypes.value(CommandTypes.lookup(commandType)!.value));
  o.setProperty('Name', name);
  o.setProperty('Version', version);
  o.setProperty('Source', source);
  o.defineMethod({ name: 'ToString', invoke: () => name, definition: 'string ToString()' });
  return o;
}

export function cmdletInfo(cmdlet: Cmdlet): PSObject {
  const o = base(TYPES.cmdlet, 'Cmdlet', cmdlet.name, moduleVersion(cmdlet.module), cmdlet.module);
  const [verb, noun] = verbNoun(cmdlet.name);
  o.setProperty('Verb', verb);
  o.setProperty('Noun', noun);
  o.setProperty('ModuleName', cmdlet.module);
  o.setProperty('DefaultParameterSet', cmdlet.defaultParameterSet ?? '__AllParameterSets');
  o.setProperty('Definition', syntaxLines(cmdlet, 'command').join('\n\n'));
  o.setProperty('OutputType', cmdlet.outputType ?? []);
  const params = new PSHashtable();
  for (const name of Object.keys(cmdlet.parameters)) params.set(name, name);
  o.setProperty('Parameters', params);
  o.setProperty('HelpUri', '');
  return o;
}

export function aliasInfo(name: string, definition: string, resolved?: Cmdlet): PSObject {
  const o = base(TYPES.alias, 'Alias', name, resolved ? moduleVersion(resolved.module) : '', resolved?.module ?? '');
  o.setProperty('Definition', definition);
  o.setProperty('ReferencedCommand', definition);
  o.setProperty('ResolvedCommandName', definition);
  o.setProperty('DisplayName', `${name} -> ${definition}`);
  o.setProperty('Options', 'None');
  o.setProperty('Description', '');
  return o;
}

export function functionInfo(fn: FunctionDefinition): PSObject {
  const o = base(TYPES.function, fn.isFilter ? 'Filter' : 'Function', fn.name, '', '');
  const [verb, noun] = verbNoun(fn.name);
  o.setProperty('Verb', verb);
  o.setProperty('Noun', noun);
  const sb = fn.scriptBlock;
  o.setProperty('ScriptBlock', sb);
  o.setProperty('Definition', sb instanceof ScriptBlock ? sb.toString() : '');
  return o;
}

export function applicationInfo(name: string, path: string): PSObject {
  const o = base(TYPES.application, 'Application', name, '0.0.0.0', path);
  o.setProperty('Definition', path);
  o.setProperty('Path', path);
  o.setProperty('Extension', '');
  return o;
}

/** A function turned into a declaration (for syntax and help). */
export function functionAsCmdlet(ctx: CmdletContext, fn: FunctionDefinition): Cmdlet | undefined {
  const sb = fn.scriptBlock;
  if (!(sb instanceof ScriptBlock)) return undefined;
  let parameters = {};
  try {
    parameters = buildParameterDeclarations(sb, callerFrame(ctx));
  } catch {
    parameters = {};
  }
  const options = cmdletBindingOptions(sb.ast);
  return {
    name: fn.name,
    synopsis: '',
    description: '',
    module: '',
    parameters,
    examples: [],
    supportsShouldProcess: options.supportsShouldProcess,
    defaultParameterSet: options.defaultParameterSet,
    noCommonParameters: !sb.isAdvanced,
  };
}

/** Every function visible from a scope, nearest first. */
export function visibleFunctions(scope: Scope): FunctionDefinition[] {
  const seen = new Map<string, FunctionDefinition>();
  for (let s: Scope | undefined = scope; s; s = s.parent) for (const [k, f] of s.functions) if (!seen.has(k)) seen.set(k, f);
  return [...seen.values()];
}

/** Every alias visible from a scope: name → definition. */
export function visibleAliases(scope: Scope): Map<string, string> {
  const out = new Map<string, string>();
  for (let s: Scope | undefined = scope; s; s = s.parent) for (const [k, v] of s.aliases) if (!out.has(k)) out.set(k, v);
  return out;
}
