// System.Text.Encoding: `[Text.Encoding]::UTF8.GetBytes('x')`, `.GetString($bytes)`, GetEncoding(name).
import type { StaticMethod } from './dotnet-type.ts';
import { argBytes, argString, expectArgs, unwrapArg } from './method-support.ts';
import { argumentError } from './runtime-error.ts';
import { toNumber } from './conversion-scalars.ts';
import { toPSString } from './to-string.ts';

type Kind = 'utf8' | 'ascii' | 'utf16le' | 'utf16be' | 'utf32' | 'latin1';

interface EncodingInfo {
  encodingName: string;
  webName: string;
  codePage: number;
  preamble: number[];
}

const INFO: Record<Kind, EncodingInfo> = {
  utf8: { encodingName: 'Unicode (UTF-8)', webName: 'utf-8', codePage: 65001, preamble: [0xef, 0xbb, 0xbf] },
  ascii: { encodingName: 'US-ASCII', webName: 'us-ascii', codePage: 20127, preamble: [] },
  utf16le: { encodingName: 'Unicode', webName: 'utf-16', codePage: 1200, preamble: [0xff, 0xfe] },
  utf16be: { encodingName: 'Unicode (Big-Endian)', webName: 'utf-16BE', codePage: 1201, preamble: [0xfe, 0xff] },
  utf32: { encodingName: 'Unicode (UTF-32)', webName: 'utf-32', codePage: 12000, preamble: [0xff, 0xfe, 0, 0] },
  latin1: { encodingName: 'Western European (Windows)', webName: 'Windows-1252', codePage: 1252, preamble: [] },
};

/** An Encoding instance; GetBytes never writes a preamble (as .NET). */
export class PSEncoding {
  constructor(readonly kind: Kind) {}

  get info(): EncodingInfo {
    return INFO[this.kind];
  }

  getBytes(text: string): Uint8Array {
    switch (this.kind) {
      case 'utf8':
        return new Uint8Array(Buffer.from(text, 'utf8'));
      case 'ascii':
        return Uint8Array.from([...text].flatMap((c) => (c.length === 2 ? [63, 63] : [c.charCodeAt(0) < 128 ? c.charCodeAt(0) : 63])));
      case 'latin1':
        return Uint8Array.from([...text].map((c) => (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 63)));
      case 'utf16le':
        return new Uint8Array(Buffer.from(text, 'utf16le'));
      case 'utf16be':
        return new Uint8Array(Buffer.from(text, 'utf16le').swap16());
      case 'utf32': {
        const cps = [...text].map((c) => c.codePointAt(0)!);
        const out = new Uint8Array(cps.length * 4);
        const view = new DataView(out.buffer);
        cps.forEach((cp, i) => view.setUint32(i * 4, cp, true));
        return out;
      }
    }
  }

  getString(bytes: Uint8Array): string {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    switch (this.kind) {
      case 'utf8':
        return buf.toString('utf8');
      case 'ascii':
        return [...bytes].map((b) => (b < 128 ? String.fromCharCode(b) : '?')).join('');
      case 'latin1':
        return buf.toString('latin1');
      case 'utf16le':
        return buf.toString('utf16le');
      case 'utf16be':
        return Buffer.from(buf).swap16().toString('utf16le');
      case 'utf32': {
        const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        let s = '';
        for (let i = 0; i + 3 < bytes.length; i += 4) s += String.fromCodePoint(view.getUint32(i, true));
        return s;
      }
    }
  }

  toString(): string {
    return `System.Text.${{ utf8: 'UTF8Encoding', ascii: 'ASCIIEncoding', utf16le: 'UnicodeEncoding', utf16be: 'UnicodeEncoding', utf32: 'UTF32Encoding', latin1: 'SBCSCodePageEncoding' }[this.kind]}`;
  }
}

const instances = new Map<Kind, PSEncoding>();
export function encoding(kind: Kind): PSEncoding {
  let e = instances.get(kind);
  if (!e) instances.set(kind, (e = new PSEncoding(kind)));
  return e;
}

/** Encoding.GetEncoding(name | codepage). */
export function encodingByName(nameOrCodePage: string | number): PSEncoding | undefined {
  const key = String(nameOrCodePage).toLowerCase().replace(/[_\s]/g, '-');
  for (const [kind, info] of Object.entries(INFO) as [Kind, EncodingInfo][]) {
    if (info.webName.toLowerCase() === key || String(info.codePage) === key) return encoding(kind);
  }
  const aliases: Record<string, Kind> = { utf8: 'utf8', ascii: 'ascii', unicode: 'utf16le', 'utf-16le': 'utf16le', bigendianunicode: 'utf16be', utf32: 'utf32', 'iso-8859-1': 'latin1', latin1: 'latin1', default: 'latin1' };
  const k = aliases[key];
  return k ? encoding(k) : undefined;
}

export const encodingStatics: { members: Record<string, () => unknown>; methods: Record<string, StaticMethod> } = {
  members: {
    UTF8: () => encoding('utf8'),
    ASCII: () => encoding('ascii'),
    Unicode: () => encoding('utf16le'),
    BigEndianUnicode: () => encoding('utf16be'),
    UTF32: () => encoding('utf32'),
    Default: () => encoding('latin1'),
  },
  methods: {
    GetEncoding: (args) => {
      expectArgs('GetEncoding', args, 1);
      const v = unwrapArg(args[0]);
      const e = encodingByName(typeof v === 'number' ? v : toPSString(v));
      if (!e) {
        throw argumentError('System.ArgumentException', `'${toPSString(v)}' is not a supported encoding name. For information on defining a custom encoding, see the documentation for the Encoding.RegisterProvider method.`, 'name');
      }
      return e;
    },
  },
};

/** Instance members of an Encoding. */
export function encodingMember(e: PSEncoding, name: string): { found: boolean; value?: unknown } {
  const info = e.info;
  switch (name.toLowerCase()) {
    case 'encodingname':
      return { found: true, value: info.encodingName };
    case 'webname':
    case 'bodyname':
    case 'headername':
      return { found: true, value: info.webName };
    case 'codepage':
    case 'windowscodepage':
      return { found: true, value: info.codePage };
    case 'issinglebyte':
      return { found: true, value: e.kind === 'ascii' || e.kind === 'latin1' };
  }
  return { found: false };
}

export function encodingMethod(e: PSEncoding, name: string, args: unknown[]): { found: boolean; value?: unknown } {
  switch (name.toLowerCase()) {
    case 'getbytes': {
      expectArgs('GetBytes', args, 1);
      const v = unwrapArg(args[0]);
      const text = Array.isArray(v) ? v.map(toPSString).join('') : argString(v);
      if (text === null) throw argumentError('System.ArgumentNullException', 'String reference not set to an instance of a String.', 's');
      return { found: true, value: e.getBytes(text) };
    }
    case 'getstring': {
      expectArgs('GetString', args, 1, 3);
      let bytes = argBytes(args[0]);
      if (args.length === 3) {
        const index = Number(toNumber(args[1]));
        bytes = bytes.subarray(index, index + Number(toNumber(args[2])));
      }
      return { found: true, value: e.getString(bytes) };
    }
    case 'getbytecount':
      expectArgs('GetByteCount', args, 1);
      return { found: true, value: e.getBytes(argString(args[0]) ?? '').length };
    case 'getpreamble':
      expectArgs('GetPreamble', args, 0);
      return { found: true, value: Uint8Array.from(e.info.preamble) };
  }
  return { found: false };
}
