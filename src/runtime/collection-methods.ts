// Methods of collections: arrays (fixed size), ArrayList / List[T] and hashtables.
import { sortCompare, strictEquals } from './comparison.ts';
import { collectionItems } from './conversion.ts';
import { toInt32 } from './conversion-scalars.ts';
import type { PSType } from './dotnet-type.ts';
import { PSList, arrayElementType, isMutableList, tagElementType } from './dotnet-values.ts';
import { VOID, callFromTable, methodTable, unwrapArg } from './method-support.ts';
import { RuntimeError, argumentError, dotNetError } from './runtime-error.ts';
import { toPSString } from './to-string.ts';
import { PSHashtable, PSObject } from './values.ts';

function fixedSize(): Error {
  return dotNetError('System.NotSupportedException', 'Collection was of a fixed size.');
}

function indexError(): Error {
  return argumentError('System.ArgumentOutOfRangeException', 'Index was out of range. Must be non-negative and less than the size of the collection.', 'index');
}

/** Converts a method argument to a parameter type, with PowerShell's MethodArgumentConversion message. */
function convertArgument(method: string, param: string, value: unknown, type: PSType | undefined): unknown {
  if (!type) return value;
  try {
    return type.convert(value);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    throw new RuntimeError(
      `Cannot convert argument "${param}", with value: "${toPSString(unwrapArg(value))}", for "${method}" to type "${type.fullName}": "${e.message}"`,
      'MethodArgumentConversionInvalidCastArgument',
      'System.Management.Automation.MethodException',
      'NotSpecified',
    );
  }
}

const fixedArrayMethods = methodTable<unknown[] | Uint8Array>({
  Contains: { counts: [1], invoke: (a, [v]) => [...a].some((x) => strictEquals(x, v)) },
  IndexOf: { counts: [1], invoke: (a, [v]) => [...a].findIndex((x) => strictEquals(x, v)) },
  Clone: {
    counts: [0],
    invoke: (a) => {
      if (a instanceof Uint8Array) return a.slice();
      const copy = [...a];
      const t = arrayElementType(a);
      return t ? tagElementType(copy, t) : copy;
    },
  },
  CopyTo: {
    counts: [2],
    invoke: (a, [target, index]) => {
      const dest = unwrapArg(target);
      const start = toInt32(index);
      if (!Array.isArray(dest) && !(dest instanceof Uint8Array)) throw argumentError('System.ArgumentNullException', 'Value cannot be null.', 'dest');
      if (start + a.length > dest.length) throw dotNetError('System.ArgumentException', 'Destination array was not long enough. Check destIndex and length, and the array\'s lower bounds.');
      [...a].forEach((x, i) => ((dest as unknown[])[start + i] = x as number));
      return VOID;
    },
  },
  GetValue: { counts: [1], invoke: (a, [i]) => elementAt(a, toInt32(i)) },
  Get: { counts: [1], invoke: (a, [i]) => elementAt(a, toInt32(i)) },
  SetValue: {
    counts: [2],
    invoke: (a, [v, i]) => {
      setElement(a, toInt32(i), v);
      return VOID;
    },
  },
  Set: {
    counts: [2],
    invoke: (a, [i, v]) => {
      setElement(a, toInt32(i), v);
      return VOID;
    },
  },
  GetLength: { counts: [1], invoke: (a) => a.length },
  GetUpperBound: { counts: [1], invoke: (a) => a.length - 1 },
  GetLowerBound: { counts: [1], invoke: () => 0 },
  Add: {
    counts: [1],
    invoke: () => {
      throw fixedSize();
    },
  },
  Remove: {
    counts: [1],
    invoke: () => {
      throw fixedSize();
    },
  },
  Insert: {
    counts: [2],
    invoke: () => {
      throw fixedSize();
    },
  },
  RemoveAt: {
    counts: [1],
    invoke: () => {
      throw fixedSize();
    },
  },
  Clear: {
    counts: [0],
    invoke: () => {
      throw fixedSize();
    },
  },
});

function elementAt(a: ArrayLike<unknown>, i: number): unknown {
  if (i < 0 || i >= a.length) throw dotNetError('System.IndexOutOfRangeException', 'Index was outside the bounds of the array.');
  return a[i];
}

