// Select-String: finds text in piped strings or files with .NET regular expressions (or -SimpleMatch),
// case-insensitively unless -CaseSensitive, writing MatchInfo objects shown as `file:line:text` (or the
// line alone for piped text), with -Context, -NotMatch, -AllMatches, -List and -Quiet.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import { registerView } from '../../src/format/views.ts';
import { RegexOptions } from '../../src/runtime/regex-options.ts';
import { NetRegex, regexEscape } from '../../src/runtime/regex-engine.ts';
import { matchObject } from '../../src/runtime/regex-match.ts';
import { PSException } from '../../src/runtime/errors.ts';
import { toPSString } from '../../src/runtime/to-string.ts';
import { PSObject } from '../../src/runtime/values.ts';
import { wildcardToRegExp } from '../../src/runtime/wildcard.ts';
import { nativePathOf } from '../../src/providers/file-items.ts';
import { ENCODING_NAMES, decodeBytes, splitLines } from './support/file-encoding.ts';
import { provider, reportPathError, resolveExisting } from './support/paths.ts';

const module = 'Microsoft.PowerShell.Utility';
export const MATCH_INFO = 'Microsoft.PowerShell.Commands.MatchInfo';
const INPUT_STREAM = 'InputStream';

registerView(MATCH_INFO, {
  kind: 'custom',
  render: (obj) => (obj instanceof PSObject ? String(obj.getMethod('ToString')?.invoke(obj, ['__display__']) ?? '').split('\n') : []),
});

interface Matcher {
  regexes: NetRegex[];
  simple?: string[];
  caseSensitive: boolean;
}

function findMatches(m: Matcher, line: string, all: boolean): PSObject[] {
  if (m.simple) {
    const hay = m.caseSensitive ? line : line.toLowerCase();
    for (const s of m.simple) {
      const needle = m.caseSensitive ? s : s.toLowerCase();
      if (hay.includes(needle)) {
        const r = NetRegex.get(regexEscape(s), m.caseSensitive ? 0 : RegexOptions.IgnoreCase).match(line);
        return r ? [matchObject(r)] : [];
      }
    }
    return [];
  }
  for (const re of m.regexes) {
    const found = all ? re.matches(line) : [re.match(line)].filter((x) => x !== undefined);
    if (found.length) return found.map((f) => matchObject(f));
  }
  return [];
}

function matchInfo(
  ctx: CmdletContext,
  line: string,
  lineNumber: number,
  file: { path: string; native?: string } | undefined,
  pattern: string,
  matches: PSObject[],
  context: { pre: string[]; post: string[] } | undefined,
  ignoreCase: boolean,
): PSObject {
  const o = new PSObject([MATCH_INFO, 'System.Object']);
  o.setProperty('IgnoreCase', ignoreCase);
  o.setProperty('LineNumber', lineNumber);
  o.setProperty('Line', line);
  o.setProperty('Filename', file ? path.basename(file.path.replace(/\\/g, '/')) : INPUT_STREAM);
  o.setProperty('Path', file ? file.path : INPUT_STREAM);
  o.setProperty('Pattern', pattern);
  o.setProperty(
    'Context',
    context ? PSObject.from({ PreContext: context.pre, PostContext: context.post, DisplayPreContext: context.pre, DisplayPostContext: context.post }, ['Microsoft.PowerShell.Commands.MatchInfoContext', 'System.Object']) : null,
  );
  o.setProperty('Matches', matches);
  const here = provider(ctx).location.psPath;
  o.defineMethod({
    name: 'ToString',
    definition: 'string ToString(), string ToString(string directory)',
    invoke: (_self, args) => {
      const display = args[0] === '__display__';
      let prefix = '';
      if (file) {
        let shown = file.path;
        const dir = display ? here : args[0] !== undefined ? toPSString(args[0]) : undefined;
        if (dir && shown.toLowerCase().startsWith(`${dir.replace(/[\\/]$/, '').toLowerCase()}${file.path.includes('\\') ? '\\' : '/'}`)) {
          shown = shown.slice(dir.replace(/[\\/]$/, '').length + 1);
        }
        prefix = `${shown}:${lineNumber}:`;
      }
      if (!context) return `${prefix}${line}`;
      const before = context.pre.map((l, i) => `  ${file ? `${shownPath(file.path, display ? here : undefined)}:${lineNumber - context.pre.length + i}:` : ''}${l}`);
      const after = context.post.map((l, i) => `  ${file ? `${shownPath(file.path, display ? here : undefined)}:${lineNumber + 1 + i}:` : ''}${l}`);
      return [...before, `> ${prefix}${line}`, ...after].join('\n');
    },
  });
  return o;
}

