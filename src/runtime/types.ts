// The type registry: type literals as written (`[int]`, `[System.IO.Path]`, `[string[]]`,
// `[System.Collections.Generic.List[string]]`), PowerShell's type accelerators, enums and object
// types registered by modules, and typeOf (what `.GetType()` and `-is` see).
import { DotNetType } from './dotnet-type.ts';
import type { PSType } from './dotnet-type.ts';
import { arrayElementType, PSGuid, PSIPAddress, PSList, PSReference, PSStringBuilder, PSVersion } from './dotnet-values.ts';
import { ErrorRecord, PSException } from './errors.ts';
import { NamedCollection } from './named-collection.ts';
import { numberTypeName } from './numeric.ts';
import { NetRegex } from './regex-engine.ts';
import { AutomationNull, EnumType, EnumValue, PSHashtable, PSObject, SecureString, TimeSpan } from './values.ts';
import { installBuiltinTypes } from './builtin-types.ts';

export type { PSType } from './dotnet-type.ts';

const byFullName = new Map<string, PSType>();
const byShortName = new Map<string, PSType>();
const generics = new Map<string, (args: PSType[]) => PSType | undefined>();
const arrayTypes = new Map<PSType, PSType>();
const synthesized = new Map<string, PSType>();
const enumTypes = new Map<EnumType, PSType>();
let installed = false;

function ensureBuiltins(): void {
  if (installed) return;
  installed = true;
  installBuiltinTypes();
}

/**
 * Registers a type under its full name and optional accelerator names (`int`, `hashtable`...).
 * A later registration of the same name replaces the earlier one.
 */
export function registerType(type: PSType, ...accelerators: string[]): PSType {
  ensureBuiltins();
  byFullName.set(type.fullName.toLowerCase(), type);
  for (const a of accelerators) byShortName.set(a.toLowerCase(), type);
  return type;
}

/** Registers a generic type definition: `registerGeneric('System.Collections.Generic.List', args => ...)`. */
export function registerGeneric(fullName: string, factory: (args: PSType[]) => PSType | undefined): void {
  generics.set(fullName.toLowerCase(), factory);
}

/** The PSType for an enum (creating and registering it on first use). */
export function enumPSType(enumType: EnumType): PSType {
  let t = enumTypes.get(enumType);
  if (!t) {
    t = makeEnumType(enumType);
    enumTypes.set(enumType, t);
  }
  return t;
}

/** Registers a module's enum (e.g. Exchange's AllowedServices flags) so `[Name]` and `[Full.Name]` resolve. */
export function registerEnum(enumType: EnumType, ...accelerators: string[]): PSType {
  const t = enumPSType(enumType);
  registerType(t, enumType.shortName, ...accelerators);
  return t;
}

let enumTypeFactory: ((e: EnumType) => PSType) | undefined;
/** Set by the built-in types: how enum PSTypes are made (conversion lives in conversion.ts). */
export function setEnumTypeFactory(factory: (e: EnumType) => PSType): void {
  enumTypeFactory = factory;
}

function makeEnumType(e: EnumType): PSType {
  ensureBuiltins();
  return enumTypeFactory!(e);
}

/** Finds a registered type by full name (case-insensitive, no accelerators, no `System.` inference). */
export function typeByFullName(fullName: string): PSType | undefined {
  ensureBuiltins();
  return byFullName.get(fullName.toLowerCase());
}

function lookupSimple(name: string): PSType | undefined {
  const lower = name.trim().toLowerCase();
  return byShortName.get(lower) ?? byFullName.get(lower) ?? byFullName.get(`system.${lower}`);
}

