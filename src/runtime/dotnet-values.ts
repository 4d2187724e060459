// JavaScript stand-ins for .NET values the value model (values.ts) leaves open:
// [version], [guid], [ipaddress], [ref], System.Text.StringBuilder, and the growable lists
// System.Collections.ArrayList / System.Collections.Generic.List[T].
import { createRequire } from 'node:module';
import type { PSType } from './dotnet-type.ts';

/** `[version]`: Major.Minor[.Build[.Revision]]; absent parts are -1 as in .NET. */
export class PSVersion {
  constructor(
    readonly major: number,
    readonly minor: number,
    readonly build = -1,
    readonly revision = -1,
  ) {}

  static parse(text: string): PSVersion | undefined {
    const m = /^\s*(\d+)\.(\d+)(?:\.(\d+)(?:\.(\d+))?)?\s*$/.exec(text);
    if (!m) return undefined;
    return new PSVersion(Number(m[1]), Number(m[2]), m[3] === undefined ? -1 : Number(m[3]), m[4] === undefined ? -1 : Number(m[4]));
  }

  compareTo(other: PSVersion): number {
    const a = [this.major, this.minor, this.build, this.revision];
    const b = [other.major, other.minor, other.build, other.revision];
    for (let i = 0; i < 4; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
  }

  toString(): string {
    const parts = [this.major, this.minor];
    if (this.build >= 0) parts.push(this.build);
    if (this.build >= 0 && this.revision >= 0) parts.push(this.revision);
    return parts.join('.');
  }
}

/** `[guid]`, kept as 32 lower-case hex digits. */
export class PSGuid {
  private constructor(readonly hex: string) {}

  static parse(text: string): PSGuid | undefined {
    const s = text.trim();
    const m =
      /^([0-9a-f]{32})$/i.exec(s) ??
      /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i.exec(s) ??
      /^\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)$/i.exec(s);
    if (!m) return undefined;
    if (s.startsWith('{') !== s.endsWith('}')) return undefined;
    return new PSGuid(m[1].replace(/-/g, '').toLowerCase());
  }

  static fromHex(hex: string): PSGuid {
    return new PSGuid(hex.toLowerCase());
  }

  /** Guid.ToString(format): N, D (default), B, P. */
  format(fmt = 'D'): string | undefined {
    const h = this.hex;
    const d = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    switch (fmt || 'D') {
      case 'N':
      case 'n':
        return h;
      case 'D':
      case 'd':
        return d;
      case 'B':
      case 'b':
        return `{${d}}`;
      case 'P':
      case 'p':
        return `(${d})`;
      default:
        return undefined;
    }
  }

  toString(): string {
    return this.format('D')!;
  }
}

/** `[ipaddress]`. */
export class PSIPAddress {
  private constructor(
    readonly address: string,
    readonly family: 'InterNetwork' | 'InterNetworkV6',
  ) {}

  static parse(text: string): PSIPAddress | undefined {
    const s = text.trim();
    // node:net is required on first use: importing it costs every start of the shell a few milliseconds.
    const v = (createRequire(import.meta.url)('node:net') as typeof import('node:net')).isIP(s);
    if (v === 4) return new PSIPAddress(s, 'InterNetwork');
    if (v === 6) return new PSIPAddress(s.toLowerCase(), 'InterNetworkV6');
    return undefined;
  }

  toString(): string {
    return this.address;
  }
}

/** `[ref]`: a reference the evaluator binds to a variable (get/set); `PSReference.box(v)` holds a value. */
export class PSReference {
  constructor(
    private readonly getter: () => unknown,
    private readonly setter: (value: unknown) => void,
  ) {}

  static box(initial: unknown): PSReference {
    let v = initial;
    return new PSReference(
      () => v,
      (x) => {
        v = x;
      },
    );
  }

  get value(): unknown {
    return this.getter();
  }

  set value(v: unknown) {
    this.setter(v);
  }
}

/** System.Text.StringBuilder. */
export class PSStringBuilder {
  constructor(public text = '') {}
  toString(): string {
    return this.text;
  }
}

/**
 * A growable list: System.Collections.ArrayList (no element type) or List[T] (elements converted to T).
 * Still a JS array, so indexing, `+` and pipelines treat it as a collection.
 */
export class PSList extends Array<unknown> {
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  declare readonly elementType: PSType | undefined;

  static create(items: Iterable<unknown> = [], elementType?: PSType): PSList {
    const list = new PSList();
    Object.defineProperty(list, 'elementType', { value: elementType, enumerable: false });
    for (const item of items) list.push(item);
    return list;
  }
}

const MUTABLE = Symbol('mutableList');
const ELEMENT_TYPE = Symbol('elementType');

/** Marks a plain array as a growable collection (PSObject.typeNames exposed as `pstypenames`). */
export function markMutable<T extends unknown[]>(array: T): T {
  if (!(MUTABLE in array)) Object.defineProperty(array, MUTABLE, { value: true, enumerable: false });
  return array;
}

export function isMutableList(value: unknown): value is unknown[] {
  return value instanceof PSList || (Array.isArray(value) && MUTABLE in value);
}

/** Records the element type of an array made by a typed conversion (`[string[]]`), for GetType(). */
export function tagElementType<T extends unknown[]>(array: T, type: PSType): T {
  Object.defineProperty(array, ELEMENT_TYPE, { value: type, enumerable: false, configurable: true });
  return array;
}

export function arrayElementType(array: unknown[]): PSType | undefined {
  return (array as unknown as Record<symbol, PSType | undefined>)[ELEMENT_TYPE];
}
