// Get-Variable, Set-Variable, New-Variable, Remove-Variable and Clear-Variable over the caller's scopes,
// with PowerShell's errors (VariableNotFound, VariableAlreadyExists, VariableNotWritable).
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import { PSException } from '../../src/runtime/errors.ts';
import type { Scope, Variable, VariableOption } from '../../src/runtime/scope.ts';
import { wildcardToRegExp } from '../../src/runtime/wildcard.ts';
import { psVariableObject as variableObject } from '../../src/providers/variable-provider.ts';
import { scopeFor } from './aliases.ts';
import { callerScope } from './support/script-invoke.ts';

const module = 'Microsoft.PowerShell.Utility';

function notFound(ctx: CmdletContext, name: string): void {
  ctx.writeError({
    message: `Cannot find a variable with the name '${name}'.`,
    errorId: 'VariableNotFound',
    category: 'ObjectNotFound',
    targetObject: name,
    exceptionType: 'System.Management.Automation.ItemNotFoundException',
  });
}

function notWritable(ctx: CmdletContext, name: string): void {
  ctx.writeError({
    message: `Cannot overwrite variable ${name} because it is read-only or constant.`,
    errorId: 'VariableNotWritable',
    category: 'WriteError',
    targetObject: name,
    exceptionType: 'System.Management.Automation.SessionStateUnauthorizedAccessException',
  });
}

/** Variables of a scope (only that scope when -Scope is given, else all visible), sorted by name. */
function variablesIn(ctx: CmdletContext, scopeName: string | undefined): Variable[] {
  const list = scopeName === undefined ? callerScope(ctx).visibleVariables() : [...(scopeFor(ctx, scopeName)?.vars.values() ?? [])];
  return list.sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
}

