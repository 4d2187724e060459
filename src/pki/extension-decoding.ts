// Reading the X.509 v3 extensions the ExchangeCertificate object shows and validation needs:
// key usage, enhanced key usage, basic constraints, alternative names, key identifiers, CRL points.
import forge from 'node-forge';
import {
  type Asn1,
  Asn1Class,
  Asn1Type,
  childrenOf,
  fromBinary,
  isContextTag,
  parseDer,
  primitiveBytes,
  readObjectId,
  readOctetString,
  readSmallInteger,
} from './asn1.ts';
import { type KeyUsage, keyUsageBits } from './extension-encoding.ts';
import { oid } from './oids.ts';

export interface BasicConstraints {
  isCa: boolean;
  pathLength?: number;
}

export interface ExtensionSummary {
  oid: string;
  critical: boolean;
}

export interface DecodedExtensions {
  /** Undefined when the certificate has no key usage extension (all usages allowed). */
  keyUsage?: KeyUsage[];
  /** EKU OIDs; undefined when there is no EKU extension (any purpose). */
  enhancedKeyUsage?: string[];
  basicConstraints?: BasicConstraints;
  dnsNames: string[];
  /** Other alternative names as `IP Address=1.2.3.4`, `RFC822 Name=a@b`, `URL=...`. */
  otherAltNames: string[];
  subjectKeyIdentifier?: string;
  authorityKeyIdentifier?: string;
  crlDistributionPoints: string[];
  all: ExtensionSummary[];
}

function decodeKeyUsage(value: Asn1): KeyUsage[] {
  const bytes = fromBinary(primitiveBytes(value, 'key usage').slice(1));
  return keyUsageBits.filter((_, bit) => ((bytes[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0);
}

function decodeBasicConstraints(value: Asn1): BasicConstraints {
  const items = childrenOf(value, 'basic constraints');
  let index = 0;
  let isCa = false;
  if (items[0]?.type === Asn1Type.BOOLEAN) {
    isCa = primitiveBytes(items[0], 'cA') !== '\x00';
    index = 1;
  }
  const pathNode = items[index];
  return pathNode?.type === Asn1Type.INTEGER ? { isCa, pathLength: readSmallInteger(pathNode, 'pathLenConstraint') } : { isCa };
}

function decodeGeneralNames(value: Asn1, result: DecodedExtensions): void {
  for (const name of childrenOf(value, 'GeneralNames')) {
    if (name.tagClass !== Asn1Class.CONTEXT_SPECIFIC || typeof name.value !== 'string') continue;
    switch (name.type as number) {
      case 1:
        result.otherAltNames.push(`RFC822 Name=${name.value}`);
        break;
      case 2:
        result.dnsNames.push(name.value);
        break;
      case 6:
        result.otherAltNames.push(`URL=${name.value}`);
        break;
      case 7:
        result.otherAltNames.push(`IP Address=${ipText(name.value)}`);
        break;
    }
  }
}

function ipText(bytes: string): string {
  const raw = fromBinary(bytes);
  if (raw.length === 4) return [...raw].join('.');
  const groups: string[] = [];
  for (let index = 0; index + 1 < raw.length; index += 2) groups.push(raw.readUInt16BE(index).toString(16));
  return groups.join(':');
}

function decodeDistributionPoints(value: Asn1): string[] {
  const uris: string[] = [];
  for (const point of childrenOf(value, 'CRLDistributionPoints')) {
    const pointName = childrenOf(point, 'DistributionPoint').find((node) => isContextTag(node, 0));
    const fullName = pointName && Array.isArray(pointName.value) ? pointName.value.find((node) => isContextTag(node, 0)) : undefined;
    if (!fullName || !Array.isArray(fullName.value)) continue;
    for (const general of fullName.value) if (isContextTag(general, 6) && typeof general.value === 'string') uris.push(general.value);
  }
  return uris;
}

/** Decodes the `Extensions` SEQUENCE (the content of a certificate's `[3]` or a request attribute). */
export function decodeExtensions(extensions: Asn1 | undefined): DecodedExtensions {
  const result: DecodedExtensions = { dnsNames: [], otherAltNames: [], crlDistributionPoints: [], all: [] };
  if (!extensions) return result;
  for (const extension of childrenOf(extensions, 'Extensions')) {
    const items = childrenOf(extension, 'Extension');
    const id = readObjectId(items[0], 'extension id');
    const critical = items[1]?.type === Asn1Type.BOOLEAN && primitiveBytes(items[1], 'critical') !== '\x00';
    const value = parseDer(readOctetString(items.at(-1), 'extension value'));
    result.all.push({ oid: id, critical });
    switch (id) {
      case oid.keyUsage:
        result.keyUsage = decodeKeyUsage(value);
        break;
      case oid.extKeyUsage:
        result.enhancedKeyUsage = childrenOf(value, 'ExtKeyUsageSyntax').map((node) => readObjectId(node, 'key purpose'));
        break;
      case oid.basicConstraints:
        result.basicConstraints = decodeBasicConstraints(value);
        break;
      case oid.subjectAltName:
        decodeGeneralNames(value, result);
        break;
      case oid.subjectKeyIdentifier:
        result.subjectKeyIdentifier = forge.util.bytesToHex(primitiveBytes(value, 'key identifier')).toUpperCase();
        break;
      case oid.authorityKeyIdentifier: {
        const keyId = childrenOf(value, 'AuthorityKeyIdentifier').find((node) => isContextTag(node, 0));
        if (keyId) result.authorityKeyIdentifier = forge.util.bytesToHex(primitiveBytes(keyId, 'key identifier')).toUpperCase();
        break;
      }
      case oid.crlDistributionPoints:
        result.crlDistributionPoints = decodeDistributionPoints(value);
        break;
    }
  }
  return result;
}
