// Property access for the object cmdlets (Select-Object, Sort-Object, Where-Object...): PSObject
// properties (falling back to a wrapped base value), hashtable keys, and the adapted .NET properties of
// the built-in values (a string's Length, a date's Year...).
import { adaptedPropertyTable, findAdaptedProperty } from '../../../src/runtime/scalar-properties.ts';
import { PSHashtable, PSObject } from '../../../src/runtime/values.ts';

export function getProperty(obj: unknown, name: string): unknown {
  if (obj instanceof PSObject) {
    if (obj.hasProperty(name)) return obj.getProperty(name);
    return obj.baseObject !== undefined ? getProperty(obj.baseObject, name) : undefined;
  }
  if (obj instanceof PSHashtable && obj.has(name)) return obj.get(name);
  if (obj === null || obj === undefined) return undefined;
  const entry = findAdaptedProperty(obj, name);
  if (!entry) return undefined;
  try {
    return entry.get(obj as never);
  } catch {
    return undefined;
  }
}

export function hasProperty(obj: unknown, name: string): boolean {
  if (obj instanceof PSObject) return obj.hasProperty(name) || (obj.baseObject !== undefined && hasProperty(obj.baseObject, name));
  if (obj instanceof PSHashtable && obj.has(name)) return true;
  if (obj === null || obj === undefined) return false;
  return findAdaptedProperty(obj, name) !== undefined;
}

/** Property names in order (hashtables: their keys). */
export function propertyNamesOf(obj: unknown): string[] {
  if (obj instanceof PSObject) {
    const own = obj.propertyNames();
    return own.length === 0 && obj.baseObject !== undefined ? propertyNamesOf(obj.baseObject) : own;
  }
  if (obj instanceof PSHashtable) return obj.keys().map(String);
  if (obj === null || obj === undefined) return [];
  return (adaptedPropertyTable(obj) ?? []).map((e) => e.name);
}
