// Get-Command: the commands of the session (aliases, functions, cmdlets, and programs on PATH when named
// exactly), filtered by -Name (wildcards), -Verb, -Noun, -Module and -CommandType; -Syntax writes the
// syntax lines built from the declarations.
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import type { Cmdlet } from '../../src/pipeline/cmdlet.ts';
import { PSObject } from '../../src/runtime/values.ts';
import { hasWildcardCharacters, wildcardToRegExp } from '../../src/runtime/wildcard.ts';
import { CommandTypes, cmdletInfo, functionInfo } from '../../src/runtime/command-info.ts';
import { aliasInfo, applicationInfo, functionAsCmdlet, visibleAliases, visibleFunctions } from './help/command-info.ts';
import { syntaxLines } from './help/syntax.ts';
import { callerScope } from './support/script-invoke.ts';

const module = 'Microsoft.PowerShell.Core';

interface Candidate {
  type: 'Alias' | 'Function' | 'Filter' | 'Cmdlet' | 'Application';
  name: string;
  info: () => PSObject;
  cmdlet?: () => Cmdlet | undefined;
  module: string;
}

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export function allCommands(ctx: CmdletContext): Candidate[] {
  const scope = callerScope(ctx);
  const out: Candidate[] = [];
  const cmdlets = ctx.session.allCmdlets();
  for (const [name, def] of visibleAliases(scope)) {
    const target = ctx.session.getCmdlet(def);
    out.push({ type: 'Alias', name, info: () => aliasInfo(name, def, target), cmdlet: () => target, module: target?.module ?? '' });
  }
  for (const fn of visibleFunctions(scope)) {
    out.push({ type: fn.isFilter ? 'Filter' : 'Function', name: fn.name, info: () => functionInfo(fn), cmdlet: () => functionAsCmdlet(ctx, fn), module: '' });
  }
  for (const c of cmdlets) out.push({ type: 'Cmdlet', name: c.name, info: () => cmdletInfo(c), cmdlet: () => c, module: c.module });
  const order = ['Alias', 'Function', 'Filter', 'Cmdlet', 'Application'];
  return out.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type) || a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
}

