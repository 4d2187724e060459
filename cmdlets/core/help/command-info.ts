// AliasInfo and ApplicationInfo objects for Get-Command, Get-Alias and Get-Help (CmdletInfo and FunctionInfo
// are built in src/runtime/command-info.ts, shared with $MyInvocation; the CommandInfo table view is in
// src/format/builtin-views.ts, so that $MyInvocation.MyCommand shows as a table before Get-Command loads).
import type { CmdletContext } from '../../../src/pipeline/context.ts';
import type { Cmdlet } from '../../../src/pipeline/cmdlet.ts';
import { buildParameterDeclarations, cmdletBindingOptions } from '../../../src/runtime/evaluator/script-parameters.ts';
import type { FunctionDefinition, Scope } from '../../../src/runtime/scope.ts';
import { ScriptBlock } from '../../../src/runtime/scriptblock.ts';
import type { PSObject } from '../../../src/runtime/values.ts';
import { COMMAND_INFO_TYPES, cmdletSyntax, commandInfoBase, moduleVersion } from '../../../src/runtime/command-info.ts';
import { callerFrame } from '../support/script-invoke.ts';
import { syntaxLines } from './syntax.ts';

cmdletSyntax.lines = (cmdlet) => syntaxLines(cmdlet, 'command');

export function aliasInfo(name: string, definition: string, resolved?: Cmdlet): PSObject {
  const o = commandInfoBase(COMMAND_INFO_TYPES.alias, 'Alias', name, resolved ? moduleVersion(resolved.module) : '', resolved?.module ?? '');
  o.setProperty('Definition', definition);
  o.setProperty('ReferencedCommand', definition);
  o.setProperty('ResolvedCommandName', definition);
  o.setProperty('DisplayName', `${name} -> ${definition}`);
  o.setProperty('Options', 'None');
  o.setProperty('Description', '');
  return o;
}

export function applicationInfo(name: string, path: string): PSObject {
  const o = commandInfoBase(COMMAND_INFO_TYPES.application, 'Application', name, '0.0.0.0', path);
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
