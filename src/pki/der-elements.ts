// Byte-exact slicing of DER/BER: where forge.asn1 would re-encode, signatures and thumbprints need
// the original bytes (the signed TBS part of a CRL or request, each certificate of a PKCS #7 chain).
// Also measures a possibly truncated outer element, so callers can say "truncated" precisely.

export interface Element {
  tag: number;
  constructed: boolean;
  start: number;
  contentStart: number;
  contentEnd: number;
  /** Offset just past the element (past the end-of-contents octets for indefinite lengths). */
  end: number;
}

export class DerTruncatedError extends Error {
  constructor(
    public readonly declaredEnd: number,
    public readonly available: number,
  ) {
    super(`the data ends after ${available} bytes, but its structure declares ${declaredEnd} bytes`);
  }
}

interface Header {
  tag: number;
  constructed: boolean;
  contentStart: number;
  /** undefined for indefinite length */
  length: number | undefined;
}

function readHeader(data: Buffer, offset: number): Header {
  if (offset + 2 > data.length) throw new DerTruncatedError(offset + 2, data.length);
  const tag = data[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new SyntaxError('multi-byte ASN.1 tags are not supported');
  const first = data[offset + 1]!;
  if (first === 0x80) return { tag, constructed: (tag & 0x20) !== 0, contentStart: offset + 2, length: undefined };
  if (first < 0x80) return { tag, constructed: (tag & 0x20) !== 0, contentStart: offset + 2, length: first };
  const count = first & 0x7f;
  if (count > 4) throw new SyntaxError('ASN.1 length field is too long');
  if (offset + 2 + count > data.length) throw new DerTruncatedError(offset + 2 + count, data.length);
  let length = 0;
  for (let index = 0; index < count; index++) length = length * 256 + data[offset + 2 + index]!;
  return { tag, constructed: (tag & 0x20) !== 0, contentStart: offset + 2 + count, length };
}

/** The tag and content position of the element at `offset`, or undefined when even its header is cut off. */
export function peekHeader(data: Buffer, offset: number): { tag: number; contentStart: number; length?: number } | undefined {
  try {
    return readHeader(data, offset);
  } catch {
    return undefined;
  }
}

/** Reads the element at `offset`; throws DerTruncatedError when it runs past the data. */
export function readElement(data: Buffer, offset = 0, depth = 0): Element {
  if (depth > 64) throw new SyntaxError('ASN.1 nesting is too deep');
  const header = readHeader(data, offset);
  if (header.length !== undefined) {
    const end = header.contentStart + header.length;
    if (end > data.length) throw new DerTruncatedError(end, data.length);
    return { ...header, start: offset, contentEnd: end, end };
  }
  if (!header.constructed) throw new SyntaxError('indefinite length on a primitive ASN.1 value');
  let position = header.contentStart;
  for (;;) {
    if (position + 2 > data.length) throw new DerTruncatedError(position + 2, data.length);
    if (data[position] === 0 && data[position + 1] === 0) {
      return { ...header, start: offset, contentEnd: position, end: position + 2 };
    }
    position = readElement(data, position, depth + 1).end;
  }
}

export function childElements(data: Buffer, parent: Element): Element[] {
  const items: Element[] = [];
  let position = parent.contentStart;
  while (position < parent.contentEnd) {
    const child = readElement(data, position);
    items.push(child);
    position = child.end;
  }
  return items;
}

export function elementBytes(data: Buffer, element: Element): Buffer {
  return data.subarray(element.start, element.end);
}

export function contentBytes(data: Buffer, element: Element): Buffer {
  return data.subarray(element.contentStart, element.contentEnd);
}

/** The first element inside the outer element: the signed part of a SIGNED{...} structure. */
export function firstInnerElementBytes(der: Buffer): Buffer {
  const outer = readElement(der, 0);
  const first = readElement(der, outer.contentStart);
  return elementBytes(der, first);
}
