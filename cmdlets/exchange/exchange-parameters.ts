// Bound parameters into store changes: every bound parameter of a Set-/New- cmdlet that names a
// store property becomes `{ Property: value }` with the value the store parses (enum values by name,
// `@{Add=...; Remove=...}` as a Map, TimeSpans as text). Parameters that are not properties (Identity,
// Server, the usage switches, -Force...) are left out by the caller.
import type { ParameterDeclarations } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import { wildcardMatch, hasWildcardCharacters } from '../../src/runtime/wildcard.ts';
import { EnumType } from '../../src/runtime/values.ts';
import { toStoreInput } from './exchange-values.ts';

/** The store changes of the bound parameters among `declarations` (minus `exclude`). */
export function boundChanges(
  params: Readonly<Record<string, unknown>>,
  ctx: CmdletContext,
  declarations: ParameterDeclarations,
  exclude: readonly string[] = [],
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const [name, declaration] of Object.entries(declarations)) {
    if (exclude.includes(name) || !ctx.isBound(name)) continue;
    const value = params[name];
    const type = declaration.type;
    const enumType = type instanceof EnumType ? type : typeof type === 'object' && 'enum' in type ? type.enum : undefined;
    if (enumType && typeof value === 'number') changes[name] = enumType.flags ? enumType.namesOf(value) : enumType.namesOf(value).join(', ');
    else changes[name] = toStoreInput(value);
  }
  return changes;
}

/** Objects whose name matches `identity`: all without one, wildcard matches, or exact (case-insensitive) names. */
export function matchByName<T>(items: readonly T[], identity: string | undefined, name: (item: T) => string[]): T[] {
  if (identity === undefined || identity === '') return [...items];
  if (!hasWildcardCharacters(identity)) return items.filter((item) => name(item).some((n) => n.toLowerCase() === identity.toLowerCase()));
  return items.filter((item) => name(item).some((n) => wildcardMatch(n, identity)));
}
