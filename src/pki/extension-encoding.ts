// Writing the X.509 v3 extensions our certificates, requests and CRLs carry (RFC 5280 4.2, 5.2).
import forge from 'node-forge';
import {
  type Asn1,
  Asn1Class,
  Asn1Type,
  booleanValue,
  encodeDer,
  explicitTag,
  implicitConstructed,
  implicitPrimitive,
  integerValue,
  objectId,
  octetString,
  sequence,
  toBinary,
} from './asn1.ts';
import { oid } from './oids.ts';

/** Key usage names as .NET's X509KeyUsageFlags spells them, in bit order. */
export const keyUsageBits = [
  'DigitalSignature',
  'NonRepudiation',
  'KeyEncipherment',
  'DataEncipherment',
  'KeyAgreement',
  'KeyCertSign',
  'CrlSign',
  'EncipherOnly',
  'DecipherOnly',
] as const;

export type KeyUsage = (typeof keyUsageBits)[number];

export interface Extension {
  oid: string;
  critical: boolean;
  value: Asn1;
}

export function extensionNode(extension: Extension): Asn1 {
  const items = [objectId(extension.oid)];
  if (extension.critical) items.push(booleanValue(true));
  items.push(octetString(encodeDer(extension.value)));
  return sequence(items);
}

export function extensionsSequence(extensions: Extension[]): Asn1 {
  return sequence(extensions.map(extensionNode));
}

export function basicConstraints(isCa: boolean, pathLength?: number): Extension {
  const items: Asn1[] = [];
  if (isCa) items.push(booleanValue(true));
  if (isCa && pathLength !== undefined) items.push(integerValue(pathLength));
  return { oid: oid.basicConstraints, critical: true, value: sequence(items) };
}

export function keyUsage(usages: KeyUsage[]): Extension {
  const bits = usages.map((usage) => keyUsageBits.indexOf(usage));
  const highest = Math.max(...bits);
  const bytes = Buffer.alloc(Math.floor(highest / 8) + 1);
  for (const bit of bits) bytes[bit >> 3]! |= 0x80 >> (bit & 7);
  // DER: the named bit list drops trailing zero bits, which the unused-bits octet counts.
  const unused = 7 - (highest & 7);
  const value = forge.asn1.create(Asn1Class.UNIVERSAL, Asn1Type.BITSTRING, false, String.fromCharCode(unused) + toBinary(bytes));
  return { oid: oid.keyUsage, critical: true, value };
}

export function extendedKeyUsage(purposes: string[]): Extension {
  return { oid: oid.extKeyUsage, critical: false, value: sequence(purposes.map(objectId)) };
}

export function subjectAltName(dnsNames: string[]): Extension {
  return { oid: oid.subjectAltName, critical: false, value: sequence(dnsNames.map((name) => implicitPrimitive(2, name))) };
}

export function subjectKeyIdentifier(keyId: Buffer): Extension {
  return { oid: oid.subjectKeyIdentifier, critical: false, value: octetString(keyId) };
}

export function authorityKeyIdentifier(keyId: Buffer): Extension {
  return { oid: oid.authorityKeyIdentifier, critical: false, value: sequence([implicitPrimitive(0, toBinary(keyId))]) };
}

export function crlDistributionPoints(uris: string[]): Extension {
  const points = uris.map((uri) => sequence([implicitConstructed(0, [implicitConstructed(0, [implicitPrimitive(6, uri)])])]));
  return { oid: oid.crlDistributionPoints, critical: false, value: sequence(points) };
}

export function crlNumber(value: number): Extension {
  return { oid: oid.crlNumber, critical: false, value: integerValue(value) };
}

/** `[3] EXPLICIT Extensions` of a TBSCertificate. */
export function certificateExtensionsField(extensions: Extension[]): Asn1 {
  return explicitTag(3, extensionsSequence(extensions));
}
