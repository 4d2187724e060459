// Turns CLIXML back into values, as Import-Clixml does: primitives as themselves, <LST>/<IE> as arrays,
// <DCT> as hashtables, a PSCredential as a credential again, and any other object as a property bag
// whose type names carry the `Deserialized.` prefix (its methods are gone; ToString keeps its text).
import { TimeSpan, PSHashtable, PSObject, SecureString } from '../../../src/runtime/values.ts';
import { PS_CREDENTIAL, makeCredential } from '../support/credential.ts';
import type { XmlElement } from './xml-tree.ts';

export class ClixmlFormatError extends Error {}

/** Undoes the writer's `_xHHHH_` escapes. */
export function decodeText(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function durationOf(text: string): TimeSpan {
  const m = /^(-)?P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$/.exec(text.trim());
  if (!m) throw new ClixmlFormatError(`The duration "${text}" is not valid.`);
  const ms = TimeSpan.fromParts(Number(m[2] ?? 0), Number(m[3] ?? 0), Number(m[4] ?? 0), 0, Number(m[5] ?? 0) * 1000).totalMilliseconds;
  return new TimeSpan(m[1] ? -ms : ms);
}

function integer(text: string): number | bigint {
  const big = BigInt(text.trim());
  return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
}

function double(text: string): number {
  const t = text.trim();
  if (t === 'INF') return Infinity;
  if (t === '-INF') return -Infinity;
  return Number(t);
}

export class ClixmlReader {
  readonly #refs = new Map<string, unknown>();
  readonly #typeLists = new Map<string, string[]>();

  constructor(private readonly unprotect: (hex: string) => string) {}

  /** The top-level objects of an <Objs> document. */
  read(root: XmlElement): unknown[] {
    if (root.name !== 'Objs') throw new ClixmlFormatError(`The root element is <${root.name}>, not <Objs>.`);
    return root.children.map((child) => this.#value(child));
  }

  #value(e: XmlElement): unknown {
    const text = e.text;
    switch (e.name) {
      case 'Nil':
        return null;
      case 'S':
      case 'G':
      case 'URI':
      case 'Version':
      case 'XD':
      case 'SBK':
        return decodeText(text);
      case 'C':
        return String.fromCharCode(Number(text));
      case 'B':
        return text.trim().toLowerCase() === 'true';
      case 'By':
      case 'SB':
      case 'I16':
      case 'U16':
      case 'I32':
      case 'U32':
      case 'I64':
      case 'U64':
        return integer(text);
      case 'Db':
      case 'Sg':
      case 'D':
        return double(text);
      case 'DT':
        return new Date(text.trim().replace(/(\.\d{3})\d+/, '$1'));
      case 'TS':
        return durationOf(text);
      case 'BA':
        return new Uint8Array(Buffer.from(text.trim(), 'base64'));
      case 'SS':
        return new SecureString(this.unprotect(text));
      case 'Ref': {
        const id = e.attributes.RefId ?? '';
        if (!this.#refs.has(id)) throw new ClixmlFormatError(`The reference ${id} names no earlier object.`);
        return this.#refs.get(id);
      }
      case 'Obj':
        return this.#object(e);
      default:
        throw new ClixmlFormatError(`The element <${e.name}> is not a serialized value.`);
    }
  }

  #typeNames(e: XmlElement): string[] {
    const tn = e.children.find((c) => c.name === 'TN');
    if (tn) {
      const names = tn.children.filter((c) => c.name === 'T').map((t) => decodeText(t.text));
      this.#typeLists.set(tn.attributes.RefId ?? '', names);
      return names;
    }
    const ref = e.children.find((c) => c.name === 'TNRef');
    return ref ? (this.#typeLists.get(ref.attributes.RefId ?? '') ?? []) : [];
  }

  #object(e: XmlElement): unknown {
    const id = e.attributes.RefId;
    const types = this.#typeNames(e);
    const list = e.children.find((c) => ['LST', 'IE', 'STK', 'QUE'].includes(c.name));
    if (list) {
      const items: unknown[] = [];
      if (id !== undefined) this.#refs.set(id, items);
      for (const item of list.children) items.push(this.#value(item));
      return items;
    }
    const dictionary = e.children.find((c) => c.name === 'DCT');
    if (dictionary) {
      const table = new PSHashtable(types[0] === 'System.Collections.Specialized.OrderedDictionary');
      if (id !== undefined) this.#refs.set(id, table);
      for (const entry of dictionary.children) {
        const key = entry.children.find((c) => c.attributes.N === 'Key');
        const value = entry.children.find((c) => c.attributes.N === 'Value');
        if (key) table.set(this.#value(key), value ? this.#value(value) : null);
      }
      return table;
    }
    const properties = e.children.filter((c) => c.name === 'Props' || c.name === 'MS').flatMap((c) => c.children);
    const toString = e.children.find((c) => c.name === 'ToString');
    const primitive = e.children.find((c) => !['TN', 'TNRef', 'ToString', 'Props', 'MS'].includes(c.name));
    if (primitive && properties.length === 0) {
      const value = this.#value(primitive);
      if (id !== undefined) this.#refs.set(id, value);
      return value;
    }
    if (types[0] === PS_CREDENTIAL) {
      const user = properties.find((p) => p.attributes.N === 'UserName');
      const password = properties.find((p) => p.attributes.N === 'Password');
      const secret = password ? this.#value(password) : null;
      const credential = makeCredential(user ? String(this.#value(user) ?? '') : '', secret instanceof SecureString ? secret : new SecureString(''));
      if (id !== undefined) this.#refs.set(id, credential);
      return credential;
    }
    const obj = new PSObject(types.length > 0 ? types.map((t) => `Deserialized.${t}`) : ['Deserialized.System.Object']);
    if (id !== undefined) this.#refs.set(id, obj);
    for (const p of properties) obj.setProperty(decodeText(p.attributes.N ?? ''), this.#value(p));
    if (toString && !types.includes('System.Management.Automation.PSCustomObject')) {
      const text = decodeText(toString.text);
      obj.defineMethod({ name: 'ToString', invoke: () => text, definition: 'string ToString()' });
    }
    return obj;
  }
}
