// Member access for the evaluator: `$x.Name`, `$x.Name = v`, `$x.Method(args)`, `[T]::Member`,
// `[T]::Method(args)`, and (re-exported) `$x[i]`. PowerShell semantics: PSObject properties and methods,
// hashtable keys as properties, member enumeration over collections (`$list.Name`, `$list.ToUpper()`),
// `.Count`/`.Length` of 1 on scalars and 0 on $null, `.psobject`, `.pstypenames`, intrinsic
// `.Where({})` / `.ForEach({})`, and .NET exceptions wrapped as `Exception calling "M" with "n" argument(s)`.
import { callCollectionMethod, hasCollectionMethod } from './collection-methods.ts';
import { forEachMethod, whereMethod } from './intrinsic-methods.ts';
import { strictEquals } from './comparison.ts';
import { lookupMember } from './dotnet-type.ts';
import type { MethodContext, PSType } from './dotnet-type.ts';
import { formatValue } from './format-operator.ts';
import { adapterFor } from './member-adapters.ts';
import { VOID, callFromTable, expectArgs, wrapDotNetErrors } from './method-support.ts';
import { NamedCollection } from './named-collection.ts';
import { psobjectView, typeNamesOf } from './psobject-view.ts';
import { invokeMethodOnNull, methodNotFound, propertyNotFoundForSet, readOnlyProperty, RuntimeError } from './runtime-error.ts';
import { callScalarMethod, hasScalarMethod } from './scalar-methods.ts';
import { adaptedPropertyTable, findAdaptedProperty } from './scalar-properties.ts';
import { stringMethods } from './string-methods.ts';
import { toPSString } from './to-string.ts';
import { typeOf } from './types.ts';
import { AutomationNull, PSHashtable, PSObject } from './values.ts';

export type { MethodContext } from './dotnet-type.ts';
export { getIndex, setIndex } from './index-access.ts';

type Lookup = { found: true; value: unknown } | { found: false };
const NOT_FOUND: Lookup = { found: false };

function norm(v: unknown): unknown {
  return v === undefined || v === AutomationNull ? null : v;
}

function isCollection(v: unknown): v is unknown[] | Uint8Array {
  return Array.isArray(v) || v instanceof Uint8Array;
}

function fromTable(value: unknown, name: string): Lookup {
  const entry = findAdaptedProperty(value, name);
  return entry ? { found: true, value: entry.get(value) } : NOT_FOUND;
}

/** Member enumeration: the member of each element that has it, collections flattened; one result is a scalar. */
function enumerateMember(items: Iterable<unknown>, name: string): Lookup {
  const results: unknown[] = [];
  let any = false;
  for (const item of items) {
    const r = tryGetMember(item, name);
    if (!r.found) continue;
    any = true;
    const v = norm(r.value);
    if (isCollection(v)) results.push(...v);
    else results.push(v);
  }
  if (!any) return NOT_FOUND;
  return { found: true, value: results.length === 0 ? null : results.length === 1 ? results[0] : results };
}

/** Looks a property up; `found: false` when the value has no such member (for Select-Object and strict mode). */
export function tryGetMember(target: unknown, name: string): Lookup {
  const t = norm(target);
  if (t === null) return NOT_FOUND;
  const lower = name.toLowerCase();
  if (lower === 'psobject') return { found: true, value: psobjectView(t) };
  if (lower === 'pstypenames') return { found: true, value: typeNamesOf(t) };
  if (t instanceof PSObject) {
    if (t.hasProperty(name)) return { found: true, value: t.getProperty(name) ?? null };
    return t.baseObject !== undefined ? tryGetMember(t.baseObject, name) : NOT_FOUND;
  }
  if (t instanceof PSHashtable) {
    if (t.has(name)) return { found: true, value: t.get(name) ?? null };
    return fromTable(t, name);
  }
  if (isCollection(t)) {
    const own = fromTable(t, name);
    return own.found ? own : enumerateMember(t, name);
  }
  const adapter = adapterFor(t);
  if (adapter?.getMember) {
    const r = adapter.getMember(t, name);
    if (r.found) return { found: true, value: r.value };
  }
  return fromTable(t, name);
}

/** `$x.Name`: the member's value, $null when absent; `.Count`/`.Length` are 1 on scalars and 0 on $null. */
export function getMember(target: unknown, name: string): unknown {
  const r = tryGetMember(target, name);
  if (r.found) return r.value;
  const lower = name.toLowerCase();
  if (lower === 'count' || lower === 'length') return norm(target) === null ? 0 : 1;
  return null;
}

/** True when the value (or, for collections, any element) has the property. */
export function hasMember(target: unknown, name: string): boolean {
  return tryGetMember(target, name).found;
}

/** `$x.Name = value`. */
export function setMember(target: unknown, name: string, value: unknown): void {
  const t = norm(target);
  if (t === null) throw propertyNotFoundForSet(name);
  if (t instanceof PSObject) {
    const def = t.getPropertyDefinition(name);
    if (def) {
      try {
        t.setProperty(name, value);
      } catch (e) {
        if (e instanceof RuntimeError) throw e;
        throw readOnlyProperty(def.name);
      }
      return;
    }
    if (t.baseObject !== undefined) return setMember(t.baseObject, name, value);
    throw propertyNotFoundForSet(name);
  }
  if (t instanceof PSHashtable) {
    t.set(name, value);
    return;
  }
  const adapter = adapterFor(t);
  if (adapter?.setMember?.(t, name, value)) return;
  const entry = findAdaptedProperty(t, name);
  if (entry?.set) {
    entry.set(t, value);
    return;
  }
  if (entry) throw readOnlyProperty(entry.name);
  throw propertyNotFoundForSet(name);
}

