// Get-Alias, Set-Alias and New-Alias over the session's alias table (scopes as the variables have them).
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import type { Scope } from '../../src/runtime/scope.ts';
import { wildcardToRegExp } from '../../src/runtime/wildcard.ts';
import { aliasInfo, visibleAliases } from './help/command-info.ts';
import { callerScope } from './support/script-invoke.ts';

const module = 'Microsoft.PowerShell.Utility';

/** The scope named by -Scope (Global, Script, Local, or a number of levels up). */
export function scopeFor(ctx: CmdletContext, name: string | undefined): Scope | undefined {
  const here = callerScope(ctx);
  if (name === undefined || name === '') return here;
  if (/^\d+$/.test(name)) {
    let s: Scope | undefined = here;
    for (let i = 0; i < Number(name) && s; i++) s = s.parent;
    return s;
  }
  const s = here.byQualifier(name.toLowerCase());
  if (!s) {
    ctx.fail({
      message: `The scope number '${name}' exceeds the number of active scopes.`,
      errorId: 'ArgumentOutOfRange',
      category: 'InvalidArgument',
      targetObject: name,
      exceptionType: 'System.Management.Automation.PSArgumentOutOfRangeException',
    });
  }
  return s;
}

function aliasesIn(ctx: CmdletContext, scopeName: string | undefined): Map<string, string> {
  if (scopeName === undefined) return visibleAliases(callerScope(ctx));
  return new Map(scopeFor(ctx, scopeName)?.aliases ?? []);
}

export const getAlias = defineCmdlet({
  name: 'Get-Alias',
  synopsis: 'Gets the aliases for the current session.',
  description: 'Lists aliases (shown as `gci -> Get-ChildItem`), by -Name (wildcards) or by the command they stand for (-Definition).',
  module,
  commandId: 'Microsoft.PowerShell.Commands.GetAliasCommand',
  aliases: ['gal'],
  defaultParameterSet: 'Default',
  parameters: {
    Name: { type: 'string[]', position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true, sets: ['Default'], description: 'The aliases to get (wildcards allowed).' },
    Exclude: { type: 'string[]', description: 'Aliases to leave out (wildcards allowed).' },
    Scope: { type: 'string', description: 'Global, Script, Local, or a number of scopes up.' },
    Definition: { type: 'string[]', sets: ['Definition'], description: 'Gets the aliases of these commands (wildcards allowed).' },
  },
  examples: [
    { title: 'What an alias means', code: 'Get-Alias gci | ForEach-Object Definition', output: 'Get-ChildItem' },
    { title: 'The aliases of a cmdlet', code: 'Get-Alias -Definition Get-ChildItem | ForEach-Object Name', output: 'dir\ngci\nls' },
  ],
  process(p, ctx) {
    const all = [...aliasesIn(ctx, p.Scope)].sort((a, b) => a[0].localeCompare(b[0], 'en'));
    const exclude = p.Exclude?.map((x) => wildcardToRegExp(x));
    const keep = ([n]: [string, string]) => !exclude || !exclude.some((r) => r.test(n));
    const write = ([n, d]: [string, string]) => ctx.write(aliasInfo(n, d, ctx.session.getCmdlet(d)), false);
    if (ctx.parameterSetName === 'Definition') {
      for (const def of p.Definition ?? []) {
        const re = wildcardToRegExp(def);
        all.filter(([, d]) => re.test(d)).filter(keep).forEach(write);
      }
      return;
    }
    if (!p.Name) {
      all.filter(keep).forEach(write);
      return;
    }
    for (const n of p.Name) {
      const re = wildcardToRegExp(n);
      const hits = all.filter(([a]) => re.test(a)).filter(keep);
      if (hits.length === 0 && !/[*?[]/.test(n)) {
        ctx.writeError({
          message: `This command cannot find a matching alias because an alias with the name '${n}' does not exist.`,
          errorId: 'ItemNotFoundException',
          category: 'ObjectNotFound',
          targetObject: n,
          exceptionType: 'System.Management.Automation.ItemNotFoundException',
        });
      }
      hits.forEach(write);
    }
  },
});

function aliasWriter(name: 'Set-Alias' | 'New-Alias') {
  const isNew = name === 'New-Alias';
  return defineCmdlet({
    name,
    synopsis: isNew ? 'Creates a new alias.' : 'Creates or changes an alias for a cmdlet or other command in the current PowerShell session.',
    description: isNew
      ? 'Creates an alias for a command; an existing alias of that name is an error unless -Force is given.'
      : 'Creates an alias for a command, or points an existing alias at another command.',
    module,
    commandId: `Microsoft.PowerShell.Commands.${isNew ? 'New' : 'Set'}AliasCommand`,
    aliases: isNew ? ['nal'] : ['sal'],
    supportsShouldProcess: true,
    confirmImpact: 'Low',
    parameters: {
      Name: { type: 'string', position: 0, mandatory: true, valueFromPipelineByPropertyName: true, description: 'The alias.' },
      Value: { type: 'string', position: 1, mandatory: true, valueFromPipelineByPropertyName: true, description: 'The command the alias stands for.' },
      Description: { type: 'string', valueFromPipelineByPropertyName: true, description: 'A description of the alias.' },
      Option: { type: 'string', valueFromPipelineByPropertyName: true, description: 'Accepted for compatibility (None, ReadOnly, Constant, Private, AllScope).' },
      PassThru: { type: 'switch', description: 'Writes the alias.' },
      Scope: { type: 'string', valueFromPipelineByPropertyName: true, description: 'Global, Script, Local, or a number of scopes up.' },
      Force: { type: 'switch', description: isNew ? 'Replaces an existing alias.' : 'Accepted for compatibility.' },
    },
    examples: [
      isNew
        ? { title: 'A short name for a cmdlet', code: "New-Alias list Get-ChildItem\nGet-Alias list | ForEach-Object Definition", output: 'Get-ChildItem' }
        : { title: 'Point an alias at a cmdlet', code: "Set-Alias exch Get-Command\n(Get-Alias exch).Definition", output: 'Get-Command' },
    ],
    async process(p, ctx) {
      const scope = scopeFor(ctx, p.Scope)!;
      const key = p.Name!.toLowerCase();
      if (isNew && !p.Force && visibleAliases(scope).has(key)) {
        ctx.writeError({
          message: `Alias not allowed because an alias with the name '${p.Name}' already exists.`,
          errorId: 'AliasAlreadyExists',
          category: 'ResourceExists',
          targetObject: p.Name,
          exceptionType: 'System.Management.Automation.SessionStateException',
        });
        return;
      }
      if (!(await ctx.shouldProcess(`Name: ${p.Name} Value: ${p.Value}`, isNew ? 'New Alias' : 'Set Alias'))) return;
      scope.aliases.set(key, p.Value!);
      if (p.PassThru) ctx.write(aliasInfo(p.Name!, p.Value!, ctx.session.getCmdlet(p.Value!)), false);
    },
  });
}

export const setAlias = aliasWriter('Set-Alias');
export const newAlias = aliasWriter('New-Alias');

export const aliasCmdlets = [getAlias, setAlias, newAlias];
