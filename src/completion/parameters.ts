// Parameter names after `-` and parameter values (enum members, ValidateSet values, `complete`
// callbacks such as thumbprints or connector names), read from the command's one declaration.
import type { ParameterDeclaration } from '../pipeline/cmdlet.ts';
import { withCommonParameters } from '../pipeline/common-parameters.ts';
import type { ScriptBlock } from '../runtime/scriptblock.ts';
import type { Session } from '../runtime/session.ts';
import { EnumType } from '../runtime/values.ts';
import { byName, matcher } from './match.ts';
import type { CompletionItem } from './types.ts';
import { quoteValue, unquote, type WordToken } from './word-context.ts';

export interface CommandParameter {
  name: string;
  decl?: ParameterDeclaration;
  aliases: string[];
}

/** The command an alias stands for (following aliases of aliases), else the name itself. */
function aliasTarget(session: Session, name: string): string {
  let target = name;
  for (let i = 0; i < 10; i++) {
    const alias = session.globalScope.lookupAlias(target);
    if (!alias) break;
    target = alias;
  }
  return target;
}

/** Imports the module of the cmdlet a command name refers to, when it is not loaded yet (before commandParameters). */
export async function loadCommand(session: Session, name: string): Promise<void> {
  const target = aliasTarget(session, name);
  const cmdlet = session.globalScope.lookupFunction(target) ? undefined : session.getCmdlet(target);
  if (cmdlet) await session.loadCmdlet(cmdlet);
}

/** The parameters of a command name (cmdlet, alias of one, or function with a param block), in declaration order. */
export function commandParameters(session: Session, name: string): CommandParameter[] | undefined {
  const target = aliasTarget(session, name);
  const fn = session.globalScope.lookupFunction(target);
  if (fn) {
    const sb = fn.scriptBlock as ScriptBlock;
    const params = sb.ast?.paramBlock?.parameters ?? [];
    const own: CommandParameter[] = params.map((p) => ({ name: p.name, aliases: [] }));
    const common = sb.isAdvanced ? withCommonParameters({}, false).map(([n, d]) => ({ name: n, decl: d, aliases: d.aliases ?? [] })) : [];
    return [...own, ...common];
  }
  const cmdlet = session.getCmdlet(target);
  if (!cmdlet) return undefined;
  const all = cmdlet.noCommonParameters ? Object.entries(cmdlet.parameters) : withCommonParameters(cmdlet.parameters, !!cmdlet.supportsShouldProcess);
  return all.map(([n, d]) => ({ name: n, decl: d, aliases: d.aliases ?? [] }));
}

/** Finds the parameter a written `-Name` refers to (exact name or alias, else unique prefix). */
export function findParameter(params: CommandParameter[], written: string): CommandParameter | undefined {
  const w = written.toLowerCase();
  const exact = params.find((p) => p.name.toLowerCase() === w || p.aliases.some((a) => a.toLowerCase() === w));
  if (exact) return exact;
  const hits = params.filter((p) => p.name.toLowerCase().startsWith(w));
  return hits.length === 1 ? hits[0] : undefined;
}

/** `-Na` → `-Name`...: parameters not already given, declared ones first, then common ones. */
export function parameterNameCompletions(params: CommandParameter[], word: string, before: WordToken[]): CompletionItem[] {
  const given = new Set<string>();
  for (const t of before.slice(1)) {
    const m = /^-([A-Za-z_][\w-]*)/.exec(t.text);
    if (!m) continue;
    const p = params.find((x) => x.name.toLowerCase() === m[1].toLowerCase() || x.aliases.some((a) => a.toLowerCase() === m[1].toLowerCase()));
    if (p) given.add(p.name);
  }
  const match = matcher(word.slice(1));
  return params
    .filter((p) => !given.has(p.name) && match(p.name))
    .map((p) => ({ text: `-${p.name}`, display: p.name, kind: 'parameter' as const }));
}

function isSwitch(p: CommandParameter): boolean {
  return p.decl?.type === 'switch';
}

/**
 * The parameter whose value the word is: after `-Name ` (not a switch), or the positional parameter
 * for the word's position among the positional arguments.
 */
export function parameterForArgument(params: CommandParameter[], before: WordToken[]): CommandParameter | undefined {
  const args = before.slice(1);
  const last = args[args.length - 1];
  const named = last && /^-([A-Za-z_][\w-]*)$/.exec(last.text);
  if (named) {
    const p = findParameter(params, named[1]);
    if (p && !isSwitch(p)) return p;
  }
  let position = 0;
  for (let i = 0; i < args.length; i++) {
    const m = /^-([A-Za-z_][\w-]*)(:.*)?$/s.exec(args[i].text);
    if (m) {
      const p = findParameter(params, m[1]);
      if (!m[2] && p && !isSwitch(p)) i++; // its value follows
      continue;
    }
    position++;
  }
  return params.find((p) => p.decl?.position === position);
}

/** The values a parameter accepts, or undefined when it has no fixed set. */
export async function parameterValues(session: Session, p: CommandParameter, word: string): Promise<string[] | undefined> {
  const d = p.decl;
  if (!d) return undefined;
  const type = d.type;
  if (d.validateSet) return d.validateSet;
  if (type instanceof EnumType) return type.memberNames().sort(byName);
  if (typeof type === 'object' && 'enum' in type) return type.enum.memberNames().sort(byName);
  if (type === 'bool') return ['$true', '$false'];
  if (d.complete) {
    try {
      return await d.complete(session, word);
    } catch {
      return [];
    }
  }
  return undefined;
}

/**
 * Completes a value: for array and flags parameters the part after the last comma. Returns undefined
 * when the parameter has no value list (the caller then completes paths).
 */
export async function valueCompletions(session: Session, p: CommandParameter, word: string): Promise<CompletionItem[] | undefined> {
  const comma = word.lastIndexOf(',');
  const keep = comma >= 0 ? word.slice(0, comma + 1) : '';
  const { value, quote } = unquote(word.slice(keep.length));
  const values = await parameterValues(session, p, value);
  if (!values) return undefined;
  const match = matcher(value);
  const hits = values.filter(match);
  // A `complete` callback may match more loosely than a prefix (a thumbprint fragment): keep its answer.
  const fromCallback = !!p.decl?.complete && !p.decl.validateSet && typeof p.decl.type === 'string' && p.decl.type !== 'bool';
  const chosen = hits.length > 0 || !fromCallback ? hits : values;
  return chosen.map((v) => ({ text: keep + (v.startsWith('$') ? v : quoteValue(v, quote)), display: v, kind: 'value' as const }));
}