/** True when the value has an instance method of that name (used by `.ForEach('Name')`). */
export function hasMethod(target: unknown, name: string): boolean {
  const t = norm(target);
  if (t === null) return false;
  if (/^(tostring|gettype|equals|gethashcode)$/i.test(name)) return true;
  if (t instanceof PSObject) return t.getMethod(name) !== undefined || (t.baseObject !== undefined && hasMethod(t.baseObject, name));
  if (typeof t === 'string') return stringMethods.has(name.toLowerCase());
  return hasCollectionMethod(t, name) || hasScalarMethod(t, name);
}

/** GetType / ToString / Equals / GetHashCode, which every value has. */
function intrinsicMethod(t: unknown, name: string, args: unknown[]): Lookup {
  switch (name.toLowerCase()) {
    case 'gettype':
      expectArgs('GetType', args, 0);
      return { found: true, value: typeOf(t) };
    case 'tostring':
      expectArgs('ToString', args, 0, 1, 2);
      return { found: true, value: t instanceof PSObject ? toPSString(t) : formatValue(t, typeof norm(args[0]) === 'string' ? (args[0] as string) : null) };
    case 'equals':
      expectArgs('Equals', args, 1);
      return { found: true, value: t instanceof PSObject ? norm(args[0]) === t : strictEquals(t, args[0]) };
    case 'gethashcode':
      expectArgs('GetHashCode', args, 0);
      return { found: true, value: toPSString(t).length };
  }
  return NOT_FOUND;
}

/** Method enumeration: `@('a','b').ToUpper()` calls the method on each element. */
function enumerateMethod(items: unknown[] | Uint8Array, name: string, args: unknown[], ctx: MethodContext | undefined): unknown {
  const results: unknown[] = [];
  for (const item of items) {
    if (norm(item) === null) continue;
    const v = invokeMethod(item, name, args, ctx);
    if (v === AutomationNull) continue;
    if (isCollection(v)) results.push(...v);
    else results.push(v);
  }
  return results.length === 0 ? VOID : results.length === 1 ? results[0] : results;
}

/**
 * `$x.Method(args)`. Throws InvokeMethodOnNull, MethodNotFound, MethodCountCouldNotFindBest, or a
 * MethodInvocationException around the .NET exception a method raised. A `void` method returns AutomationNull.
 */
export function invokeMethod(target: unknown, name: string, args: unknown[], ctx?: MethodContext): unknown {
  const t = norm(target);
  if (t === null) throw invokeMethodOnNull();
  const lower = name.toLowerCase();
  if (lower === 'where' && args.length >= 1) return whereMethod(t, args, ctx);
  if (lower === 'foreach' && args.length >= 1) return forEachMethod(t, args, ctx);
  if (t instanceof PSObject) {
    const def = t.getMethod(name);
    if (def) return def.invoke(t, args);
    if (t.baseObject !== undefined) return invokeMethod(t.baseObject, name, args, ctx);
    const intrinsic = intrinsicMethod(t, name, args);
    if (intrinsic.found) return intrinsic.value;
    throw methodNotFound(t.typeName, name);
  }
  if (t instanceof NamedCollection) {
    const m = lookupMember(t.methods, name);
    if (m) return m[1](args);
  }
  const collection = callCollectionMethod(t, name, args);
  if (collection.found) return collection.value;
  if (typeof t === 'string') {
    const r = callFromTable(stringMethods, t, name, args);
    if (r.found) return r.value;
  }
  const scalar = callScalarMethod(t, name, args, ctx);
  if (scalar.found) return scalar.value;
  const adapter = adapterFor(t);
  if (adapter?.invokeMethod) {
    const r = adapter.invokeMethod(t, name, args, ctx);
    if (r.found) return r.value;
  }
  const intrinsic = intrinsicMethod(t, name, args);
  if (intrinsic.found) return intrinsic.value;
  if (isCollection(t) && t.length > 0) return enumerateMethod(t, name, args, ctx);
  throw methodNotFound(typeOf(t).fullName, name);
}

/** `[T]::Member`: a static property (or enum value); $null when the type has no such member. */
export function getStaticMember(type: PSType, name: string): unknown {
  const entry = lookupMember(type.staticMembers, name);
  return entry ? entry[1]() : null;
}

/** `[T]::Method(args)` (including `[T]::new(...)`). */
export function invokeStaticMethod(type: PSType, name: string, args: unknown[], ctx?: MethodContext): unknown {
  const entry = lookupMember(type.staticMethods, name);
  if (!entry) throw methodNotFound(type.fullName, name);
  const [canonical, method] = entry;
  return wrapDotNetErrors(canonical === 'new' ? '.ctor' : canonical, args.length, () => method(args, ctx));
}

/** Property names of a value in display order (PSObject properties, hashtable keys excluded). */
export function propertyNames(value: unknown): string[] {
  const v = norm(value);
  if (v instanceof PSObject) return v.propertyNames();
  return (adaptedPropertyTable(v) ?? []).map((e) => e.name);
}
