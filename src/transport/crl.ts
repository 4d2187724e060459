// A minimal X.509 certificate revocation list reader (RFC 5280 section 5): enough DER to get the
// revoked serial numbers, the update times and the signature, which is checked with Node's crypto.
// (node-forge has no CRL support; src/pki/ will own full revocation checking.)
import { verify, type KeyObject } from 'node:crypto';

interface DerElement {
  tag: number;
  /** Whole element (header + content). */
  raw: Buffer;
  content: Buffer;
}

function readElement(input: Buffer, offset: number): { element: DerElement; next: number } {
  const tag = input[offset];
  let lengthByte = input[offset + 1];
  if (tag === undefined || lengthByte === undefined) throw new SyntaxError('Cannot parse DER: truncated header');
  let length = lengthByte;
  let headerLength = 2;
  if (lengthByte & 0x80) {
    const count = lengthByte & 0x7f;
    if (count === 0 || count > 4) throw new SyntaxError('Cannot parse DER: unsupported length');
    length = 0;
    for (let index = 0; index < count; index++) {
      lengthByte = input[offset + 2 + index];
      if (lengthByte === undefined) throw new SyntaxError('Cannot parse DER: truncated length');
      length = length * 256 + lengthByte;
    }
    headerLength += count;
  }
  const end = offset + headerLength + length;
  if (end > input.length) throw new SyntaxError('Cannot parse DER: truncated content');
  return {
    element: { tag, raw: input.subarray(offset, end), content: input.subarray(offset + headerLength, end) },
    next: end,
  };
}

function children(element: DerElement): DerElement[] {
  const items: DerElement[] = [];
  let offset = 0;
  while (offset < element.content.length) {
    const { element: child, next } = readElement(element.content, offset);
    items.push(child);
    offset = next;
  }
  return items;
}

function decodeOid(content: Buffer): string {
  const first = content[0] ?? 0;
  const parts = [Math.floor(first / 40), first % 40];
  let value = 0;
  for (const byte of content.subarray(1)) {
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

function decodeTime(element: DerElement): Date {
  const text = element.content.toString('latin1');
  const match = element.tag === 0x17 ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(text) : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?Z$/.exec(text);
  if (!match) throw new SyntaxError(`Cannot parse DER time "${text}"`);
  let year = Number(match[1]);
  if (element.tag === 0x17) year += year < 50 ? 2000 : 1900;
  return new Date(Date.UTC(year, Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]), Number(match[6] ?? 0)));
}

function serialHex(content: Buffer): string {
  let hex = content.toString('hex').toUpperCase().replace(/^(?:00)+(?=..)/, '');
  if (hex === '') hex = '00';
  return hex;
}

const signatureHashes: Record<string, string | null> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.113549.1.1.14': 'sha224',
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
  '1.3.101.112': null,
};

export interface RevocationList {
  thisUpdate: Date;
  nextUpdate: Date | undefined;
  /** Upper-case hex serial numbers without leading zero bytes. */
  revokedSerials: Set<string>;
  /** True when the CRL was signed by the holder of `issuerKey`. */
  isSignedBy(issuerKey: KeyObject): boolean;
}

export function parseRevocationList(input: string | Buffer): RevocationList {
  const der =
    typeof input === 'string'
      ? Buffer.from(input.replace(/-----(BEGIN|END) X509 CRL-----/g, '').replace(/\s+/g, ''), 'base64')
      : input;
  const root = readElement(der, 0).element;
  const [tbs, algorithm, signatureBits] = children(root);
  if (!tbs || !algorithm || !signatureBits) throw new SyntaxError('Cannot parse CRL: missing parts');
  const fields = children(tbs);
  let index = fields[0]?.tag === 0x02 ? 1 : 0; // optional version
  index += 2; // signature algorithm, issuer
  const thisUpdateField = fields[index++];
  if (!thisUpdateField) throw new SyntaxError('Cannot parse CRL: no thisUpdate');
  let nextUpdate: Date | undefined;
  const maybeNext = fields[index];
  if (maybeNext && (maybeNext.tag === 0x17 || maybeNext.tag === 0x18)) {
    nextUpdate = decodeTime(maybeNext);
    index++;
  }
  const revokedSerials = new Set<string>();
  const maybeRevoked = fields[index];
  if (maybeRevoked && maybeRevoked.tag === 0x30) {
    for (const entry of children(maybeRevoked)) {
      const serial = children(entry)[0];
      if (serial) revokedSerials.add(serialHex(serial.content));
    }
  }
  const algorithmOid = children(algorithm)[0];
  const hash = algorithmOid ? signatureHashes[decodeOid(algorithmOid.content)] : undefined;
  const signature = signatureBits.content.subarray(1); // skip the unused-bits byte
  return {
    thisUpdate: decodeTime(thisUpdateField),
    nextUpdate,
    revokedSerials,
    isSignedBy(issuerKey: KeyObject): boolean {
      if (hash === undefined) return false;
      try {
        return verify(hash, tbs.raw, issuerKey, signature);
      } catch {
        return false;
      }
    },
  };
}

/** Normalises a serial number the way `revokedSerials` holds them. */
export function normalizeSerial(hex: string): string {
  const upper = hex.toUpperCase().replace(/[^0-9A-F]/g, '');
  const even = upper.length % 2 === 1 ? `0${upper}` : upper;
  return even.replace(/^(?:00)+(?=..)/, '') || '00';
}
