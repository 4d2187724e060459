// .NET type names of values, as the formatter needs them: the type-name chain used to pick a
// registered view, the short name shown in error CategoryInfo (`String`, `Int32`), and which values
// are "scalars" (PowerShell's DefaultScalarTypes) that print as plain strings.
import { EnumValue, PSHashtable, PSObject, SecureString, TimeSpan } from '../runtime/values.ts';
import { ErrorRecord } from '../runtime/errors.ts';
import { ScriptBlock } from '../runtime/scriptblock.ts';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

function numberTypeName(n: number): string {
  if (!Number.isInteger(n)) return 'System.Double';
  if (n >= INT32_MIN && n <= INT32_MAX) return 'System.Int32';
  return Number.isSafeInteger(n) ? 'System.Int64' : 'System.Double';
}

/** The full .NET type name of the value itself (most derived). */
export function fullTypeName(value: unknown): string {
  if (value instanceof PSObject) return value.typeName;
  switch (typeof value) {
    case 'string':
      return 'System.String';
    case 'boolean':
      return 'System.Boolean';
    case 'number':
      return numberTypeName(value);
    case 'bigint':
      return 'System.Numerics.BigInteger';
  }
  if (value instanceof Date) return 'System.DateTime';
  if (value instanceof TimeSpan) return 'System.TimeSpan';
  if (value instanceof SecureString) return 'System.Security.SecureString';
  if (value instanceof EnumValue) return value.type.fullName;
  if (value instanceof Uint8Array) return 'System.Byte[]';
  if (Array.isArray(value)) return 'System.Object[]';
  if (value instanceof PSHashtable) {
    return value.ordered ? 'System.Collections.Specialized.OrderedDictionary' : 'System.Collections.Hashtable';
  }
  if (value instanceof ErrorRecord) return 'System.Management.Automation.ErrorRecord';
  if (value instanceof ScriptBlock) return 'System.Management.Automation.ScriptBlock';
  return 'System.Object';
}

/** The type-name chain (most derived first), as `$x.pstypenames`. */
export function typeNamesOf(value: unknown): string[] {
  if (value instanceof PSObject) return value.typeNames;
  const name = fullTypeName(value);
  if (value instanceof EnumValue) return [name, 'System.Enum', 'System.ValueType', 'System.Object'];
  if (Array.isArray(value) || value instanceof Uint8Array) return [name, 'System.Array', 'System.Object'];
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date || value instanceof TimeSpan) {
    return [name, 'System.ValueType', 'System.Object'];
  }
  return name === 'System.Object' ? [name] : [name, 'System.Object'];
}

/** The type name without its namespace: `String`, `Int32`, `PSCustomObject`. */
export function shortTypeName(value: unknown): string {
  const full = fullTypeName(value);
  const generic = full.indexOf('`');
  const base = generic >= 0 ? full.slice(0, generic) : full;
  return base.slice(base.lastIndexOf('.') + 1);
}

const SCALAR_TYPE_NAMES = new Set([
  'System.String', 'System.SByte', 'System.Byte', 'System.Int16', 'System.Int32', 'System.Int64',
  'System.UInt16', 'System.UInt32', 'System.UInt64', 'System.Char', 'System.Single', 'System.Double',
  'System.Boolean', 'System.Decimal', 'System.IntPtr', 'System.Security.SecureString',
  'System.Numerics.BigInteger',
]);

/** True for values that Out-Default prints with ToString() (strings, numbers, booleans, enums...). */
export function isScalar(value: unknown): boolean {
  if (value instanceof PSObject) {
    if (value.baseObject !== undefined && value.baseObject !== null) return isScalar(value.baseObject);
    return SCALAR_TYPE_NAMES.has(value.typeName) || value.typeNames[1] === 'System.Enum';
  }
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'bigint':
    case 'boolean':
      return true;
  }
  return value instanceof EnumValue || value instanceof SecureString;
}

/** Scalars that are not strings: their table columns are right-aligned. */
export function isRightAlignedScalar(value: unknown): boolean {
  const base = value instanceof PSObject && value.baseObject !== undefined ? value.baseObject : value;
  if (typeof base === 'string') return false;
  if (value instanceof PSObject && base === value) return isScalar(value) && value.typeName !== 'System.String';
  return isScalar(base);
}
