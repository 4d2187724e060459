// PowerShell's type conversion (LanguagePrimitives.ConvertTo) and truthiness (LanguagePrimitives.IsTrue).
// Scalar conversions live in conversion-scalars.ts; each PSType's convert() calls into these.
import type { PSType } from './dotnet-type.ts';
import { PSList, tagElementType } from './dotnet-values.ts';
import { RuntimeError, cannotConvertType, invalidCastError, typeNotFound } from './runtime-error.ts';
import { toPSString } from './to-string.ts';
import { resolveType, typeOf } from './types.ts';
import { AutomationNull, EnumValue, PSHashtable, PSObject, isEnumerable } from './values.ts';

export {
  toNumber,
  toInteger,
  toInt32,
  toDouble,
  toChar,
  toDateTime,
  toTimeSpan,
  toEnum,
  toVersion,
  toGuid,
  toIPAddress,
} from './conversion-scalars.ts';

/** Resolves a type name, throwing PowerShell's `Unable to find type [X].` when it is unknown. */
export function requireType(type: PSType | string): PSType {
  if (typeof type !== 'string') return type;
  const t = resolveType(type);
  if (!t) throw typeNotFound(type);
  return t;
}

/**
 * `[type]value`: converts as PowerShell does, or throws a RuntimeError (PSInvalidCastException) carrying
 * PowerShell's message. `type` may be a PSType or a type name as written (`'int[]'`).
 */
export function convertTo(value: unknown, type: PSType | string): unknown {
  return requireType(type).convert(value === undefined ? null : value);
}

/** `-as`: the converted value, or null when the conversion fails. */
export function tryConvertTo(value: unknown, type: PSType | string): unknown {
  const t = requireType(type);
  try {
    return t.convert(value === undefined ? null : value);
  } catch (e) {
    if (e instanceof RuntimeError) return null;
    throw e;
  }
}

/**
 * PowerShell truthiness: $null, '', 0, $false and empty collections are false; a one-element collection
 * is the truth of its element (an element that is itself a collection is true when non-empty);
 * every other object, including the string 'False' and empty hashtables, is true.
 */
export function toBool(value: unknown): boolean {
  if (value === null || value === undefined || value === AutomationNull) return false;
  switch (typeof value) {
    case 'boolean':
      return value;
    case 'number':
      return value !== 0;
    case 'bigint':
      return value !== 0n;
    case 'string':
      return value.length > 0;
  }
  if (value instanceof PSObject) return value.baseObject !== undefined ? toBool(value.baseObject) : true;
  if (Array.isArray(value) || value instanceof Uint8Array) {
    if (value.length === 0) return false;
    if (value.length > 1) return true;
    const only = value[0];
    if (Array.isArray(only) || only instanceof Uint8Array) return only.length > 0;
    return toBool(only);
  }
  if (value instanceof EnumValue) return value.value !== 0;
  return true;
}

/** Text of a value in a cast error: collections and hashtables show their type name, as .NET's ToString(). */
function errorText(value: unknown): string {
  if (Array.isArray(value) || value instanceof Uint8Array || value instanceof PSHashtable) return typeOf(value).fullName;
  return toPSString(value);
}

/** `Cannot convert the "v" value of type "S" to type "T".` (or `Cannot convert null to type "T".`). */
export function castFailure(value: unknown, target: { fullName: string }): RuntimeError {
  if (value === null || value === undefined || value === AutomationNull) {
    return invalidCastError(`Cannot convert null to type "${target.fullName}".`, 'InvalidCastFromNull');
  }
  return cannotConvertType(errorText(value), typeOf(value).fullName, target.fullName);
}

/** Items of a value converted to an array: collections are enumerated, anything else is one item. */
export function collectionItems(value: unknown): unknown[] {
  if (value === null || value === undefined || value === AutomationNull) return [];
  if (value instanceof PSObject && value.baseObject !== undefined && isEnumerable(value.baseObject)) return [...(value.baseObject as Iterable<unknown>)];
  if (isEnumerable(value)) return [...value];
  return [value];
}

/** `[T[]]value`: null stays null, a scalar becomes a one-element array, `[char[]]'abc'` splits the string. */
export function toArrayOf(value: unknown, elementType: PSType): unknown[] | null {
  let v = value === AutomationNull || value === undefined ? null : value;
  if (v instanceof PSObject && v.baseObject !== undefined) v = v.baseObject;
  if (v === null) return null;
  const items = typeof v === 'string' && elementType.fullName === 'System.Char' ? [...v] : collectionItems(v);
  const converted = elementType.fullName === 'System.Object' ? items : items.map((item) => elementType.convert(item));
  if (elementType.fullName !== 'System.Object') tagElementType(converted, elementType);
  return converted;
}

/** `[byte[]]`: a Uint8Array from numbers, numeric strings or another byte array. */
export function toByteArray(value: unknown, byteType: PSType): Uint8Array | null {
  let v = value === AutomationNull || value === undefined ? null : value;
  if (v instanceof PSObject && v.baseObject !== undefined) v = v.baseObject;
  if (v === null) return null;
  if (v instanceof Uint8Array) return v;
  return Uint8Array.from(collectionItems(v).map((item) => Number(byteType.convert(item))));
}

/** `[System.Collections.ArrayList]` / `[List[T]]` from a collection or a single value. */
export function toList(value: unknown, elementType: PSType | undefined, listType: PSType): PSList {
  let v = value === AutomationNull || value === undefined ? null : value;
  if (v instanceof PSObject && v.baseObject !== undefined) v = v.baseObject;
  if (v instanceof PSList && v.elementType === elementType) return v;
  if (v === null || (!isEnumerable(v) && !elementType)) throw castFailure(v, listType);
  const items = collectionItems(v);
  return PSList.create(elementType ? items.map((i) => elementType.convert(i)) : items, elementType);
}

/** `[hashtable]` (and `[ordered]` with ordered = true) from a hashtable. */
export function toHashtable(value: unknown, ordered: boolean, target: PSType): PSHashtable {
  if (value instanceof PSHashtable) {
    if (value.ordered === ordered) return value;
    const copy = new PSHashtable(ordered);
    for (const [k, v] of value.entries()) copy.set(k, v);
    return copy;
  }
  throw castFailure(value, target);
}

/** `[pscustomobject]@{...}`: a PSCustomObject whose properties keep the hashtable's key order. */
export function toPSCustomObject(value: unknown): unknown {
  if (value instanceof PSHashtable) return PSObject.from(value.entries().map(([k, v]) => [toPSString(k), v] as [string, unknown]));
  return value;
}

/** The error for a conversion PowerShell reports with an inner message (used by types outside this file). */
export function conversionError(value: unknown, target: PSType, inner: string, errorId: string): RuntimeError {
  return invalidCastError(`Cannot convert value "${errorText(value)}" to type "${target.fullName}". Error: "${inner}"`, errorId);
}
