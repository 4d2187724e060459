// Type names of any value, as PowerShell's `pstypenames` lists them (most derived first).
import { typeNamesOf } from '../../../src/format/type-info.ts';
import { typeOf } from '../../../src/runtime/types.ts';
import { PSObject } from '../../../src/runtime/values.ts';

/** The most derived type name (`System.String`, `System.Collections.ArrayList`, a PSObject's first type name). */
export function typeNameOf(value: unknown): string {
  if (value instanceof PSObject) {
    if (value.baseObject !== undefined && value.typeNames[0] === 'System.Management.Automation.PSCustomObject') return typeNameOf(value.baseObject);
    return value.typeName;
  }
  if (value === null || value === undefined) return 'System.Object';
  try {
    return typeOf(value).fullName;
  } catch {
    return typeNamesOf(value)[0];
  }
}

/** The whole type-name chain. */
export function typeNameChain(value: unknown): string[] {
  if (value instanceof PSObject) return value.typeNames;
  const first = typeNameOf(value);
  const rest = typeNamesOf(value).filter((n) => n !== first);
  return [first, ...rest];
}
