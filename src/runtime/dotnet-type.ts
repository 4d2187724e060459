// PSType: a .NET type as emsh models it (type literals, casts, -is/-as, GetType(), static members).
import { AutomationNull, PSObject } from './values.ts';
import type { EnumType } from './values.ts';
import { castFailure } from './conversion.ts';

/** What the evaluator supplies to methods that run script blocks (`.Where({})`, `-replace` with a block). */
export interface MethodContext {
  /** Runs a script block with arguments and an optional `$_`; returns its output. */
  invokeScriptBlock(scriptBlock: unknown, args: unknown[], dollarUnder?: unknown): unknown[];
}

/** A static method: receives the already-evaluated arguments. Return AutomationNull for `void`. */
export type StaticMethod = (args: unknown[], ctx: MethodContext | undefined) => unknown;

export interface PSType {
  /** Short name: `Int32`, `String[]`, `List`1`... (what `.GetType().Name` shows). */
  name: string;
  /** Full name: `System.Int32`, `System.Collections.Generic.List`1[[System.String]]` is shortened to `...List[string]`-style. */
  fullName: string;
  /** `-is`: true when the value is an instance of this type. */
  isInstance(value: unknown): boolean;
  /** `[type]value`: converts or throws a RuntimeError (PSInvalidCastException) with PowerShell's message. */
  convert(value: unknown): unknown;
  /** Static properties (`[int]::MaxValue`), as getters; keys are canonical names, looked up case-insensitively. */
  staticMembers?: Record<string, () => unknown>;
  /** Static methods (`[math]::Round(...)`, `::new(...)`). */
  staticMethods?: Record<string, StaticMethod>;
  enumType?: EnumType;
  /** For array types (`string[]`) and List[T]: the element type. */
  elementType?: PSType;
  /** Generic arguments (`List[string]` → [String]). */
  typeArguments?: PSType[];
  /** For exception types: the full .NET exception name `catch [T]` matches (see errors.ts exceptionTypeChain). */
  exceptionTypeName?: string;
  /** Full name of the base type (`System.ValueType`, `System.Object`...), for `.BaseType`. */
  baseTypeName?: string;
  isValueType?: boolean;
}

export interface DotNetTypeInit {
  fullName: string;
  name?: string;
  isInstance: (value: unknown) => boolean;
  /** Conversion of a non-null, unwrapped value (PSObject wrappers of base values are removed first). */
  convert?: (value: unknown, self: PSType) => unknown;
  /** Result of converting $null (default: null for reference types, a cast error for value types). */
  fromNull?: () => unknown;
  /** Keep PSObject wrappers when converting (for [psobject], [object], [pscustomobject]). */
  keepPSObject?: boolean;
  staticMembers?: Record<string, () => unknown>;
  staticMethods?: Record<string, StaticMethod>;
  enumType?: EnumType;
  elementType?: PSType;
  typeArguments?: PSType[];
  exceptionTypeName?: string;
  baseTypeName?: string;
  isValueType?: boolean;
}

/** The standard PSType implementation; `toString()` is the full name, as `[int].ToString()`. */
export class DotNetType implements PSType {
  readonly name: string;
  readonly fullName: string;
  staticMembers?: Record<string, () => unknown>;
  staticMethods?: Record<string, StaticMethod>;
  readonly enumType?: EnumType;
  readonly elementType?: PSType;
  readonly typeArguments?: PSType[];
  readonly exceptionTypeName?: string;
  readonly baseTypeName?: string;
  readonly isValueType?: boolean;

  constructor(private readonly init: DotNetTypeInit) {
    this.fullName = init.fullName;
    this.name = init.name ?? init.fullName.split('.').pop()!;
    this.staticMembers = init.staticMembers;
    this.staticMethods = init.staticMethods;
    this.enumType = init.enumType;
    this.elementType = init.elementType;
    this.typeArguments = init.typeArguments;
    this.exceptionTypeName = init.exceptionTypeName;
    this.baseTypeName = init.baseTypeName ?? (init.isValueType ? 'System.ValueType' : 'System.Object');
    this.isValueType = init.isValueType;
  }

  isInstance(value: unknown): boolean {
    return this.init.isInstance(value);
  }

  convert(value: unknown): unknown {
    let v = value === AutomationNull || value === undefined ? null : value;
    if (!this.init.keepPSObject && v instanceof PSObject && v.baseObject !== undefined) v = v.baseObject;
    if (v === null) {
      if (this.init.fromNull) return this.init.fromNull();
      if (this.isValueType) throw castFailure(null, this);
      return null;
    }
    if (this.init.convert) return this.init.convert(v, this);
    if (this.init.isInstance(v)) return v;
    throw castFailure(v, this);
  }

  /** Adds static members after construction (modules extending a built-in type). */
  addStatics(members: Record<string, () => unknown> = {}, methods: Record<string, StaticMethod> = {}): void {
    this.staticMembers = { ...this.staticMembers, ...members };
    this.staticMethods = { ...this.staticMethods, ...methods };
  }

  toString(): string {
    return this.fullName;
  }
}

export function isPSType(value: unknown): value is PSType {
  return value instanceof DotNetType || (typeof value === 'object' && value !== null && 'fullName' in value && 'isInstance' in value && 'convert' in value);
}

/** Looks up a key of a record case-insensitively. */
export function lookupMember<T>(record: Record<string, T> | undefined, name: string): [string, T] | undefined {
  if (!record) return undefined;
  if (name in record) return [name, record[name]];
  const want = name.toLowerCase();
  for (const key of Object.keys(record)) if (key.toLowerCase() === want) return [key, record[key]];
  return undefined;
}