/** Index of the `[` matching the final `]` of a type name. */
function openingBracket(name: string): number {
  let depth = 0;
  for (let i = name.length - 1; i >= 0; i--) {
    if (name[i] === ']') depth++;
    else if (name[i] === '[' && --depth === 0) return i;
  }
  return -1;
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if (c === '[') depth++;
    if (c === ']') depth--;
    if (c === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts.map((p) => p.trim().replace(/^\[(.*)\]$/s, '$1').trim());
}

/**
 * Resolves a type literal as written, without brackets: `int`, `Int32`, `System.Int32`, `string[]`,
 * `System.Collections.Generic.List[string]`, registered enums and module types. Case-insensitive;
 * `System.` may be omitted. Undefined when unknown.
 */
export function resolveType(name: string): PSType | undefined {
  ensureBuiltins();
  const text = name.trim().replace(/^\[(.*)\]$/s, '$1').trim();
  if (!text) return undefined;
  if (text.endsWith(']')) {
    const open = openingBracket(text);
    if (open <= 0) return undefined;
    const base = text.slice(0, open).trim();
    const inner = text.slice(open + 1, -1);
    if (/^\s*(,\s*)*$/.test(inner)) {
      const element = resolveType(base);
      return element ? arrayTypeOf(element) : undefined;
    }
    const args = splitTopLevel(inner).map(resolveType);
    if (args.some((a) => !a)) return undefined;
    const generic = base.replace(/`\d+$/, '').toLowerCase();
    const factory =
      generics.get(generic) ??
      generics.get(`system.${generic}`) ??
      generics.get(`system.collections.generic.${generic}`);
    return factory?.(args as PSType[]);
  }
  return lookupSimple(text);
}

/** The array type `T[]` for an element type (cached, so `[int[]]` is always the same object). */
export function arrayTypeOf(element: PSType): PSType {
  let t = arrayTypes.get(element);
  if (!t) {
    t = makeArrayType(element);
    arrayTypes.set(element, t);
  }
  return t;
}

let arrayTypeFactory: ((element: PSType) => PSType) | undefined;
export function setArrayTypeFactory(factory: (element: PSType) => PSType): void {
  arrayTypeFactory = factory;
}

function makeArrayType(element: PSType): PSType {
  ensureBuiltins();
  return arrayTypeFactory!(element);
}

/** A type known only by name (an object's first type name, an unregistered exception). */
export function synthesizedType(fullName: string, isInstance?: (v: unknown) => boolean): PSType {
  const key = fullName.toLowerCase();
  let t = byFullName.get(key) ?? synthesized.get(key);
  if (!t) {
    t = new DotNetType({
      fullName,
      isInstance: isInstance ?? ((v) => v instanceof PSObject && v.typeNames.some((n) => n.toLowerCase() === key)),
    });
    synthesized.set(key, t);
  }
  return t;
}

function builtin(fullName: string): PSType {
  return byFullName.get(fullName.toLowerCase())!;
}

let scriptBlockDetector: (v: unknown) => boolean = (v) =>
  typeof v === 'object' && v !== null && (v as object).constructor?.name === 'ScriptBlock';

/** True for script block values (opaque to these modules; by default any object of class `ScriptBlock`). */
export function isScriptBlock(value: unknown): boolean {
  return scriptBlockDetector(value);
}

/** Lets the evaluator say what a script block is, if its class is not named `ScriptBlock`. */
export function setScriptBlockDetector(detector: (v: unknown) => boolean): void {
  scriptBlockDetector = detector;
}

/**
 * The type of a value, as `.GetType()`, `-is` and Get-Member see it. Numbers are Int32 when integral and
 * in Int32 range, Int64 beyond, Double otherwise (the value model does not remember `[double]2`);
 * `$null` reports System.Object.
 */
export function typeOf(value: unknown): PSType {
  ensureBuiltins();
  if (value === null || value === undefined || value === AutomationNull) return builtin('System.Object');
  switch (typeof value) {
    case 'boolean':
      return builtin('System.Boolean');
    case 'number':
    case 'bigint':
      return builtin(numberTypeName(value));
    case 'string':
      return builtin('System.String');
    case 'function':
      return builtin('System.Object');
  }
  if (value instanceof PSObject) {
    if (value.baseObject !== undefined) return typeOf(value.baseObject);
    return byFullName.get(value.typeName.toLowerCase()) ?? synthesizedType(value.typeName);
  }
  if (value instanceof Uint8Array) return arrayTypeOf(builtin('System.Byte'));
  if (value instanceof PSList) {
    return value.elementType ? resolveType(`System.Collections.Generic.List[${value.elementType.fullName}]`)! : builtin('System.Collections.ArrayList');
  }
  if (value instanceof NamedCollection) return synthesizedType(value.typeName, (v) => v instanceof NamedCollection && v.typeName === value.typeName);
  if (Array.isArray(value)) return arrayTypeOf(arrayElementType(value) ?? builtin('System.Object'));
  if (value instanceof PSHashtable) return builtin(value.ordered ? 'System.Collections.Specialized.OrderedDictionary' : 'System.Collections.Hashtable');
  if (value instanceof Date) return builtin('System.DateTime');
  if (value instanceof TimeSpan) return builtin('System.TimeSpan');
  if (value instanceof SecureString) return builtin('System.Security.SecureString');
  if (value instanceof EnumValue) return enumPSType(value.type);
  if (value instanceof NetRegex) return builtin('System.Text.RegularExpressions.Regex');
  if (value instanceof PSVersion) return builtin('System.Version');
  if (value instanceof PSGuid) return builtin('System.Guid');
  if (value instanceof PSIPAddress) return builtin('System.Net.IPAddress');
  if (value instanceof PSReference) return builtin('System.Management.Automation.PSReference');
  if (value instanceof PSStringBuilder) return builtin('System.Text.StringBuilder');
  if (value instanceof DotNetType) return builtin('System.RuntimeType');
  if (value instanceof ErrorRecord) return builtin('System.Management.Automation.ErrorRecord');
  if (value instanceof PSException) return byFullName.get(value.typeName.toLowerCase()) ?? synthesizedType(value.typeName, (v) => v instanceof PSException && v.isA(value.typeName));
  if (isScriptBlock(value)) return builtin('System.Management.Automation.ScriptBlock');
  return builtin('System.Object');
}
