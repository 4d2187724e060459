// Indexing: `$a[0]`, `$a[-1]`, `$a[1,3]`, `$a[2..4]`, `$h['key']`, `$s[0]`, `$m.Groups['name']`.
// Reading out of range gives $null; writing out of range is .NET's IndexOutOfRangeException.
import { toInt32, toInteger } from './conversion-scalars.ts';
import { arrayElementType, PSList } from './dotnet-values.ts';
import { integerKinds } from './numeric.ts';
import { NamedCollection } from './named-collection.ts';
import { RuntimeError, argumentError, cannotIndexError, dotNetError, nullArrayError } from './runtime-error.ts';
import { toPSString } from './to-string.ts';
import { typeOf } from './types.ts';
import { AutomationNull, PSHashtable, PSObject } from './values.ts';

function norm(v: unknown): unknown {
  if (v === undefined || v === AutomationNull) return null;
  return v;
}

function unwrap(v: unknown): unknown {
  const n = norm(v);
  return n instanceof PSObject && n.baseObject !== undefined ? n.baseObject : n;
}

function nullIndexError(): RuntimeError {
  return new RuntimeError('Index operation failed; the array index evaluated to null.', 'NullArrayIndex');
}

function isSlice(index: unknown): index is unknown[] {
  return Array.isArray(index) || index instanceof Uint8Array;
}

function position(length: number, i: number): number | undefined {
  const p = i < 0 ? length + i : i;
  return p >= 0 && p < length ? p : undefined;
}

function element(items: ArrayLike<unknown>, index: unknown): { found: boolean; value?: unknown } {
  if (items instanceof NamedCollection && typeof index === 'string' && !/^\s*-?\d+\s*$/.test(index)) {
    const item = items.byName(index);
    return item === undefined ? { found: false } : { found: true, value: item };
  }
  const p = position(items.length, toInt32(index));
  return p === undefined ? { found: false } : { found: true, value: items[p] };
}

/** `target[index]`. An array index selects several elements (missing ones are skipped). */
export function getIndex(target: unknown, index: unknown): unknown {
  const t = unwrap(target);
  const idx = unwrap(index);
  if (t === null) throw nullArrayError();
  if (t instanceof PSHashtable) {
    if (isSlice(idx)) return [...idx].map((k) => norm(t.get(unwrap(k))) ?? null);
    return idx === null ? null : (norm(t.get(idx)) ?? null);
  }
  if (typeof t === 'string') {
    if (idx === null) throw nullIndexError();
    if (isSlice(idx)) return [...idx].map((i) => position(t.length, toInt32(i))).filter((p) => p !== undefined).map((p) => t[p!]);
    const p = position(t.length, toInt32(idx));
    return p === undefined ? null : t[p];
  }
  if (Array.isArray(t) || t instanceof Uint8Array) {
    if (idx === null) throw nullIndexError();
    if (isSlice(idx)) {
      const out: unknown[] = [];
      for (const i of idx) {
        const e = element(t, unwrap(i));
        if (e.found) out.push(e.value);
      }
      return out;
    }
    const e = element(t, idx);
    return e.found ? e.value : null;
  }
  // Any scalar can be indexed as a one-element collection: `(5)[0]` is 5.
  if (idx === null) throw nullIndexError();
  const single = (i: unknown) => {
    if (typeof unwrap(i) === 'string' && !/^\s*-?\d+\s*$/.test(unwrap(i) as string)) throw cannotIndexError(typeOf(t).fullName);
    const n = Number(toInteger(unwrap(i), integerKinds.int32));
    return n === 0 || n === -1 ? { found: true, value: target } : { found: false };
  };
  if (isSlice(idx)) return [...idx].map(single).filter((r) => r.found).map((r) => r.value);
  const r = single(idx);
  return r.found ? r.value : null;
}

/** `target[index] = value`. */
export function setIndex(target: unknown, index: unknown, value: unknown): void {
  const t = unwrap(target);
  const idx = unwrap(index);
  if (t === null) throw nullArrayError();
  if (t instanceof PSHashtable) {
    if (idx === null) throw nullIndexError();
    t.set(idx, value);
    return;
  }
  if (Array.isArray(t) || t instanceof Uint8Array) {
    if (idx === null) throw nullIndexError();
    if (isSlice(idx)) {
      throw new RuntimeError(`Array assignment to [${[...idx].map((x) => toPSString(x)).join(',')}] failed because assignment to slices is not supported.`, 'ArraySliceAssignmentFailed');
    }
    const i = toInt32(idx);
    const p = position(t.length, i);
    if (p === undefined) {
      if (t instanceof PSList) throw argumentError('System.ArgumentOutOfRangeException', 'Index was out of range. Must be non-negative and less than the size of the collection.', 'index');
      throw dotNetError('System.IndexOutOfRangeException', 'Index was outside the bounds of the array.', 'OperationStopped');
    }
    if (t instanceof Uint8Array) {
      t[p] = Number(toInteger(value, integerKinds.byte));
      return;
    }
    const elementType = t instanceof PSList ? t.elementType : arrayElementType(t);
    t[p] = elementType ? elementType.convert(value) : value;
    return;
  }
  throw cannotIndexError(typeOf(t).fullName);
}
