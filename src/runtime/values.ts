// The value model: how PowerShell values are represented in JavaScript.
//
//   $null                      null (and AutomationNull for "a command wrote nothing")
//   [bool]                     boolean
//   [int] [long] [double] ...  number (bigint only beyond 2^53)
//   [string] [char]            string
//   arrays ([object[]])        JavaScript arrays; [byte[]] is a Uint8Array
//   [hashtable] / [ordered]    PSHashtable (case-insensitive keys, insertion order)
//   [pscustomobject], cmdlet   PSObject (type names + ordered, case-insensitive properties)
//   output objects
//   [scriptblock]              ScriptBlock (src/runtime/scriptblock.ts)
//   [datetime]                 Date
//   [timespan]                 TimeSpan
//   [securestring]             SecureString
//   enums and [Flags] enums    EnumValue

/**
 * The value of a command or statement that wrote nothing: kept in a variable, it pipes nothing and runs no
 * foreach or switch turn; the evaluator reads it as $null in operands and arguments (statement-value.ts).
 */
export const AutomationNull: unique symbol = Symbol('AutomationNull');
export type AutomationNullType = typeof AutomationNull;

export type PSValue = unknown;

// ---------------------------------------------------------------- PSObject

export interface PSPropertyDefinition {
  name: string;
  /** Note properties hold a value; script/code properties compute one. */
  kind: 'note' | 'script' | 'code' | 'alias';
  value?: unknown;
  get?: (self: PSObject) => unknown;
  set?: (self: PSObject, value: unknown) => void;
  /** For alias properties: the property referred to. */
  referencedName?: string;
  /** The declared .NET-style type name, for Get-Member ("System.String", "bool"...). */
  typeName?: string;
}

export interface PSMethodDefinition {
  name: string;
  invoke: (self: PSObject, args: unknown[]) => unknown;
  /** Overload definitions for Get-Member, e.g. "string ToString()". */
  definition?: string;
}

/**
 * An object with PowerShell type names and ordered, case-insensitive properties.
 * Cmdlets emit these with type names such as
 * `Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate`.
 */
export class PSObject {
  /** Most derived first, as PowerShell's `pstypenames`. */
  typeNames: string[];
  private readonly props = new Map<string, PSPropertyDefinition>();
  private readonly methods = new Map<string, PSMethodDefinition>();
  /** A wrapped JavaScript value, for objects that extend a base value. */
  baseObject?: unknown;
  /** Properties shown by default (DefaultDisplayPropertySet); all when absent. */
  defaultDisplayProperties?: string[];

  constructor(typeNames: string[] = ['System.Management.Automation.PSCustomObject', 'System.Object'], baseObject?: unknown) {
    this.typeNames = typeNames;
    this.baseObject = baseObject;
  }

  /** Builds a `[pscustomobject]` from plain key/value pairs, keeping their order. */
  static from(values: Record<string, unknown> | Iterable<[string, unknown]>, typeNames?: string[]): PSObject {
    const obj = new PSObject(typeNames);
    const entries = Symbol.iterator in Object(values) ? (values as Iterable<[string, unknown]>) : Object.entries(values);
    for (const [k, v] of entries) obj.setProperty(k, v);
    return obj;
  }

  get typeName(): string {
    return this.typeNames[0] ?? 'System.Object';
  }

  /** Adds or replaces a note property. */
  setProperty(name: string, value: unknown, typeName?: string): void {
    const existing = this.props.get(name.toLowerCase());
    if (existing && existing.kind !== 'note') {
      if (existing.set) {
        existing.set(this, value);
        return;
      }
      if (existing.kind === 'alias' && existing.referencedName) {
        this.setProperty(existing.referencedName, value);
        return;
      }
      throw new Error(`'${existing.name}' is a ReadOnly property.`);
    }
    if (existing) existing.value = value;
    else this.props.set(name.toLowerCase(), { name, kind: 'note', value, typeName });
  }

  defineProperty(def: PSPropertyDefinition): void {
    this.props.set(def.name.toLowerCase(), def);
  }

  defineMethod(def: PSMethodDefinition): void {
    this.methods.set(def.name.toLowerCase(), def);
  }

  hasProperty(name: string): boolean {
    return this.props.has(name.toLowerCase());
  }

  getPropertyDefinition(name: string): PSPropertyDefinition | undefined {
    return this.props.get(name.toLowerCase());
  }

  /** The property value, or undefined when there is no such property. */
  getProperty(name: string): unknown {
    const p = this.props.get(name.toLowerCase());
    if (!p) return undefined;
    switch (p.kind) {
      case 'note':
        return p.value;
      case 'alias':
        return p.referencedName ? this.getProperty(p.referencedName) : undefined;
      default:
        return p.get ? p.get(this) : undefined;
    }
  }

  removeProperty(name: string): boolean {
    return this.props.delete(name.toLowerCase());
  }

  /** Property names in order. */
  propertyNames(): string[] {
    return [...this.props.values()].map((p) => p.name);
  }

  properties(): PSPropertyDefinition[] {
    return [...this.props.values()];
  }

  getMethod(name: string): PSMethodDefinition | undefined {
    return this.methods.get(name.toLowerCase());
  }

