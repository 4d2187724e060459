// Get-Help (aliases help, man): help for commands built from their declarations (summary, -Detailed,
// -Full, -Examples, -Parameter), about_ topics for the language, and lists for wildcard names.
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import type { Cmdlet } from '../../src/pipeline/cmdlet.ts';
import { registerView } from '../../src/format/views.ts';
import { PSObject } from '../../src/runtime/values.ts';
import { hasWildcardCharacters, wildcardToRegExp } from '../../src/runtime/wildcard.ts';
import { flowTopics } from './help/about-flow.ts';
import { languageTopics } from './help/about-language.ts';
import { operatorTopics } from './help/about-operators.ts';
import { aboutText, type AboutTopic } from './help/about-topic.ts';
import { functionAsCmdlet, visibleAliases, visibleFunctions } from './help/command-info.ts';
import { commandHelp, parameterHelp, type HelpView } from './help/help-render.ts';
import { syntaxLines } from './help/syntax.ts';
import { callerScope } from './support/script-invoke.ts';

const module = 'Microsoft.PowerShell.Core';
const HELP_TEXT = 'MamlCommandHelpInfo';
const HELP_SHORT = 'HelpInfoShort';

export const aboutTopics: AboutTopic[] = [...operatorTopics, ...languageTopics, ...flowTopics].sort((a, b) => a.name.localeCompare(b.name, 'en'));

const helpLines = new WeakMap<PSObject, string[]>();
const textOf = (obj: unknown): string[] => (obj instanceof PSObject ? (helpLines.get(obj) ?? []) : []);
for (const view of ['Default', 'Detailed', 'Full', 'Examples', 'Parameter', 'About']) registerView(`${HELP_TEXT}#${view}View`, { kind: 'custom', render: textOf });
registerView(HELP_SHORT, {
  kind: 'table',
  columns: [
    { label: 'Name', expression: 'Name', width: 33 },
    { label: 'Category', expression: 'Category', width: 9 },
    { label: 'Module', expression: 'ModuleName', width: 25 },
    { label: 'Synopsis', expression: 'Synopsis' },
  ],
});

function helpObject(view: string, name: string, category: string, synopsis: string, moduleName: string, lines: string[], extra: Record<string, unknown> = {}): PSObject {
  const o = new PSObject([`${HELP_TEXT}#${view}View`, HELP_TEXT, 'System.Management.Automation.PSCustomObject', 'System.Object']);
  o.setProperty('Name', name);
  o.setProperty('Category', category);
  o.setProperty('Synopsis', synopsis);
  o.setProperty('ModuleName', moduleName);
  for (const [k, v] of Object.entries(extra)) o.setProperty(k, v);
  helpLines.set(o, lines);
  o.defineMethod({ name: 'ToString', invoke: () => lines.join('\n'), definition: 'string ToString()' });
  return o;
}

function shortInfo(name: string, category: string, moduleName: string, synopsis: string): PSObject {
  const o = new PSObject([HELP_SHORT, 'System.Object']);
  o.setProperty('Name', name);
  o.setProperty('Category', category);
  o.setProperty('ModuleName', moduleName);
  o.setProperty('Synopsis', synopsis);
  return o;
}

interface Entry {
  name: string;
  category: 'Cmdlet' | 'Alias' | 'Function' | 'HelpFile';
  cmdlet?: () => Cmdlet | undefined;
  topic?: AboutTopic;
  module: string;
  synopsis: () => string;
}

function entries(ctx: CmdletContext): Entry[] {
  const out: Entry[] = [];
  const scope = callerScope(ctx);
  for (const c of ctx.session.allCmdlets()) out.push({ name: c.name, category: 'Cmdlet', cmdlet: () => c, module: c.module, synopsis: () => c.synopsis });
  for (const fn of visibleFunctions(scope)) {
    out.push({ name: fn.name, category: 'Function', cmdlet: () => functionAsCmdlet(ctx, fn), module: '', synopsis: () => '' });
  }
  for (const [alias, def] of visibleAliases(scope)) {
    const target = ctx.session.getCmdlet(def);
    out.push({ name: alias, category: 'Alias', cmdlet: () => target, module: '', synopsis: () => def });
  }
  for (const t of aboutTopics) out.push({ name: t.name, category: 'HelpFile', topic: t, module: '', synopsis: () => t.synopsis });
  return out;
}

