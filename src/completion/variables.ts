// Variables (`$Err` → `$Error`, `$env:PA` → `$env:PATH`) and members after `.` of a variable's value
// (`$cert.Thu` → `$cert.Thumbprint`), following note properties for `$a.b.c`.
import type { Session } from '../runtime/session.ts';
import { PSHashtable, PSObject } from '../runtime/values.ts';
import { byName, matcher, uniqueIgnoreCase } from './match.ts';
import type { CompletionItem } from './types.ts';

/** Automatic variables kept outside the scope chain (see src/runtime/evaluator/variables.ts). */
const AUTOMATIC = ['Error', 'LASTEXITCODE', 'PWD', '?', 'true', 'false', 'null'];

export function variableCompletions(session: Session, word: string): CompletionItem[] {
  const braced = word.startsWith('${');
  const body = word.slice(braced ? 2 : 1);
  const env = /^env:(.*)$/i.exec(body);
  if (env) {
    const match = matcher(env[1]);
    const prefix = body.slice(0, 4);
    return Object.keys(process.env)
      .filter(match)
      .sort(byName)
      .map((n) => ({ text: braced ? `\${${prefix}${n}}` : `$${prefix}${n}`, display: n, kind: 'variable' as const }));
  }
  const scoped = /^(global:|script:|local:|private:)?(.*)$/is.exec(body)!;
  const qualifier = scoped[1] ?? '';
  const match = matcher(scoped[2]);
  const names = [...session.globalScope.visibleVariables().map((v) => v.name), ...AUTOMATIC].filter(match).sort(byName);
  return uniqueIgnoreCase(names, (n) => n).map((n) => ({
    text: braced || !/^[\w?]+$/.test(n) ? `\${${qualifier}${n}}` : `$${qualifier}${n}`,
    display: n,
    kind: 'variable' as const,
  }));
}

function variableValue(session: Session, name: string): unknown {
  const n = name.replace(/^(global|script|local):/i, '');
  if (n.toLowerCase() === 'error') return session.errors;
  return session.globalScope.get(n);
}

function memberOf(value: unknown, name: string): unknown {
  if (value instanceof PSObject) return value.getPropertyDefinition(name)?.kind === 'note' ? value.getProperty(name) : undefined;
  if (value instanceof PSHashtable) return value.get(name);
  if (Array.isArray(value)) {
    if (/^(count|length)$/i.test(name)) return value.length;
    return value.map((v) => memberOf(v, name)).filter((v) => v !== undefined);
  }
  return undefined;
}

const STRING_METHODS = ['Contains', 'EndsWith', 'IndexOf', 'Insert', 'LastIndexOf', 'PadLeft', 'PadRight', 'Remove', 'Replace', 'Split', 'StartsWith', 'Substring', 'ToLower', 'ToUpper', 'Trim', 'TrimEnd', 'TrimStart'];

/** Properties then methods (`Name(`) of a value; arrays offer their own and their elements' members. */
export function membersOf(value: unknown): { properties: string[]; methods: string[] } {
  if (value instanceof PSObject) {
    return { properties: value.propertyNames(), methods: [...value.methodDefinitions().map((m) => m.name), 'ToString'] };
  }
  if (value instanceof PSHashtable) {
    const keys = value.keys().filter((k): k is string => typeof k === 'string');
    return { properties: [...keys, 'Count', 'Keys', 'Values'], methods: ['Add', 'Clear', 'Clone', 'Contains', 'ContainsKey', 'ContainsValue', 'Remove'] };
  }
  if (typeof value === 'string') return { properties: ['Length'], methods: STRING_METHODS };
  if (Array.isArray(value)) {
    const inner = value.length > 0 ? membersOf(value[0]) : { properties: [], methods: [] };
    return { properties: ['Count', 'Length', ...inner.properties], methods: ['Contains', 'IndexOf', ...inner.methods] };
  }
  return { properties: [], methods: [] };
}

/** `$var.a.Pre` → members of `$var.a` starting with `Pre`; undefined when the word is not a member access. */
export function memberCompletions(session: Session, word: string): CompletionItem[] | undefined {
  const m = /^\$((?:global:|script:)?[\w]+)((?:\.[\w]+)*)\.([\w]*)$/i.exec(word);
  if (!m) return undefined;
  let value = variableValue(session, m[1]);
  for (const part of m[2].split('.').filter(Boolean)) value = memberOf(value, part);
  if (value === undefined || value === null) return [];
  const { properties, methods } = membersOf(value);
  const match = matcher(m[3]);
  const base = word.slice(0, word.length - m[3].length);
  const props = uniqueIgnoreCase(properties.filter(match).sort(byName), (n) => n);
  const meths = uniqueIgnoreCase(methods.filter(match).sort(byName), (n) => n).filter((n) => !props.some((p) => p.toLowerCase() === n.toLowerCase()));
  return [
    ...props.map((n) => ({ text: base + n, display: n, kind: 'member' as const })),
    ...meths.map((n) => ({ text: `${base + n}(`, display: `${n}(`, kind: 'member' as const })),
  ];
}