  methodDefinitions(): PSMethodDefinition[] {
    return [...this.methods.values()];
  }

  /** A shallow copy (PowerShell's `psobject.Copy()`). */
  copy(): PSObject {
    const c = new PSObject([...this.typeNames], this.baseObject);
    for (const p of this.props.values()) c.props.set(p.name.toLowerCase(), { ...p });
    for (const m of this.methods.values()) c.methods.set(m.name.toLowerCase(), m);
    c.defaultDisplayProperties = this.defaultDisplayProperties;
    return c;
  }
}

// ---------------------------------------------------------------- Hashtable

/** `@{}` / `[ordered]@{}`: case-insensitive keys (for string keys), insertion order kept. */
export class PSHashtable {
  private readonly map = new Map<unknown, { key: unknown; value: unknown }>();
  constructor(public ordered = false) {}

  private norm(key: unknown): unknown {
    return typeof key === 'string' ? key.toLowerCase() : key;
  }

  get(key: unknown): unknown {
    return this.map.get(this.norm(key))?.value;
  }

  set(key: unknown, value: unknown): void {
    const k = this.norm(key);
    const existing = this.map.get(k);
    if (existing) existing.value = value;
    else this.map.set(k, { key, value });
  }

  has(key: unknown): boolean {
    return this.map.has(this.norm(key));
  }

  delete(key: unknown): boolean {
    return this.map.delete(this.norm(key));
  }

  clear(): void {
    this.map.clear();
  }

  get size(): number {
    return this.map.size;
  }

  keys(): unknown[] {
    return [...this.map.values()].map((e) => e.key);
  }

  values(): unknown[] {
    return [...this.map.values()].map((e) => e.value);
  }

  entries(): [unknown, unknown][] {
    return [...this.map.values()].map((e) => [e.key, e.value]);
  }

  clone(): PSHashtable {
    const h = new PSHashtable(this.ordered);
    for (const [k, v] of this.entries()) h.set(k, v);
    return h;
  }
}

// ---------------------------------------------------------------- other value types

/** `[timespan]`: a duration in milliseconds (PowerShell's ticks are 100 ns; we keep ms precision). */
export class TimeSpan {
  constructor(public readonly totalMilliseconds: number) {}
  static fromParts(days: number, hours: number, minutes: number, seconds: number, ms = 0): TimeSpan {
    return new TimeSpan((((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000 + ms);
  }
}

/** `[securestring]`: the plain text is kept private to the process and never formatted. */
export class SecureString {
  readonly #plain: string;
  constructor(plain: string) {
    this.#plain = plain;
  }
  get length(): number {
    return this.#plain.length;
  }
  /** Only for code that must hand the secret to a library (PFX decryption). */
  reveal(): string {
    return this.#plain;
  }
  toString(): string {
    return 'System.Security.SecureString';
  }
}

/** An enum type: a name and its members; flags enums combine with `, `. */
export class EnumType {
  private readonly byName = new Map<string, { name: string; value: number }>();
  constructor(
    public readonly fullName: string,
    members: Record<string, number>,
    public readonly flags = false,
  ) {
    for (const [name, value] of Object.entries(members)) this.byName.set(name.toLowerCase(), { name, value });
  }
  get shortName(): string {
    return this.fullName.split('.').pop() ?? this.fullName;
  }
  memberNames(): string[] {
    return [...this.byName.values()].map((m) => m.name);
  }
  members(): { name: string; value: number }[] {
    return [...this.byName.values()];
  }
  lookup(name: string): { name: string; value: number } | undefined {
    return this.byName.get(name.trim().toLowerCase());
  }
  /** The member names making up a value: one name, or for flags the set names in declaration order. */
  namesOf(value: number): string[] {
    const exact = [...this.byName.values()].find((m) => m.value === value);
    if (exact) return [exact.name];
    if (!this.flags) return [String(value)];
    const names: string[] = [];
    let rest = value;
    for (const m of this.byName.values()) {
      if (m.value !== 0 && (value & m.value) === m.value) {
        names.push(m.name);
        rest &= ~m.value;
      }
    }
    return rest === 0 ? names : [String(value)];
  }
  value(v: number): EnumValue {
    return new EnumValue(this, v);
  }
}

export class EnumValue {
  constructor(
    public readonly type: EnumType,
    public readonly value: number,
  ) {}
  toString(): string {
    return this.type.namesOf(this.value).join(', ');
  }
  has(flag: number): boolean {
    return (this.value & flag) === flag;
  }
}

/** Returns true for values PowerShell enumerates in a pipeline (arrays, lists), not strings or hashtables. */
export function isEnumerable(value: unknown): value is Iterable<unknown> {
  return Array.isArray(value) || value instanceof Uint8Array || value instanceof Set;
}

/** Iterates a value as PowerShell would when writing it to the pipeline. */
export function* enumerate(value: unknown): Iterable<unknown> {
  if (value === AutomationNull) return;
  if (isEnumerable(value)) yield* value as Iterable<unknown>;
  else yield value;
}

/** Unwraps a PSObject that only decorates a base value. */
export function baseValue(value: unknown): unknown {
  return value instanceof PSObject && value.baseObject !== undefined ? value.baseObject : value;
}
