// Help text for a command, built from its declaration and laid out as Windows PowerShell 5.1's Get-Help
// shows it: NAME, SYNOPSIS, SYNTAX, DESCRIPTION, PARAMETERS (with the attribute table in -Full),
// INPUTS, OUTPUTS, EXAMPLES, RELATED LINKS and REMARKS.
import { parameterTypeDisplayName, parameterTypeFullName, type Cmdlet, type ParameterDeclaration } from '../../../src/pipeline/cmdlet.ts';
import { syntaxLines } from './syntax.ts';

export type HelpView = 'Default' | 'Detailed' | 'Full' | 'Examples';

/** Wraps text to `width` columns, each line indented. */
export function wrap(text: string, indent: number, width: number): string[] {
  const pad = ' '.repeat(indent);
  const max = Math.max(20, width - indent - 1);
  const out: string[] = [];
  for (const para of text.split('\n')) {
    if (para.trim() === '') {
      out.push('');
      continue;
    }
    let line = '';
    for (const word of para.split(/ +/)) {
      if (line && line.length + 1 + word.length > max) {
        out.push(pad + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(pad + line);
  }
  return out;
}

/** Splits a syntax line into parameter groups (`[-Path] <String[]>`, `[-Force]`) and wraps it by groups. */
export function wrapSyntax(line: string, indent: number, width: number): string[] {
  const tokens: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of line) {
    if (c === '[' || c === '{' || c === '<') depth++;
    if (c === ']' || c === '}' || c === '>') depth--;
    if (c === ' ' && depth === 0 && !/^-\w+$|^\[-\w+\]$/.test(current)) {
      tokens.push(current);
      current = '';
    } else current += c;
  }
  if (current) tokens.push(current);
  const pad = ' '.repeat(indent);
  const max = Math.max(20, width - indent - 1);
  const out: string[] = [];
  let acc = '';
  for (const t of tokens) {
    if (acc && acc.length + 1 + t.length > max) {
      out.push(pad + acc);
      acc = t;
    } else acc = acc ? `${acc} ${t}` : t;
  }
  if (acc) out.push(pad + acc);
  return out;
}

function typeLabel(decl: ParameterDeclaration): string {
  return decl.type === 'switch' ? '[<SwitchParameter>]' : `<${parameterTypeDisplayName(decl.type)}>`;
}

function pipelineText(decl: ParameterDeclaration): string {
  const kinds = [decl.valueFromPipeline ? 'ByValue' : '', decl.valueFromPipelineByPropertyName ? 'ByPropertyName' : ''].filter(Boolean);
  return kinds.length ? `true (${kinds.join(', ')})` : 'false';
}

function positionText(decl: ParameterDeclaration): string {
  return decl.position !== undefined ? String(decl.position) : 'named';
}

/** One parameter's help: `-Name <Type>`, its description and, with `attributes`, the table. */
export function parameterHelp(name: string, decl: ParameterDeclaration, indent: number, width: number, attributes: boolean): string[] {
  const pad = ' '.repeat(indent);
  const lines = [`${pad}-${name} ${typeLabel(decl)}`];
  const description = decl.description + (decl.validateSet ? ` Valid values: ${decl.validateSet.join(', ')}.` : '') + (decl.aliases?.length ? ` Aliases: ${decl.aliases.join(', ')}.` : '');
  lines.push(...wrap(description, indent + 4, width));
  if (attributes) {
    const row = (label: string, value: string) => `${pad}    ${label.padEnd(29)}${value}`.trimEnd();
    lines.push(
      '',
      row('Required?', String(!!decl.mandatory || !!decl.mandatoryInSets?.length)),
      row('Position?', positionText(decl)),
      row('Default value', decl.defaultDescription ?? (decl.type === 'switch' ? 'False' : '')),
      row('Accept pipeline input?', pipelineText(decl)),
      row('Accept wildcard characters?', String(/wildcard/i.test(decl.description) && !/taken literally|no wildcards/i.test(decl.description))),
    );
  }
  lines.push('');
  return lines;
}

const COMMON_PARAMETERS_TEXT = [
  '    <CommonParameters>',
  '        This cmdlet supports the common parameters: Verbose, Debug,',
  '        ErrorAction, ErrorVariable, WarningAction, WarningVariable,',
  '        OutBuffer, PipelineVariable, and OutVariable. For more information, see',
  '        about_CommonParameters (https:/go.microsoft.com/fwlink/?LinkID=113216).',
  '',
];

function exampleLines(cmdlet: Cmdlet, width: number): string[] {
  const out: string[] = [];
  cmdlet.examples.forEach((ex, i) => {
    out.push(`    -------------------------- EXAMPLE ${i + 1} --------------------------`, '');
    const code = ex.code.split('\n');
    out.push(`    PS C:\\>${code[0]}`, ...code.slice(1).map((l) => `    ${l}`), '');
    if (ex.output !== undefined && ex.output !== '') out.push(...ex.output.split('\n').map((l) => `    ${l}`.trimEnd()), '');
    if (ex.title) out.push(...wrap(ex.title, 4, width));
    if (ex.remarks) out.push(...wrap(ex.remarks, 4, width));
    out.push('', '');
  });
  return out;
}

/** Commands sharing the noun, for RELATED LINKS. */
export function relatedCommands(cmdlet: Cmdlet, all: Cmdlet[]): string[] {
  const noun = cmdlet.name.slice(cmdlet.name.indexOf('-') + 1).toLowerCase();
  if (!cmdlet.name.includes('-')) return [];
  return all
    .filter((c) => c !== cmdlet && c.name.slice(c.name.indexOf('-') + 1).toLowerCase() === noun)
    .map((c) => c.name)
    .sort();
}

function remarks(name: string): string[] {
  return [
    'REMARKS',
    `    To see the examples, type: "get-help ${name} -examples".`,
    `    For more information, type: "get-help ${name} -detailed".`,
    `    For technical information, type: "get-help ${name} -full".`,
  ];
}

function inputTypes(cmdlet: Cmdlet): string[] {
  const types = Object.values(cmdlet.parameters)
    .filter((d) => d.valueFromPipeline || d.valueFromPipelineByPropertyName)
    .map((d) => parameterTypeFullName(d.type));
  return [...new Set(types)];
}

/** The whole help text of a command in one of Get-Help's views. */
export function commandHelp(cmdlet: Cmdlet, view: HelpView, width: number, all: Cmdlet[]): string[] {
  const lines: string[] = ['NAME', `    ${cmdlet.name}`, '', 'SYNOPSIS', ...wrap(cmdlet.synopsis || cmdlet.name, 4, width), ''];
  if (view === 'Examples') {
    lines.push(...exampleLines(cmdlet, width));
    return trimEnd(lines);
  }
  lines.push('', 'SYNTAX');
  for (const s of syntaxLines(cmdlet, 'help')) lines.push(...wrapSyntax(s, 4, width), '');
  lines.push('', 'DESCRIPTION', ...wrap(cmdlet.description || cmdlet.synopsis, 4, width), '', '');
  if (view === 'Detailed' || view === 'Full') {
    lines.push('PARAMETERS');
    for (const [name, decl] of Object.entries(cmdlet.parameters)) lines.push(...parameterHelp(name, decl, 4, width, view === 'Full'));
    if (cmdlet.supportsShouldProcess) {
      lines.push(...parameterHelp('WhatIf', { type: 'switch', description: 'Shows what would happen if the command ran. The command is not run.' }, 4, width, view === 'Full'));
      lines.push(...parameterHelp('Confirm', { type: 'switch', description: 'Asks for confirmation before running the command.' }, 4, width, view === 'Full'));
    }
    if (!cmdlet.noCommonParameters) lines.push(...COMMON_PARAMETERS_TEXT);
    if (view === 'Full') {
      lines.push('INPUTS', ...(inputTypes(cmdlet).map((t) => `    ${t}`) || []), '', '', 'OUTPUTS', ...(cmdlet.outputType ?? ['System.Object']).map((t) => `    ${t}`), '', '');
      if (cmdlet.notes) lines.push('NOTES', '', ...wrap(cmdlet.notes, 8, width), '', '');
    }
    lines.push(...exampleLines(cmdlet, width));
  }
  if (view !== 'Detailed') {
    const related = relatedCommands(cmdlet, all);
    if (related.length) lines.push('RELATED LINKS', ...related.map((r) => `    ${r}`), '');
  }
  if (view !== 'Full') lines.push(...remarks(cmdlet.name));
  return trimEnd(lines);
}

function trimEnd(lines: string[]): string[] {
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
