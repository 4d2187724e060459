// Thin helpers over forge.asn1: Buffer <-> forge's binary strings, node builders for the structures
// we write (certificates, requests, CRLs), and readers with clear failures for the ones we parse.
import forge from 'node-forge';

export type Asn1 = forge.asn1.Asn1;
const { asn1 } = forge;
const { Class, Type } = asn1;

export function toBinary(bytes: Buffer): string {
  return bytes.toString('latin1');
}

export function fromBinary(binary: string): Buffer {
  return Buffer.from(binary, 'latin1');
}

/** Strict DER parse; BIT STRING contents stay raw bytes (forge would otherwise guess at nested DER). */
export function parseDer(der: Buffer): Asn1 {
  const fromDer = asn1.fromDer as unknown as (bytes: string, options: object) => Asn1;
  return fromDer(toBinary(der), { strict: true, parseAllBytes: true, decodeBitStrings: false });
}

export function encodeDer(node: Asn1): Buffer {
  return fromBinary(asn1.toDer(node).getBytes());
}

// ---- builders ----

export function sequence(items: Asn1[]): Asn1 {
  return asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, items);
}

export function setOf(items: Asn1[]): Asn1 {
  return asn1.create(Class.UNIVERSAL, Type.SET, true, items);
}

export function objectId(id: string): Asn1 {
  return asn1.create(Class.UNIVERSAL, Type.OID, false, asn1.oidToDer(id).getBytes());
}

export function nullValue(): Asn1 {
  return asn1.create(Class.UNIVERSAL, Type.NULL, false, '');
}

export function booleanValue(value: boolean): Asn1 {
  return asn1.create(Class.UNIVERSAL, Type.BOOLEAN, false, value ? '\xff' : '\x00');
}

/** An INTEGER from its big-endian two's-complement content bytes, given as hex. */
export function integerFromHex(hex: string): Asn1 {
  return asn1.create(Class.UNIVERSAL, Type.INTEGER, false, forge.util.hexToBytes(hex));
}

export function integerValue(value: number): Asn1 {
  return asn1.create(Class.UNIVERSAL, Type.INTEGER, false, asn1.integerToDer(value).getBytes());
}

export function enumeratedValue(value: number): Asn1 {
  return asn1.create(Class.UNIVERSAL, Type.ENUMERATED, false, asn1.integerToDer(value).getBytes());
}

export function octetString(bytes: Buffer): Asn1 {
  return asn1.create(Class.UNIVERSAL, Type.OCTETSTRING, false, toBinary(bytes));
}

/** A BIT STRING holding whole bytes (no unused bits). */
export function bitString(bytes: Buffer): Asn1 {
  return asn1.create(Class.UNIVERSAL, Type.BITSTRING, false, '\x00' + toBinary(bytes));
}

export function stringValue(type: forge.asn1.Type, value: string): Asn1 {
  const bytes = type === Type.UTF8 ? forge.util.encodeUtf8(value) : value;
  return asn1.create(Class.UNIVERSAL, type, false, bytes);
}

/** `[n] EXPLICIT inner`. */
export function explicitTag(tag: number, inner: Asn1): Asn1 {
  return asn1.create(Class.CONTEXT_SPECIFIC, tag as forge.asn1.Type, true, [inner]);
}

/** `[n] IMPLICIT` primitive content (e.g. a dNSName or keyIdentifier). */
export function implicitPrimitive(tag: number, bytes: string): Asn1 {
  return asn1.create(Class.CONTEXT_SPECIFIC, tag as forge.asn1.Type, false, bytes);
}

/** `[n] IMPLICIT` constructed content (e.g. CSR attributes, a DistributionPointName). */
export function implicitConstructed(tag: number, items: Asn1[]): Asn1 {
  return asn1.create(Class.CONTEXT_SPECIFIC, tag as forge.asn1.Type, true, items);
}

/** RFC 5280 4.1.2.5: UTCTime for 1950-2049, GeneralizedTime otherwise; whole seconds, UTC. */
export function timeValue(date: Date): Asn1 {
  const year = date.getUTCFullYear();
  if (year >= 1950 && year < 2050) {
    return asn1.create(Class.UNIVERSAL, Type.UTCTIME, false, asn1.dateToUtcTime(date));
  }
  const text = date.toISOString().replace(/[-:T]/g, '').replace(/\.\d+Z$/, 'Z');
  return asn1.create(Class.UNIVERSAL, Type.GENERALIZEDTIME, false, text);
}

// ---- readers ----

export class Asn1ShapeError extends Error {}

export function childrenOf(node: Asn1 | undefined, what: string): Asn1[] {
  if (!node || !Array.isArray(node.value)) throw new Asn1ShapeError(`${what} is not a constructed ASN.1 value`);
  return node.value;
}

export function expectUniversal(node: Asn1 | undefined, type: forge.asn1.Type, what: string): Asn1 {
  if (!node || node.tagClass !== Class.UNIVERSAL || node.type !== type) {
    throw new Asn1ShapeError(`${what} has an unexpected ASN.1 type`);
  }
  return node;
}

export function isContextTag(node: Asn1 | undefined, tag: number): boolean {
  return !!node && node.tagClass === Class.CONTEXT_SPECIFIC && node.type === tag;
}

export function primitiveBytes(node: Asn1 | undefined, what: string): string {
  if (!node || typeof node.value !== 'string') throw new Asn1ShapeError(`${what} is not a primitive ASN.1 value`);
  return node.value;
}

export function readObjectId(node: Asn1 | undefined, what: string): string {
  return asn1.derToOid(primitiveBytes(expectUniversal(node, Type.OID, what), what));
}

/** INTEGER content bytes as upper-case hex (the form Windows shows serial numbers in). */
export function readIntegerHex(node: Asn1 | undefined, what: string): string {
  return forge.util.bytesToHex(primitiveBytes(expectUniversal(node, Type.INTEGER, what), what)).toUpperCase();
}

export function readSmallInteger(node: Asn1 | undefined, what: string): number {
  const bytes = primitiveBytes(node, what);
  if (bytes.length > 6) throw new Asn1ShapeError(`${what} is too large`);
  return asn1.derToInteger(bytes);
}

export function readTime(node: Asn1 | undefined, what: string): Date {
  if (node?.tagClass === Class.UNIVERSAL && node.type === Type.UTCTIME) {
    return asn1.utcTimeToDate(primitiveBytes(node, what));
  }
  if (node?.tagClass === Class.UNIVERSAL && node.type === Type.GENERALIZEDTIME) {
    return asn1.generalizedTimeToDate(primitiveBytes(node, what));
  }
  throw new Asn1ShapeError(`${what} is not a UTCTime or GeneralizedTime`);
}

export function isTime(node: Asn1 | undefined): boolean {
  return node?.tagClass === Class.UNIVERSAL && (node.type === Type.UTCTIME || node.type === Type.GENERALIZEDTIME);
}

/** The bytes of a BIT STRING without its unused-bits octet. */
export function readBitStringBytes(node: Asn1 | undefined, what: string): Buffer {
  const bytes = primitiveBytes(expectUniversal(node, Type.BITSTRING, what), what);
  return fromBinary(bytes.slice(1));
}

export function readOctetString(node: Asn1 | undefined, what: string): Buffer {
  return fromBinary(primitiveBytes(expectUniversal(node, Type.OCTETSTRING, what), what));
}

export { Class as Asn1Class, Type as Asn1Type };