function shownPath(p: string, dir: string | undefined): string {
  if (!dir) return p;
  const base = dir.replace(/[\\/]$/, '');
  return p.toLowerCase().startsWith(`${base.toLowerCase()}${p.includes('\\') ? '\\' : '/'}`) ? p.slice(base.length + 1) : p;
}

interface SearchOptions {
  notMatch: boolean;
  allMatches: boolean;
  list: boolean;
  quiet: boolean;
  context: [number, number] | undefined;
  pattern: string;
  caseSensitive: boolean;
}

/** Searches lines; returns true when something matched. */
function search(ctx: CmdletContext, m: Matcher, lines: string[], file: { path: string } | undefined, o: SearchOptions, lineOffset = 0): boolean {
  let any = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const matches = findMatches(m, line, o.allMatches);
    const hit = o.notMatch ? matches.length === 0 : matches.length > 0;
    if (!hit) continue;
    any = true;
    if (o.quiet) return true;
    const context = o.context ? { pre: lines.slice(Math.max(0, i - o.context[0]), i), post: lines.slice(i + 1, i + 1 + o.context[1]) } : undefined;
    ctx.write(matchInfo(ctx, line, i + 1 + lineOffset, file, o.pattern, o.notMatch ? [] : matches, context, !o.caseSensitive), false);
    if (o.list) return true;
  }
  return any;
}

function searchFile(ctx: CmdletContext, m: Matcher, o: SearchOptions, psPath: string, native: string, encoding: string | undefined): void {
  try {
    if (statSync(native).isDirectory()) return;
    const lines = splitLines(decodeBytes(readFileSync(native), encoding));
    if (search(ctx, m, lines, { path: psPath }, o)) ctx.state.any = true;
  } catch (e) {
    reportPathError(ctx, e, psPath, 'ProcessingFile');
  }
}