function setElement(a: unknown[] | Uint8Array, i: number, v: unknown): void {
  if (i < 0 || i >= a.length) throw dotNetError('System.IndexOutOfRangeException', 'Index was outside the bounds of the array.');
  if (a instanceof Uint8Array) a[i] = Number(toInt32(v));
  else a[i] = v;
}

function elementTypeOf(list: unknown[]): PSType | undefined {
  return list instanceof PSList ? list.elementType : undefined;
}

/** ArrayList, List[T] and other growable lists (pstypenames). */
const listMethods = methodTable<unknown[]>({
  Add: {
    counts: [1],
    invoke: (l, [v]) => {
      l.push(convertArgument('Add', 'item', v, elementTypeOf(l)));
      // ArrayList.Add returns the new index (the famous pipeline noise); List[T].Add returns void.
      return l instanceof PSList && !l.elementType ? l.length - 1 : VOID;
    },
  },
  AddRange: {
    counts: [1],
    invoke: (l, [c]) => {
      for (const item of collectionItems(unwrapArg(c))) l.push(convertArgument('AddRange', 'collection', item, elementTypeOf(l)));
      return VOID;
    },
  },
  Insert: {
    counts: [2],
    invoke: (l, [i, v]) => {
      const index = toInt32(i);
      if (index < 0 || index > l.length) throw argumentError('System.ArgumentOutOfRangeException', 'Index must be within the bounds of the List.', 'index');
      l.splice(index, 0, convertArgument('Insert', 'item', v, elementTypeOf(l)));
      return VOID;
    },
  },
  InsertRange: {
    counts: [2],
    invoke: (l, [i, c]) => {
      const index = toInt32(i);
      if (index < 0 || index > l.length) throw indexError();
      l.splice(index, 0, ...collectionItems(unwrapArg(c)).map((x) => convertArgument('InsertRange', 'collection', x, elementTypeOf(l))));
      return VOID;
    },
  },
  Remove: {
    counts: [1],
    invoke: (l, [v]) => {
      const i = l.findIndex((x) => strictEquals(x, v));
      if (i >= 0) l.splice(i, 1);
      return l instanceof PSList && l.elementType ? i >= 0 : VOID;
    },
  },
  RemoveAt: {
    counts: [1],
    invoke: (l, [i]) => {
      const index = toInt32(i);
      if (index < 0 || index >= l.length) throw indexError();
      l.splice(index, 1);
      return VOID;
    },
  },
  RemoveRange: {
    counts: [2],
    invoke: (l, [i, n]) => {
      const index = toInt32(i);
      const count = toInt32(n);
      if (index < 0 || count < 0) throw argumentError('System.ArgumentOutOfRangeException', 'Non-negative number required.', index < 0 ? 'index' : 'count');
      if (index + count > l.length) throw dotNetError('System.ArgumentException', 'Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.');
      l.splice(index, count);
      return VOID;
    },
  },
  Clear: {
    counts: [0],
    invoke: (l) => {
      l.length = 0;
      return VOID;
    },
  },
  Contains: { counts: [1], invoke: (l, [v]) => l.some((x) => strictEquals(x, v)) },
  IndexOf: { counts: [1, 2], invoke: (l, [v, s]) => l.findIndex((x, i) => i >= (s === undefined ? 0 : toInt32(s)) && strictEquals(x, v)) },
  LastIndexOf: {
    counts: [1],
    invoke: (l, [v]) => {
      for (let i = l.length - 1; i >= 0; i--) if (strictEquals(l[i], v)) return i;
      return -1;
    },
  },
  ToArray: {
    counts: [0],
    invoke: (l) => {
      const t = elementTypeOf(l);
      return t ? tagElementType([...l], t) : [...l];
    },
  },
  Sort: {
    counts: [0],
    invoke: (l) => {
      l.sort((a, b) => sortCompare(a, b));
      return VOID;
    },
  },
  Reverse: {
    counts: [0],
    invoke: (l) => {
      l.reverse();
      return VOID;
    },
  },
  GetRange: {
    counts: [2],
    invoke: (l, [i, n]) => {
      const index = toInt32(i);
      const count = toInt32(n);
      if (index < 0 || count < 0 || index + count > l.length) throw indexError();
      return PSList.create(l.slice(index, index + count), elementTypeOf(l));
    },
  },
  Clone: { counts: [0], invoke: (l) => PSList.create(l, elementTypeOf(l)) },
});