function matchNames(ctx: CmdletContext, names: string[], vars: Variable[], include?: string[], exclude?: string[], report = true): Variable[] {
  const inc = include?.map((x) => wildcardToRegExp(x));
  const exc = exclude?.map((x) => wildcardToRegExp(x));
  const out: Variable[] = [];
  for (const n of names) {
    const re = wildcardToRegExp(n);
    const hits = vars.filter((v) => re.test(v.name) && (!inc || inc.some((r) => r.test(v.name))) && (!exc || !exc.some((r) => r.test(v.name))));
    if (hits.length === 0 && report && !/[*?[]/.test(n)) notFound(ctx, n);
    for (const h of hits) if (!out.includes(h)) out.push(h);
  }
  return out;
}

const commonParams = {
  Include: { type: 'string[]' as const, description: 'Only variables with these names (wildcards allowed).' },
  Exclude: { type: 'string[]' as const, description: 'Variables to leave out (wildcards allowed).' },
  Scope: { type: 'string' as const, description: 'Global, Script, Local, or a number of scopes up.' },
};

export const getVariable = defineCmdlet({
  name: 'Get-Variable',
  synopsis: 'Gets the variables in the current console.',
  description: 'Lists variables (name and value) by -Name with wildcards; -ValueOnly writes just the values.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.GetVariableCommand',
  aliases: ['gv'],
  parameters: {
    Name: { type: 'string[]', position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true, description: 'The variables (wildcards allowed), without $.' },
    ValueOnly: { type: 'switch', description: 'Writes only the values.' },
    ...commonParams,
  },
  examples: [
    { title: 'A variable and its value', code: "$server = 'EDGE01'\nGet-Variable server", output: 'Name                           Value\n----                           -----\nserver                         EDGE01' },
    { title: 'Only the value', code: "$server = 'EDGE01'\nGet-Variable server -ValueOnly", output: 'EDGE01' },
  ],
  process(p, ctx) {
    const vars = matchNames(ctx, p.Name ?? ['*'], variablesIn(ctx, p.Scope), p.Include, p.Exclude);
    for (const v of vars) ctx.write(p.ValueOnly ? v.value : variableObject(v), p.ValueOnly);
  },
});

function assign(ctx: CmdletContext, scope: Scope, name: string, value: unknown, options: VariableOption[] | undefined, description: string | undefined, force: boolean): Variable | undefined {
  const existing = scope.vars.get(name.toLowerCase());
  if (existing && (existing.options.has('Constant') || (existing.options.has('ReadOnly') && !force))) {
    notWritable(ctx, name);
    return undefined;
  }
  try {
    if (existing && force && existing.options.has('ReadOnly')) existing.options.delete('ReadOnly');
    const v = scope.setLocal(name, value, options);
    if (description !== undefined) v.description = description;
    return v;
  } catch (e) {
    if (!(e instanceof PSException)) throw e;
    ctx.writeError({ message: e.message, errorId: 'VariableNotWritable', category: 'WriteError', targetObject: name, exceptionType: e.typeName });
    return undefined;
  }
}

function optionList(text: string | undefined): VariableOption[] | undefined {
  if (!text) return undefined;
  const map: Record<string, VariableOption> = { readonly: 'ReadOnly', constant: 'Constant', private: 'Private', allscope: 'AllScope' };
  return text.split(',').map((s) => map[s.trim().toLowerCase()]).filter((x): x is VariableOption => !!x);
}

const optionParam = {
  type: 'string' as const,
  validateSet: ['None', 'ReadOnly', 'Constant', 'Private', 'AllScope', 'Unspecified'],
  description: 'Variable options: None, ReadOnly, Constant, Private, AllScope.',
};

export const setVariable = defineCmdlet({
  name: 'Set-Variable',
  synopsis: 'Sets the value of a variable. Creates the variable if one with the requested name does not exist.',
  description: 'Sets variables (the value may come from the pipeline). Read-only variables change only with -Force; constants never do.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.SetVariableCommand',
  aliases: ['set', 'sv'],
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  parameters: {
    Name: { type: 'string[]', position: 0, mandatory: true, valueFromPipelineByPropertyName: true, description: 'The variables, without $.' },
    Value: { type: 'object', position: 1, valueFromPipeline: true, valueFromPipelineByPropertyName: true, allowNull: true, description: 'The value.' },
    Description: { type: 'string', valueFromPipelineByPropertyName: true, description: 'A description of the variable.' },
    Option: optionParam,
    Force: { type: 'switch', description: 'Changes a read-only variable.' },
    Visibility: { type: 'string', validateSet: ['Public', 'Private'], description: 'Accepted for compatibility.' },
    PassThru: { type: 'switch', description: 'Writes the variable.' },
    ...commonParams,
  },
  examples: [{ title: 'Set a variable by name', code: "Set-Variable -Name domain -Value 'contoso.com'\n$domain", output: 'contoso.com' }],
  begin(_p, ctx) {
    ctx.state.values = [];
  },
  process(p, ctx) {
    if (ctx.expectingInput) (ctx.state.values as unknown[]).push(p.Value);
  },
  async end(p, ctx) {
    const piped = ctx.state.values as unknown[];
    const value = ctx.expectingInput ? (piped.length === 1 ? piped[0] : piped) : (p.Value ?? null);
    const scope = scopeFor(ctx, p.Scope)!;
    for (const name of p.Name ?? []) {
      if (!(await ctx.shouldProcess(`Name: ${name} Value: ${value}`, 'Set variable'))) continue;
      const v = assign(ctx, scope, name, value, optionList(p.Option), p.Description, p.Force);
      if (v && p.PassThru) ctx.write(variableObject(v), false);
    }
  },
});

export const newVariable = defineCmdlet({
  name: 'New-Variable',
  synopsis: 'Creates a new variable.',
  description: 'Creates a variable; an existing variable of the same name in the scope is an error unless -Force is given.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.NewVariableCommand',
  aliases: ['nv'],
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  parameters: {
    Name: { type: 'string', position: 0, mandatory: true, valueFromPipelineByPropertyName: true, description: 'The variable, without $.' },
    Value: { type: 'object', position: 1, valueFromPipeline: true, valueFromPipelineByPropertyName: true, allowNull: true, description: 'The value.' },
    Description: { type: 'string', description: 'A description of the variable.' },
    Option: optionParam,
    Visibility: { type: 'string', validateSet: ['Public', 'Private'], description: 'Accepted for compatibility.' },
    Force: { type: 'switch', description: 'Replaces an existing variable.' },
    PassThru: { type: 'switch', description: 'Writes the variable.' },
    Scope: commonParams.Scope,
  },
  examples: [{ title: 'A read-only variable', code: "New-Variable -Name org -Value 'Contoso' -Option ReadOnly\n$org", output: 'Contoso' }],
  async process(p, ctx) {
    const scope = scopeFor(ctx, p.Scope)!;
    const name = p.Name!;
    if (scope.vars.has(name.toLowerCase()) && !p.Force) {
      ctx.writeError({
        message: `A variable with name '${name}' already exists.`,
        errorId: 'VariableAlreadyExists',
        category: 'ResourceExists',
        targetObject: name,
        exceptionType: 'System.Management.Automation.SessionStateException',
      });
      return;
    }
    if (!(await ctx.shouldProcess(`Name: ${name} Value: ${p.Value ?? ''}`, 'New variable'))) return;
    const v = assign(ctx, scope, name, p.Value ?? null, optionList(p.Option), p.Description, p.Force);
    if (v && p.PassThru) ctx.write(variableObject(v), false);
  },
});

export const removeVariable = defineCmdlet({
  name: 'Remove-Variable',
  synopsis: 'Deletes a variable and its value.',
  description: 'Deletes variables (wildcards allowed). Constants cannot be removed; read-only variables only with -Force.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.RemoveVariableCommand',
  aliases: ['rv'],
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: {
    Name: { type: 'string[]', position: 0, mandatory: true, valueFromPipelineByPropertyName: true, description: 'The variables, without $.' },
    Force: { type: 'switch', description: 'Removes read-only variables too.' },
    ...commonParams,
  },
  examples: [{ title: 'Remove a variable', code: "$temp = 1\nRemove-Variable temp\n$null -eq $temp", output: 'True' }],
  async process(p, ctx) {
    const scope = scopeFor(ctx, p.Scope)!;
    for (const v of matchNames(ctx, p.Name ?? [], variablesIn(ctx, p.Scope), p.Include, p.Exclude)) {
      if (v.options.has('Constant') || (v.options.has('ReadOnly') && !p.Force)) {
        ctx.writeError({
          message: `Cannot remove variable ${v.name} because it is constant or read-only. If the variable is read-only, try the operation again specifying the Force option.`,
          errorId: 'VariableNotRemovable',
          category: 'WriteError',
          targetObject: v.name,
          exceptionType: 'System.Management.Automation.SessionStateUnauthorizedAccessException',
        });
        continue;
      }
      if (!(await ctx.shouldProcess(`Name: ${v.name}`, 'Remove Variable'))) continue;
      v.options.delete('ReadOnly');
      scope.remove(v.name);
    }
  },
});

export const clearVariable = defineCmdlet({
  name: 'Clear-Variable',
  synopsis: 'Deletes the value of a variable.',
  description: 'Sets variables to $null, keeping the variables.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.ClearVariableCommand',
  aliases: ['clv'],
  supportsShouldProcess: true,
  parameters: {
    Name: { type: 'string[]', position: 0, mandatory: true, valueFromPipelineByPropertyName: true, description: 'The variables, without $.' },
    Force: { type: 'switch', description: 'Clears read-only variables too.' },
    PassThru: { type: 'switch', description: 'Writes the variables.' },
    ...commonParams,
  },
  examples: [{ title: 'Clear a variable', code: "$cert = 'x'\nClear-Variable cert\n$null -eq $cert", output: 'True' }],
  async process(p, ctx) {
    for (const v of matchNames(ctx, p.Name ?? [], variablesIn(ctx, p.Scope), p.Include, p.Exclude)) {
      if (v.options.has('Constant') || (v.options.has('ReadOnly') && !p.Force)) {
        notWritable(ctx, v.name);
        continue;
      }
      if (!(await ctx.shouldProcess(`Name: ${v.name}`, 'Clear variable'))) continue;
      v.value = null;
      if (p.PassThru) ctx.write(variableObject(v), false);
    }
  },
});

export const variableCmdlets = [getVariable, setVariable, newVariable, removeVariable, clearVariable];