export const getCommand = defineCmdlet({
  name: 'Get-Command',
  synopsis: 'Gets all commands.',
  description:
    'Lists the commands of the session: aliases, functions and cmdlets (and a program on PATH when its name is given exactly). ' +
    'Filter them with -Name (wildcards), -Verb, -Noun, -Module and -CommandType. -Syntax writes the syntax of each command, ' +
    'one line per parameter set.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.GetCommandCommand',
  aliases: ['gcm'],
  defaultParameterSet: 'CmdletSet',
  parameters: {
    Name: { type: 'string[]', position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true, sets: ['AllCommandSet'], description: 'The command names (wildcards allowed).' },
    Verb: { type: 'string[]', valueFromPipelineByPropertyName: true, sets: ['CmdletSet'], description: 'Cmdlets and functions with these verbs (wildcards allowed).' },
    Noun: { type: 'string[]', valueFromPipelineByPropertyName: true, sets: ['CmdletSet'], description: 'Cmdlets and functions with these nouns (wildcards allowed).' },
    Module: { type: 'string[]', aliases: ['PSSnapin'], valueFromPipelineByPropertyName: true, description: 'Commands from these modules (wildcards allowed).' },
    CommandType: {
      type: { enum: CommandTypes, array: true },
      aliases: ['Type'],
      valueFromPipelineByPropertyName: true,
      sets: ['AllCommandSet'],
      description: 'Kinds of commands: Alias, Function, Filter, Cmdlet, Application, All.',
    },
    TotalCount: { type: 'int', valueFromPipelineByPropertyName: true, description: 'The most commands to write.' },
    Syntax: { type: 'switch', valueFromPipelineByPropertyName: true, description: 'Writes the syntax of each command instead of the command.' },
    ShowCommandInfo: { type: 'switch', description: 'Accepted for compatibility.' },
    ArgumentList: { type: 'object[]', position: 1, aliases: ['Args'], valueFromPipelineByPropertyName: true, description: 'Accepted for compatibility.' },
    All: { type: 'switch', valueFromPipelineByPropertyName: true, description: 'Also lists commands hidden by others with the same name.' },
    ListImported: { type: 'switch', valueFromPipelineByPropertyName: true, description: 'Accepted for compatibility: every command is imported.' },
    ParameterName: { type: 'string[]', description: 'Commands that have these parameters (wildcards allowed).' },
  },
  examples: [
    { title: 'The cmdlets with a noun', code: 'Get-Command -Noun Location | ForEach-Object Name', output: 'Get-Location\nPop-Location\nPush-Location\nSet-Location' },
    { title: 'What an alias stands for', code: 'Get-Command gci | ForEach-Object Definition', output: 'Get-ChildItem' },
    { title: 'The syntax of a cmdlet', code: 'Get-Command Join-Path -Syntax', output: 'Join-Path [-Path] <string[]> [-ChildPath] <string> [-AdditionalChildPath <string[]>] [-Resolve] [<CommonParameters>]' },
    {
      title: 'The command table',
      code: 'Get-Command Get-ChildItem',
      output:
        'CommandType     Name                                               Version    Source\n' +
        '-----------     ----                                               -------    ------\n' +
        'Cmdlet          Get-ChildItem                                      3.1.0.0    Microsoft.PowerShell.Management',
    },
  ],
  async begin(_p, ctx) {
    ctx.state.written = 0;
    await ctx.session.loadAllCmdlets();
  },
  process(p, ctx) {
    let list = allCommands(ctx);
    const types = p.CommandType !== undefined ? CommandTypes.namesOf(p.CommandType as number) : undefined;
    if (types && !types.includes('All')) list = list.filter((c) => types.includes(c.type));
    const match = (values: string[] | undefined, text: string) => !values || values.some((v) => wildcardToRegExp(v).test(text));
    if (p.Verb || p.Noun) {
      list = list.filter((c) => c.type !== 'Alias' && c.name.includes('-') && match(p.Verb, c.name.split('-')[0]) && match(p.Noun, c.name.slice(c.name.indexOf('-') + 1)));
    }
    if (p.Module) list = list.filter((c) => match(p.Module, c.module));
    if (p.ParameterName) {
      list = list.filter((c) => {
        const decl = c.cmdlet?.();
        return !!decl && p.ParameterName!.some((n) => Object.keys(decl.parameters).some((k) => wildcardToRegExp(n).test(k)));
      });
    }
    const results: Candidate[] = [];
    if (p.Name) {
      for (const n of p.Name) {
        const re = wildcardToRegExp(n);
        const hits = list.filter((c) => re.test(c.name));
        if (hits.length === 0 && !hasWildcardCharacters(n)) {
          const native = !types || types.includes('Application') || types.includes('All') ? findOnPath(n) : undefined;
          if (native) {
            results.push({ type: 'Application', name: path.basename(native), info: () => applicationInfo(path.basename(native), native), module: '' });
            continue;
          }
          ctx.writeError({
            message: `The term '${n}' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.`,
            errorId: 'CommandNotFoundException',
            category: 'ObjectNotFound',
            targetObject: n,
            exceptionType: 'System.Management.Automation.CommandNotFoundException',
          });
          continue;
        }
        results.push(...(p.All || hasWildcardCharacters(n) ? hits : hits.slice(0, 1)));
      }
    } else results.push(...list);
    for (const c of results) {
      if (p.TotalCount !== undefined && (ctx.state.written as number) >= p.TotalCount) return;
      ctx.state.written = (ctx.state.written as number) + 1;
      if (p.Syntax) {
        const decl = c.cmdlet?.();
        if (c.type === 'Alias') ctx.write(`${c.name} (alias) -> ${decl?.name ?? ''}`, false);
        if (decl) {
          ctx.write('', false);
          for (const line of syntaxLines(decl, 'command')) {
            ctx.write(line, false);
            ctx.write('', false);
          }
        } else if (c.type === 'Application') ctx.write(c.info().getProperty('Path'), false);
        continue;
      }
      ctx.write(c.info(), false);
    }
  },
});