function dictionaryEntry(key: unknown, value: unknown): PSObject {
  const e = PSObject.from(
    [
      ['Key', key],
      ['Value', value],
    ],
    ['System.Collections.DictionaryEntry', 'System.ValueType', 'System.Object'],
  );
  e.defineProperty({ name: 'Name', kind: 'alias', referencedName: 'Key' });
  return e;
}

function keyOf(key: unknown): unknown {
  const k = unwrapArg(key);
  if (k === null) throw argumentError('System.ArgumentNullException', 'Key cannot be null.', 'key');
  return k;
}

const hashtableMethods = methodTable<PSHashtable>({
  Add: {
    counts: [2],
    invoke: (h, [key, value]) => {
      const k = keyOf(key);
      if (h.has(k)) {
        const existing = h.keys().find((x) => (typeof x === 'string' && typeof k === 'string' ? x.toLowerCase() === k.toLowerCase() : x === k));
        throw dotNetError('System.ArgumentException', `Item has already been added. Key in dictionary: '${toPSString(existing)}'  Key being added: '${toPSString(k)}'`);
      }
      h.set(k, value);
      return VOID;
    },
  },
  Remove: { counts: [1], invoke: (h, [key]) => (h.delete(keyOf(key)), VOID) },
  Clear: { counts: [0], invoke: (h) => (h.clear(), VOID) },
  ContainsKey: { counts: [1], invoke: (h, [key]) => h.has(keyOf(key)) },
  Contains: { counts: [1], invoke: (h, [key]) => h.has(keyOf(key)) },
  ContainsValue: { counts: [1], invoke: (h, [v]) => h.values().some((x) => strictEquals(x, v)) },
  Clone: { counts: [0], invoke: (h) => h.clone() },
  GetEnumerator: { counts: [0], invoke: (h) => h.entries().map(([k, v]) => dictionaryEntry(k, v)) },
  Insert: {
    counts: [3],
    invoke: (h, [i, key, value]) => {
      if (!h.ordered) throw new RuntimeError("Method invocation failed because [System.Collections.Hashtable] does not contain a method named 'Insert'.", 'MethodNotFound');
      const index = toInt32(i);
      const entries = h.entries();
      if (index < 0 || index > entries.length) throw indexError();
      const k = keyOf(key);
      if (h.has(k)) throw dotNetError('System.ArgumentException', `Item has already been added. Key in dictionary: '${toPSString(k)}'  Key being added: '${toPSString(k)}'`);
      entries.splice(index, 0, [k, value]);
      h.clear();
      for (const [ek, ev] of entries) h.set(ek, ev);
      return VOID;
    },
  },
  RemoveAt: {
    counts: [1],
    invoke: (h, [i]) => {
      const index = toInt32(i);
      const keys = h.keys();
      if (index < 0 || index >= keys.length) throw indexError();
      h.delete(keys[index]);
      return VOID;
    },
  },
});

export { dictionaryEntry };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function collectionTable(target: unknown, name: string): ReturnType<typeof methodTable<any>> | undefined {
  if (target instanceof PSHashtable) return !target.ordered && /^(insert|removeat)$/i.test(name) ? undefined : hashtableMethods;
  if (isMutableList(target)) return listMethods;
  if (Array.isArray(target) || target instanceof Uint8Array) return fixedArrayMethods;
  return undefined;
}

/** Collection methods; `found: false` lets the caller fall back to method enumeration. */
export function callCollectionMethod(target: unknown, name: string, args: unknown[]): { found: true; value: unknown } | { found: false } {
  const table = collectionTable(target, name);
  return table ? callFromTable(table, target, name, args) : { found: false };
}

export function hasCollectionMethod(target: unknown, name: string): boolean {
  return collectionTable(target, name)?.has(name.toLowerCase()) ?? false;
}
