// Text encodings of the file cmdlets (-Encoding on Get-Content, Set-Content, Add-Content, Out-File,
// Export-Csv...). Names are Windows PowerShell 5.1's FileSystemCmdletProviderEncoding values plus
// PowerShell 7's utf8BOM/utf8NoBOM. Writing without -Encoding uses UTF-8 without a byte order mark (a
// deliberate deviation from 5.1's ANSI/UTF-16 defaults: the files are read by Linux and macOS tools);
// reading without -Encoding honours a byte order mark and otherwise reads UTF-8.

export const ENCODING_NAMES = [
  'Unknown', 'String', 'Unicode', 'Byte', 'BigEndianUnicode', 'UTF8', 'UTF7', 'UTF32', 'Ascii', 'Default', 'Oem',
  'BigEndianUTF32', 'utf8BOM', 'utf8NoBOM',
];

type Kind = 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be' | 'utf32le' | 'utf32be' | 'ascii' | 'latin1' | 'byte';

function kindOf(name: string | undefined): Kind {
  switch ((name ?? '').toLowerCase()) {
    case 'unicode':
    case 'string':
    case 'unknown':
      return 'utf16le';
    case 'bigendianunicode':
      return 'utf16be';
    case 'utf8':
    case 'utf8bom':
      return 'utf8bom';
    case 'utf32':
      return 'utf32le';
    case 'bigendianutf32':
      return 'utf32be';
    case 'ascii':
      return 'ascii';
    case 'default':
    case 'oem':
      return 'latin1';
    case 'byte':
      return 'byte';
    default:
      return 'utf8';
  }
}

export function isByteEncoding(name: string | undefined): boolean {
  return kindOf(name) === 'byte';
}

function swap(buf: Buffer, size: 2 | 4): Buffer {
  const out = Buffer.from(buf);
  if (size === 2) out.swap16();
  else out.swap32();
  return out;
}

function utf32(text: string, bigEndian: boolean): Buffer {
  const cps = [...text].map((c) => c.codePointAt(0)!);
  const out = Buffer.alloc(cps.length * 4);
  cps.forEach((cp, i) => (bigEndian ? out.writeUInt32BE(cp, i * 4) : out.writeUInt32LE(cp, i * 4)));
  return out;
}

/** Encodes text for a file, with the byte order mark the encoding writes. */
export function encodeText(text: string, name: string | undefined, withPreamble = true): Buffer {
  const bom = (b: number[]) => (withPreamble ? Buffer.from(b) : Buffer.alloc(0));
  switch (kindOf(name)) {
    case 'utf8bom':
      return Buffer.concat([bom([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([bom([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be':
      return Buffer.concat([bom([0xfe, 0xff]), swap(Buffer.from(text, 'utf16le'), 2)]);
    case 'utf32le':
      return Buffer.concat([bom([0xff, 0xfe, 0, 0]), utf32(text, false)]);
    case 'utf32be':
      return Buffer.concat([bom([0, 0, 0xfe, 0xff]), utf32(text, true)]);
    case 'ascii':
      return Buffer.from([...text].map((c) => (c.charCodeAt(0) < 128 ? c.charCodeAt(0) : 63)));
    case 'latin1':
      return Buffer.from(text, 'latin1');
    default:
      return Buffer.from(text, 'utf8');
  }
}

/** The length of a byte order mark at the start of the bytes, and the encoding it names. */
function detectPreamble(bytes: Uint8Array): { kind: Kind; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { kind: 'utf8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0 && bytes.length >= 4) return { kind: 'utf32le', length: 4 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { kind: 'utf16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { kind: 'utf16be', length: 2 };
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return { kind: 'utf32be', length: 4 };
  return undefined;
}

/** Decodes file bytes: a byte order mark wins; otherwise the named encoding (UTF-8 by default). */
export function decodeBytes(bytes: Uint8Array, name?: string): string {
  const pre = detectPreamble(bytes);
  const kind = pre?.kind ?? kindOf(name);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset + (pre?.length ?? 0), bytes.byteLength - (pre?.length ?? 0));
  switch (kind) {
    case 'utf16le':
      return buf.toString('utf16le');
    case 'utf16be':
      return swap(buf.subarray(0, buf.length - (buf.length % 2)), 2).toString('utf16le');
    case 'utf32le':
    case 'utf32be': {
      let s = '';
      for (let i = 0; i + 3 < buf.length; i += 4) s += String.fromCodePoint(kind === 'utf32le' ? buf.readUInt32LE(i) : buf.readUInt32BE(i));
      return s;
    }
    case 'ascii':
      return [...buf].map((b) => (b < 128 ? String.fromCharCode(b) : '?')).join('');
    case 'latin1':
      return buf.toString('latin1');
    default:
      return buf.toString('utf8');
  }
}

/** Splits file text into lines as Get-Content does (CRLF, LF or CR; no empty line after a final newline). */
export function splitLines(text: string, delimiter?: string): string[] {
  if (text === '') return [];
  if (delimiter !== undefined && delimiter !== '\n') {
    const parts = text.split(delimiter);
    if (parts[parts.length - 1] === '') parts.pop();
    return parts;
  }
  const lines = text.split(/\r\n|\n|\r/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