export const selectString = defineCmdlet({
  name: 'Select-String',
  synopsis: 'Finds text in strings and files.',
  description:
    'Searches piped text or files (-Path, wildcards allowed) for .NET regular expressions (-SimpleMatch for plain text), ' +
    'case-insensitively unless -CaseSensitive. Each matching line is a MatchInfo object shown as `file:line:text` ' +
    '(the line alone for piped text). -NotMatch finds the lines that do not match, -Context n[,m] adds lines around each ' +
    'match, -List stops at the first match of each file and -Quiet writes only $true or $false.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.SelectStringCommand',
  aliases: ['sls'],
  defaultParameterSet: 'File',
  parameters: {
    InputObject: { type: 'psobject', mandatory: true, valueFromPipeline: true, allowNull: true, allowEmptyString: true, sets: ['Object'], description: 'The text to search; usually piped in.' },
    Pattern: { type: 'string[]', position: 0, mandatory: true, description: 'The regular expressions (or texts, with -SimpleMatch) to find.' },
    Path: { type: 'string[]', position: 1, mandatory: true, valueFromPipelineByPropertyName: true, sets: ['File'], description: 'The files to search (wildcards allowed).' },
    LiteralPath: { type: 'string[]', mandatory: true, aliases: ['PSPath', 'LP'], valueFromPipelineByPropertyName: true, sets: ['LiteralFile'], description: 'The files, taken literally.' },
    SimpleMatch: { type: 'switch', description: 'Finds the pattern as plain text, not a regular expression.' },
    CaseSensitive: { type: 'switch', description: 'Matches case-sensitively.' },
    Quiet: { type: 'switch', description: 'Writes $true when something matches, else $false.' },
    List: { type: 'switch', description: 'Writes only the first match of each input.' },
    Include: { type: 'string[]', description: 'Wildcard patterns of file names to search.' },
    Exclude: { type: 'string[]', description: 'Wildcard patterns of file names to skip.' },
    NotMatch: { type: 'switch', description: 'Finds the lines that do not match.' },
    AllMatches: { type: 'switch', description: 'Finds every match in a line, not only the first.' },
    Encoding: { type: 'string', validateSet: ENCODING_NAMES, description: 'The encoding of the files.' },
    Context: { type: 'int[]', validateRange: [0, 2147483647], description: 'Lines to show before and after each match (one number for both).' },
  },
  examples: [
    { title: 'Find lines in piped text', code: "'mail.contoso.com','smtp.fabrikam.com' | Select-String 'contoso'", output: 'mail.contoso.com' },
    {
      title: 'Search files',
      setup: "Set-Content C:\\connectors.txt 'Send to contoso.com','Receive from fabrikam.com'",
      code: 'Set-Location C:\\\nSelect-String -Path C:\\connectors.txt -Pattern fabrikam',
      output: 'connectors.txt:2:Receive from fabrikam.com',
    },
    { title: 'Just yes or no', code: "'TLS enabled' | Select-String -SimpleMatch 'tls' -Quiet", output: 'True' },
  ],
  begin(p, ctx) {
    const caseSensitive = p.CaseSensitive;
    const options = caseSensitive ? 0 : RegexOptions.IgnoreCase;
    const patterns = p.Pattern ?? [];
    let regexes: NetRegex[] = [];
    if (!p.SimpleMatch) {
      try {
        regexes = patterns.map((x) => NetRegex.get(x, options));
      } catch (e) {
        if (!(e instanceof PSException)) throw e;
        ctx.fail({ message: e.message, errorId: 'InvalidRegex', category: 'InvalidArgument', targetObject: patterns, exceptionType: 'System.ArgumentException' });
      }
    }
    const matcher: Matcher = { regexes, simple: p.SimpleMatch ? patterns : undefined, caseSensitive };
    ctx.state.matcher = matcher;
    ctx.state.any = false;
    ctx.state.options = {
      notMatch: p.NotMatch,
      allMatches: p.AllMatches,
      list: p.List,
      quiet: p.Quiet,
      context: p.Context ? [p.Context[0], p.Context[1] ?? p.Context[0]] : undefined,
      pattern: patterns.join(', '),
      caseSensitive,
    } satisfies SearchOptions;
    ctx.state.lineNumber = 0;
    ctx.state.listed = false;
  },
  process(p, ctx) {
    const m = ctx.state.matcher as Matcher;
    const o = ctx.state.options as SearchOptions;
    if (ctx.isBound('InputObject') || ctx.parameterSetName === 'Object') {
      if (ctx.state.listed || (o.quiet && ctx.state.any)) return;
      const input = ctx.expectingInput ? ctx.inputObject : p.InputObject;
      if (input === null || input === undefined) return;
      const native = nativePathOf(input);
      if (native !== undefined) {
        if (input instanceof PSObject && input.getProperty('PSIsContainer') === true) return;
        searchFile(ctx, m, o, provider(ctx).toPSPath(native), native, p.Encoding);
        return;
      }
      const text = input instanceof PSObject && input.typeName === MATCH_INFO ? toPSString(input.getProperty('Line')) : toPSString(input);
      const number = (ctx.state.lineNumber as number) + 1;
      ctx.state.lineNumber = number;
      if (search(ctx, m, [text], undefined, o, number - 1)) {
        ctx.state.any = true;
        if (o.list) ctx.state.listed = true;
      }
      return;
    }
    const literal = (p.LiteralPath !== undefined && p.Path === undefined);
    const inc = p.Include?.map((x) => wildcardToRegExp(x));
    const exc = p.Exclude?.map((x) => wildcardToRegExp(x));
    for (const item of resolveExisting(ctx, (literal ? p.LiteralPath : p.Path) ?? [], literal)) {
      const name = item.segments[item.segments.length - 1] ?? '';
      if ((inc && !inc.some((r) => r.test(name))) || (exc && exc.some((r) => r.test(name)))) continue;
      searchFile(ctx, m, o, item.psPath, item.native, p.Encoding);
      if (o.quiet && ctx.state.any) break;
    }
  },
  end(_p, ctx) {
    const o = ctx.state.options as SearchOptions;
    if (o.quiet) ctx.write(ctx.state.any as boolean, false);
  },
});