const DEFAULT_HELP = [
  'TOPIC',
  '    emsh Help System',
  '',
  'SHORT DESCRIPTION',
  '    Displays help about the cmdlets and concepts of emsh.',
  '',
  'LONG DESCRIPTION',
  '    Get-Help <command>            help for a command, from its declaration.',
  '    Get-Help <command> -Examples  its examples (they run as tests, so they are current).',
  '    Get-Help <command> -Detailed  with the description of every parameter.',
  '    Get-Help <command> -Full      with the parameter attributes, inputs and outputs.',
  '    Get-Help <command> -Parameter <name>   one parameter.',
  '    Get-Help about_*              the conceptual topics (about_Operators, about_Pipelines...).',
  '    Get-Help *-Item               the commands whose names match.',
  '    Get-Command                   every command; Get-Command -Noun Item, -Verb Get.',
  '',
  '    help and man are short for Get-Help.',
];

export const getHelp = defineCmdlet({
  name: 'Get-Help',
  synopsis: 'Displays information about PowerShell commands and concepts.',
  description:
    'Shows help for a command (cmdlet, function or alias) built from its declaration: by default NAME, SYNOPSIS, SYNTAX, ' +
    'DESCRIPTION and RELATED LINKS; -Detailed adds the parameters and examples; -Full adds each parameter’s attributes, ' +
    'the inputs and the outputs; -Examples shows only the examples; -Parameter shows chosen parameters. about_ topics ' +
    'explain the language. A name with wildcards lists the matching help topics.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.GetHelpCommand',
  aliases: ['help', 'man'],
  defaultParameterSet: 'AllUsersView',
  parameters: {
    Name: { type: 'string', position: 0, valueFromPipelineByPropertyName: true, description: 'The command or topic (wildcards list matching topics).' },
    Path: { type: 'string', description: 'Accepted for compatibility.' },
    Category: { type: 'string[]', validateSet: ['Alias', 'Cmdlet', 'Function', 'HelpFile', 'All'], description: 'Only topics of these categories.' },
    Component: { type: 'string[]', description: 'Accepted for compatibility.' },
    Functionality: { type: 'string[]', description: 'Accepted for compatibility.' },
    Role: { type: 'string[]', description: 'Accepted for compatibility.' },
    Full: { type: 'switch', sets: ['AllUsersView'], description: 'Shows the whole help, with parameter attributes, inputs and outputs.' },
    Detailed: { type: 'switch', mandatory: true, sets: ['DetailedView'], description: 'Adds the parameters and examples to the summary.' },
    Examples: { type: 'switch', mandatory: true, sets: ['Examples'], description: 'Shows only the examples.' },
    Parameter: { type: 'string', mandatory: true, sets: ['Parameters'], description: 'Shows the help of the parameters whose names match (wildcards allowed).' },
    Online: { type: 'switch', mandatory: true, sets: ['Online'], description: 'Not supported: the help is local.' },
    ShowWindow: { type: 'switch', mandatory: true, sets: ['ShowWindow'], description: 'Not supported.' },
  },
  examples: [
    { title: 'The synopsis of a cmdlet', code: '(Get-Help Get-ChildItem).Synopsis', output: 'Gets the items and child items in one or more specified locations.' },
    { title: 'Help for one parameter', code: 'Get-Help Join-Path -Parameter ChildPath', outputMatches: '^-ChildPath <String>\\n    The path to append\\.\\n\\n    Required\\?\\s+true\\n    Position\\?\\s+1' },
    { title: 'A language topic', code: 'Get-Help about_Splatting', outputMatches: '^TOPIC\\n    about_Splatting\\n\\nSHORT DESCRIPTION' },
    { title: 'Find help topics', code: 'Get-Help *-Location | ForEach-Object Name', output: 'Get-Location\nPop-Location\nPush-Location\nSet-Location' },
  ],
  begin: (_p, ctx) => ctx.session.loadAllCmdlets(),
  process(p, ctx) {
    const width = ctx.session.host.width;
    const name = p.Name;
    if (ctx.parameterSetName === 'Online' || ctx.parameterSetName === 'ShowWindow') {
      ctx.fail({ message: 'The online and window views of help are not available in emsh; help is shown in the console.', errorId: 'InvalidOperation', category: 'InvalidOperation', exceptionType: 'System.InvalidOperationException' });
    }
    if (!name) {
      ctx.write(helpObject('About', 'default', 'HelpFile', 'Displays help about the cmdlets and concepts of emsh.', '', DEFAULT_HELP), false);
      return;
    }
    let all = entries(ctx);
    if (p.Category && !p.Category.includes('All')) all = all.filter((e) => p.Category!.includes(e.category));
    const re = wildcardToRegExp(name);
    let hits = all.filter((e) => re.test(e.name));
    if (hits.length > 1 && !hasWildcardCharacters(name)) hits = hits.slice(0, 1);
    if (hits.length === 0 && !hasWildcardCharacters(name)) hits = all.filter((e) => e.category === 'HelpFile' && e.name.toLowerCase() === `about_${name.toLowerCase()}`);
    if (hits.length === 0) {
      ctx.writeError({
        message: `Get-Help could not find ${name} in a help file in this session. Type "Get-Help about_*" or "Get-Command" to see what is available.`,
        errorId: 'HelpNotFound',
        category: 'ResourceUnavailable',
        targetObject: name,
        exceptionType: 'System.Management.Automation.HelpNotFoundException',
      });
      return;
    }
    if (hits.length > 1) {
      const seen = new Set<string>();
      const order = ['Alias', 'Function', 'Cmdlet', 'HelpFile'];
      hits.sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category) || a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
      for (const e of hits) {
        if (e.category === 'Alias' || seen.has(e.name.toLowerCase())) continue;
        seen.add(e.name.toLowerCase());
        ctx.write(shortInfo(e.name, e.category, e.module, e.synopsis()), false);
      }
      return;
    }
    const hit = hits[0];
    if (hit.topic) {
      ctx.write(helpObject('About', hit.topic.name, 'HelpFile', hit.topic.synopsis, '', aboutText(hit.topic)), false);
      return;
    }
    const cmdlet = hit.cmdlet?.();
    if (!cmdlet) return;
    if (ctx.parameterSetName === 'Parameters') {
      const pre = wildcardToRegExp(p.Parameter!);
      const params = Object.entries(cmdlet.parameters).filter(([n]) => pre.test(n));
      if (params.length === 0) {
        ctx.writeError({
          message: `No parameter matches criteria ${p.Parameter}.`,
          errorId: 'NoParmsFound',
          category: 'InvalidArgument',
          targetObject: p.Parameter,
          exceptionType: 'System.ArgumentException',
        });
        return;
      }
      for (const [n, decl] of params) {
        const lines = parameterHelp(n, decl, 0, width, true);
        while (lines[lines.length - 1] === '') lines.pop();
        ctx.write(helpObject('Parameter', n, 'Parameter', decl.description, cmdlet.module, lines), false);
      }
      return;
    }
    const view: HelpView = p.Full ? 'Full' : p.Detailed ? 'Detailed' : p.Examples ? 'Examples' : 'Default';
    const lines = commandHelp(cmdlet, view, width, ctx.session.allCmdlets());
    ctx.write(
      helpObject(view, cmdlet.name, hit.category === 'Function' ? 'Function' : 'Cmdlet', cmdlet.synopsis, cmdlet.module, lines, {
        Syntax: syntaxLines(cmdlet, 'help'),
        Description: cmdlet.description,
        Examples: cmdlet.examples.map((e) => e.code),
      }),
      false,
    );
  },
});
