// Helpers shared by method implementations: overload checks by argument count, argument coercion,
// and the `void` result convention (AutomationNull: the call writes nothing to the pipeline).
import { toInteger } from './conversion-scalars.ts';
import { integerKinds } from './numeric.ts';
import { PSException } from './errors.ts';
import { methodInvocationError, overloadNotFound } from './runtime-error.ts';
import { toPSString } from './to-string.ts';
import { AutomationNull, PSObject, isEnumerable } from './values.ts';

/** What a method returns when .NET's returns void: nothing reaches the pipeline. */
export const VOID = AutomationNull;

/** Throws `Cannot find an overload for "M" and the argument count: "n".` unless args.length is allowed. */
export function expectArgs(method: string, args: unknown[], ...counts: number[]): void {
  if (!counts.includes(args.length)) throw overloadNotFound(method, args.length);
}

/** A string argument; $null stays null (as a .NET string parameter). */
export function argString(value: unknown): string | null {
  const v = unwrapArg(value);
  return v === null ? null : toPSString(v);
}

export function unwrapArg(value: unknown): unknown {
  if (value === undefined || value === AutomationNull) return null;
  return value instanceof PSObject && value.baseObject !== undefined ? value.baseObject : value;
}

/** A method table entry: the implementation and the argument counts it accepts. */
export interface MethodEntry<T> {
  counts: number[];
  invoke: (target: T, args: unknown[]) => unknown;
}

/** Builds a case-insensitive method table. */
export function methodTable<T>(entries: Record<string, MethodEntry<T>>): Map<string, { name: string } & MethodEntry<T>> {
  return new Map(Object.entries(entries).map(([name, e]) => [name.toLowerCase(), { name, ...e }]));
}

/** Invokes a method from a table after checking the argument count; undefined when there is no such method. */
export function callFromTable<T>(
  table: Map<string, { name: string } & MethodEntry<T>>,
  target: T,
  name: string,
  args: unknown[],
): { found: true; value: unknown } | { found: false } {
  const entry = table.get(name.toLowerCase());
  if (!entry) return { found: false };
  if (!entry.counts.includes(args.length)) throw overloadNotFound(entry.name, args.length);
  return { found: true, value: wrapDotNetErrors(entry.name, args.length, () => entry.invoke(target, args)) };
}

/** True for exceptions a .NET method would raise (not PowerShell's own MethodException & co). */
export function isDotNetException(e: unknown): e is PSException {
  return e instanceof PSException && !e.typeName.startsWith('System.Management.Automation.');
}

/** Runs a method body; .NET exceptions become `Exception calling "M" with "n" argument(s): "..."`. */
export function wrapDotNetErrors<T>(method: string, argCount: number, body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (isDotNetException(e)) throw methodInvocationError(method, argCount, e);
    throw e;
  }
}

/** A byte[] argument: a Uint8Array, or a collection of numbers converted to bytes. */
export function argBytes(value: unknown): Uint8Array {
  const v = unwrapArg(value);
  if (v instanceof Uint8Array) return v;
  if (v === null) return new Uint8Array();
  const items = isEnumerable(v) ? [...v] : [v];
  return Uint8Array.from(items.map((x) => Number(toInteger(x, integerKinds.byte))));
}
