// Converting an argument to a parameter's declared type, as the binder does, with and without coercion.
import { convertTo } from '../runtime/conversion.ts';
import { PSException } from '../runtime/errors.ts';
import { ScriptBlock } from '../runtime/scriptblock.ts';
import { EnumType, EnumValue, PSHashtable, PSObject, SecureString, TimeSpan, baseValue } from '../runtime/values.ts';
import { toPSString } from '../runtime/to-string.ts';
import type { ParamType } from './cmdlet.ts';

/** True when the value already has the parameter's type (the binder's "without coercion" pass). */
export function isOfParameterType(value: unknown, type: ParamType): boolean {
  const v = baseValue(value);
  if (typeof type !== 'string') return v instanceof EnumValue && v.type === ('enum' in type ? type.enum : type);
  switch (type) {
    case 'string':
    case 'char':
      return typeof v === 'string';
    case 'int':
    case 'long':
      return typeof v === 'number' && Number.isInteger(v);
    case 'double':
      return typeof v === 'number';
    case 'bool':
    case 'switch':
      return typeof v === 'boolean';
    case 'object':
    case 'psobject':
      return true;
    case 'hashtable':
      return v instanceof PSHashtable;
    case 'scriptblock':
      return v instanceof ScriptBlock;
    case 'securestring':
      return v instanceof SecureString;
    case 'byte[]':
      return v instanceof Uint8Array;
    case 'datetime':
      return v instanceof Date;
    case 'timespan':
      return v instanceof TimeSpan;
    case 'string[]':
      return typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
    case 'int[]':
      return Array.isArray(v) && v.every((x) => typeof x === 'number');
    case 'object[]':
      return true;
    case 'hashtable[]':
      return v instanceof PSHashtable || (Array.isArray(v) && v.every((x) => x instanceof PSHashtable));
    case 'scriptblock[]':
      return v instanceof ScriptBlock || (Array.isArray(v) && v.every((x) => x instanceof ScriptBlock));
  }
}

/** Converts to the parameter type; throws PSException (PSInvalidCastException) when impossible. */
export function coerceToParameterType(value: unknown, type: ParamType): unknown {
  if (typeof type !== 'string') {
    const enumType = 'enum' in type ? type.enum : type;
    return toEnumNumber(value, enumType);
  }
  const v = value instanceof PSObject && value.baseObject !== undefined ? value.baseObject : value;
  switch (type) {
    case 'object':
    case 'psobject':
      return value;
    case 'object[]':
      return Array.isArray(v) ? v : v === null || v === undefined ? v : [v];
    case 'switch':
    case 'bool':
      return convertTo(v, 'bool');
    case 'string[]':
      return toArray(v).map((x) => (x === null ? null : toPSString(x)));
    case 'int[]':
      return toArray(v).map((x) => convertTo(x, 'int'));
    case 'hashtable[]':
      return toArray(v).map((x) => (x instanceof PSHashtable && !x.ordered ? x : convertTo(x, 'hashtable')));
    case 'scriptblock[]':
      // Already the type (ForEach-Object { ... } in every nested pipeline): no type-name lookup.
      return toArray(v).map((x) => (x instanceof ScriptBlock ? x : convertTo(x, 'scriptblock')));
    case 'string':
      if (Array.isArray(v)) return v.map((x) => toPSString(x)).join(' ');
      return v === null || v === undefined ? v : toPSString(v);
    case 'scriptblock':
      return v instanceof ScriptBlock ? v : convertTo(v, type);
    case 'hashtable':
      return v instanceof PSHashtable && !v.ordered ? v : convertTo(v, type);
    default:
      return convertTo(v, type);
  }
}

function toArray(v: unknown): unknown[] {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return v;
  if (v instanceof Uint8Array) return Array.from(v);
  return [v];
}

/** Enum conversion: names (case-insensitive, comma lists for flags), numbers, EnumValues. */
export function toEnumNumber(value: unknown, enumType: EnumType): number {
  const v = baseValue(value);
  if (v instanceof EnumValue && v.type === enumType) return v.value;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  const names: string[] = Array.isArray(v)
    ? v.flatMap((x) => toPSString(x).split(','))
    : toPSString(v).split(',');
  let result = 0;
  for (const raw of names) {
    const name = raw.trim();
    const member = enumType.lookup(name);
    if (!member || (!enumType.flags && names.length > 1)) {
      throw new PSException(
        `Cannot convert value "${toPSString(v)}" to type "${enumType.fullName}". Error: "Unable to match the identifier name ${name} to a valid enumerator name. Specify one of the following enumerator names and try again:\n${enumType.memberNames().join(', ')}"`,
        'System.Management.Automation.PSInvalidCastException',
      );
    }
    result |= member.value;
  }
  return result;
}
