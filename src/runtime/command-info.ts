// CommandInfo objects (CmdletInfo, FunctionInfo, ExternalScriptInfo, ScriptInfo) as Get-Command writes
// them and as $MyInvocation.MyCommand and $Error[0].InvocationInfo.MyCommand show them: one builder per
// kind, so that both give the same shape. (Their table view is in src/format/builtin-views.ts.)
import type { Cmdlet } from '../pipeline/cmdlet.ts';
import type { CommandRef } from './errors.ts';
import { ScriptBlock } from './scriptblock.ts';
import { EnumType, PSHashtable, PSObject } from './values.ts';

export const CommandTypes = new EnumType(
  'System.Management.Automation.CommandTypes',
  { Alias: 1, Function: 2, Filter: 4, Cmdlet: 8, ExternalScript: 16, Application: 32, Script: 64, Workflow: 128, Configuration: 256, All: 511 },
  true,
);

export const COMMAND_INFO_TYPES = {
  cmdlet: 'System.Management.Automation.CmdletInfo',
  alias: 'System.Management.Automation.AliasInfo',
  function: 'System.Management.Automation.FunctionInfo',
  filter: 'System.Management.Automation.FilterInfo',
  application: 'System.Management.Automation.ApplicationInfo',
  externalScript: 'System.Management.Automation.ExternalScriptInfo',
  script: 'System.Management.Automation.ScriptInfo',
};

const MODULE_VERSIONS: Record<string, string> = {
  'Microsoft.PowerShell.Utility': '3.1.0.0',
  'Microsoft.PowerShell.Management': '3.1.0.0',
  'Microsoft.PowerShell.Security': '3.0.0.0',
  'Microsoft.PowerShell.Core': '',
};

/**
 * A cmdlet's syntax lines (CmdletInfo.Definition). Set by the help code that owns the syntax builder; the
 * runtime cannot import it (cmdlets/ sits above src/runtime), and until then Definition is the name.
 */
export const cmdletSyntax: { lines?: (cmdlet: Cmdlet) => string[] } = {};

export function moduleVersion(module: string): string {
  return module in MODULE_VERSIONS ? MODULE_VERSIONS[module] : '1.0.0.0';
}

function verbNoun(name: string): [string, string] {
  const i = name.indexOf('-');
  return i > 0 ? [name.slice(0, i), name.slice(i + 1)] : ['', ''];
}

export function commandInfoBase(typeName: string, commandType: string, name: string, version: string, source: string): PSObject {
  const o = new PSObject([typeName, 'System.Management.Automation.CommandInfo', 'System.Object']);
  o.setProperty('CommandType', CommandTypes.value(CommandTypes.lookup(commandType)!.value));
  o.setProperty('Name', name);
  o.setProperty('Version', version);
  o.setProperty('Source', source);
  o.defineMethod({ name: 'ToString', invoke: () => name, definition: 'string ToString()' });
  return o;
}

export function cmdletInfo(cmdlet: Cmdlet): PSObject {
  const o = commandInfoBase(COMMAND_INFO_TYPES.cmdlet, 'Cmdlet', cmdlet.name, moduleVersion(cmdlet.module), cmdlet.module);
  const [verb, noun] = verbNoun(cmdlet.name);
  o.setProperty('Verb', verb);
  o.setProperty('Noun', noun);
  o.setProperty('ModuleName', cmdlet.module);
  o.setProperty('DefaultParameterSet', cmdlet.defaultParameterSet ?? '__AllParameterSets');
  o.defineProperty({ name: 'Definition', kind: 'code', typeName: 'string', get: () => cmdletSyntax.lines?.(cmdlet).join('\n\n') ?? cmdlet.name });
  o.setProperty('OutputType', cmdlet.outputType ?? []);
  const params = new PSHashtable();
  for (const name of Object.keys(cmdlet.parameters)) params.set(name, name);
  o.setProperty('Parameters', params);
  o.setProperty('HelpUri', '');
  return o;
}

export function functionInfo(fn: { name: string; scriptBlock: unknown; isFilter?: boolean }): PSObject {
  const o = commandInfoBase(fn.isFilter ? COMMAND_INFO_TYPES.filter : COMMAND_INFO_TYPES.function, fn.isFilter ? 'Filter' : 'Function', fn.name, '', '');
  if (fn.isFilter) o.typeNames.splice(1, 0, COMMAND_INFO_TYPES.function);
  const [verb, noun] = verbNoun(fn.name);
  o.setProperty('Verb', verb);
  o.setProperty('Noun', noun);
  const sb = fn.scriptBlock;
  o.setProperty('ScriptBlock', sb);
  o.setProperty('Definition', sb instanceof ScriptBlock ? sb.toString() : '');
  return o;
}

/** A .ps1 file: Name is the file name, Path and Definition the full path, Source the path too. */
export function externalScriptInfo(path: string, sb: unknown): PSObject {
  const name = path.replace(/^.*[\\/]/, '');
  const o = commandInfoBase(COMMAND_INFO_TYPES.externalScript, 'ExternalScript', name, '', path);
  o.setProperty('Path', path);
  o.setProperty('Definition', path);
  o.setProperty('ScriptBlock', sb);
  o.setProperty('ScriptContents', sb instanceof ScriptBlock ? sb.source.text : '');
  return o;
}

/** A script block run with `&` (or the text typed at the prompt): no name; its text is the Definition. */
export function scriptInfo(sb: unknown): PSObject {
  const text = sb instanceof ScriptBlock ? sb.toString() : String(sb ?? '');
  const o = commandInfoBase(COMMAND_INFO_TYPES.script, 'Script', '', '', '');
  o.setProperty('ScriptBlock', sb);
  o.setProperty('Definition', text);
  o.defineMethod({ name: 'ToString', invoke: () => text, definition: 'string ToString()' });
  return o;
}

/** The CommandInfo object of an invocation's command. */
export function commandInfoOf(ref: CommandRef): PSObject {
  switch (ref.kind) {
    case 'Cmdlet':
      return cmdletInfo(ref.cmdlet as Cmdlet);
    case 'Function':
    case 'Filter':
      return functionInfo({ name: ref.name, scriptBlock: ref.scriptBlock, isFilter: ref.kind === 'Filter' });
    case 'ExternalScript':
      return externalScriptInfo(ref.path ?? ref.name, ref.scriptBlock);
    case 'Script':
      return scriptInfo(ref.scriptBlock);
    case 'Application': {
      const o = commandInfoBase(COMMAND_INFO_TYPES.application, 'Application', ref.name, '0.0.0.0', ref.path ?? '');
      o.setProperty('Definition', ref.path ?? '');
      o.setProperty('Path', ref.path ?? '');
      o.setProperty('Extension', '');
      return o;
    }
  }
}
