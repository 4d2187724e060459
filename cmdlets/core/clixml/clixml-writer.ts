// Serialises values to CLIXML, PowerShell's serialization format (MS-PSRP 2.2.5): primitives as
// typed elements (<S>, <I32>, <I64>, <Db>, <B>, <DT>, <TS>, <C>, <BA>, <Nil/>, <SS>), everything else as
// <Obj RefId> with its type names (<TN>, <TNRef> when a type list repeats), <ToString>, a collection
// (<LST> for arrays, <DCT> of <En> Key/Value for hashtables) and properties (<MS> for a custom object's
// note properties, <Props> for another type's). An object met again is a <Ref>. Beyond -Depth an object
// is written as its string, as PowerShell does.
import { numberTypeName } from '../../../src/runtime/numeric.ts';
import { toPSString } from '../../../src/runtime/to-string.ts';
import { EnumValue, PSHashtable, PSObject, SecureString, TimeSpan } from '../../../src/runtime/values.ts';
import { typeNameChain } from '../support/type-names.ts';

export const CLIXML_NAMESPACE = 'http://schemas.microsoft.com/powershell/2004/04';
const CUSTOM_OBJECT = 'System.Management.Automation.PSCustomObject';

/** XML text with PowerShell's `_xHHHH_` escapes for characters XML cannot hold (and for `_x` itself). */
export function encodeText(s: string): string {
  return s
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\r|\n/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** .NET's round-trip date text (`o`): seven fraction digits and the local offset. */
export function dateText(d: Date): string {
  const offsetMinutes = -d.getTimezoneOffset();
  const local = new Date(d.getTime() + offsetMinutes * 60_000);
  const iso = local.toISOString().replace('Z', '');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${iso}0000${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** xs:duration of a TimeSpan (`PT1H30M`, `P1DT2S`, `PT0S`). */
export function durationText(t: TimeSpan): string {
  let rest = Math.abs(t.totalMilliseconds);
  const take = (unitMs: number): number => {
    const count = Math.floor(rest / unitMs);
    rest -= count * unitMs;
    return count;
  };
  const [days, hours, minutes] = [take(86_400_000), take(3_600_000), take(60_000)];
  const seconds = rest / 1000;
  let time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
  if (!days && !time) time = '0S';
  return `${t.totalMilliseconds < 0 ? '-' : ''}P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

export interface WriterOptions {
  depth: number;
  /** Encrypts a SecureString's text to the hex stored in <SS>. */
  protect: (plain: string) => string;
}

export class ClixmlWriter {
  readonly #lines: string[] = [];
  readonly #refs = new Map<object, number>();
  readonly #typeLists = new Map<string, number>();

  constructor(private readonly options: WriterOptions) {}

  /** One top-level object. */
  add(value: unknown): void {
    this.#value(value, undefined, this.options.depth, '  ');
  }

  text(): string {
    return [`<Objs Version="1.1.0.1" xmlns="${CLIXML_NAMESPACE}">`, ...this.#lines, '</Objs>'].join('\r\n');
  }

  #primitive(tag: string, name: string | undefined, body: string | null, indent: string): void {
    const n = name === undefined ? '' : ` N="${encodeText(name)}"`;
    this.#lines.push(body === null ? `${indent}<${tag}${n} />` : `${indent}<${tag}${n}>${body}</${tag}>`);
  }

  #value(value: unknown, name: string | undefined, depth: number, indent: string): void {
    const v = unwrap(value);
    if (v === null || v === undefined) return this.#primitive('Nil', name, null, indent);
    if (typeof v === 'string') return this.#primitive('S', name, encodeText(v), indent);
    if (typeof v === 'boolean') return this.#primitive('B', name, String(v), indent);
    if (typeof v === 'number' || typeof v === 'bigint') {
      const type = numberTypeName(v);
      const tag = type === 'System.Int32' ? 'I32' : type === 'System.Int64' ? 'I64' : 'Db';
      return this.#primitive(tag, name, tag === 'Db' ? doubleText(Number(v)) : String(v), indent);
    }
    if (v instanceof Date) return this.#primitive('DT', name, dateText(v), indent);
    if (v instanceof TimeSpan) return this.#primitive('TS', name, durationText(v), indent);
    if (v instanceof SecureString) return this.#primitive('SS', name, this.options.protect(v.reveal()), indent);
    if (v instanceof Uint8Array) return this.#primitive('BA', name, Buffer.from(v).toString('base64'), indent);
    if (v instanceof EnumValue) return this.#primitive('S', name, encodeText(toPSString(v)), indent);
    if (depth <= 0) return this.#primitive('S', name, encodeText(toPSString(v)), indent);
    this.#object(v as object, name, depth, indent);
  }

  #object(v: object, name: string | undefined, depth: number, indent: string): void {
    const n = name === undefined ? '' : ` N="${encodeText(name)}"`;
    const seen = this.#refs.get(v);
    if (seen !== undefined) {
      this.#lines.push(`${indent}<Ref${n} RefId="${seen}" />`);
      return;
    }
    const refId = this.#refs.size;
    this.#refs.set(v, refId);
    this.#lines.push(`${indent}<Obj${n} RefId="${refId}">`);
    const inner = `${indent}  `;
    this.#typeNames(typeNameChain(v), inner);
    if (Array.isArray(v)) {
      this.#lines.push(`${inner}<LST>`);
      for (const item of v) this.#value(item, undefined, depth - 1, `${inner}  `);
      this.#lines.push(`${inner}</LST>`);
    } else if (v instanceof PSHashtable) {
      this.#lines.push(`${inner}<DCT>`);
      for (const [key, item] of v.entries()) {
        this.#lines.push(`${inner}  <En>`);
        this.#value(key, 'Key', depth - 1, `${inner}    `);
        this.#value(item, 'Value', depth - 1, `${inner}    `);
        this.#lines.push(`${inner}  </En>`);
      }
      this.#lines.push(`${inner}</DCT>`);
    } else if (v instanceof PSObject) {
      this.#primitive('ToString', undefined, encodeText(toPSString(v)), inner);
      const custom = v.typeNames.includes(CUSTOM_OBJECT);
      const tag = custom ? 'MS' : 'Props';
      const names = v.propertyNames();
      if (names.length > 0) {
        this.#lines.push(`${inner}<${tag}>`);
        for (const prop of names) this.#value(v.getProperty(prop), prop, depth - 1, `${inner}  `);
        this.#lines.push(`${inner}</${tag}>`);
      }
    } else {
      this.#primitive('ToString', undefined, encodeText(toPSString(v)), inner);
    }
    this.#lines.push(`${indent}</Obj>`);
  }

  #typeNames(names: string[], indent: string): void {
    const key = names.join('\n');
    const known = this.#typeLists.get(key);
    if (known !== undefined) {
      this.#lines.push(`${indent}<TNRef RefId="${known}" />`);
      return;
    }
    const refId = this.#typeLists.size;
    this.#typeLists.set(key, refId);
    this.#lines.push(`${indent}<TN RefId="${refId}">`, ...names.map((t) => `${indent}  <T>${encodeText(t)}</T>`), `${indent}</TN>`);
  }
}

function unwrap(value: unknown): unknown {
  return value instanceof PSObject && value.baseObject !== undefined ? value.baseObject : value;
}

/** .NET's round-trip text of a double (`R`): `1E+20`, `0.1`, `INF`, `NaN`. */
function doubleText(d: number): string {
  if (Number.isNaN(d)) return 'NaN';
  if (!Number.isFinite(d)) return d > 0 ? 'INF' : '-INF';
  return String(d).replace(/e\+?/, 'E+').replace('E+-', 'E-');
}
