// Reading X.509 CRLs (RFC 5280 5.1) on forge.asn1 (node-forge has no CRL support): issuer, update
// times, revoked serials with dates and reasons, CRL number, authority key identifier; and checking
// the CRL's signature against its issuer's key with Node's crypto (RSA or ECDSA).
import type { KeyObject } from 'node:crypto';
import forge from 'node-forge';
import {
  childrenOf,
  encodeDer,
  isContextTag,
  isTime,
  parseDer,
  primitiveBytes,
  readIntegerHex,
  readObjectId,
  readOctetString,
  readSmallInteger,
  readTime,
  Asn1ShapeError,
  Asn1Type,
} from './asn1.ts';
import { type CertificateInput, toCertificateInfo } from './certificate-info.ts';
import { type DistinguishedName, formatDistinguishedName } from './distinguished-name.ts';
import { decodeExtensions } from './extension-decoding.ts';
import { decodeCertificateFile } from './file-format.ts';
import { decodeName } from './name-der.ts';
import { oid, signatureAlgorithmNames } from './oids.ts';
import { encodePem } from './pem.ts';
import { describeError, PkiError } from './pki-error.ts';
import { type RevocationReason, revocationReasonName } from './revocation-reasons.ts';
import { toPublicKey } from './rsa-keys.ts';
import { normalizeSerialNumber } from './serial-numbers.ts';
import { type SignatureParts, signatureParts, verifySignature } from './signing.ts';

export interface RevokedEntry {
  /** Upper-case hex of the DER content bytes, as in CertificateInfo.serialNumber. */
  serialNumber: string;
  revocationDate: Date;
  reason?: RevocationReason;
}

export interface RevocationList {
  version: number;
  issuer: string;
  issuerName: DistinguishedName;
  issuerNameDer: Buffer;
  thisUpdate: Date;
  nextUpdate?: Date;
  /** Upper-case hex of the CRL number extension. */
  crlNumber?: string;
  authorityKeyIdentifier?: string;
  revoked: RevokedEntry[];
  signatureAlgorithm: string;
  signature: SignatureParts;
  der: Buffer;
  pem: string;
}

export type CrlInput = string | Buffer | RevocationList;

function crlDer(input: string | Buffer): Buffer {
  const file = decodeCertificateFile(input);
  if (file.format === 'crl') return file.objects[0]!;
  const what = file.format === 'unknown' ? 'not recognisable' : `a ${file.format} file`;
  throw new PkiError(`The data is not a certificate revocation list (it is ${what}). Supply a DER or PEM (X509 CRL) file.`, 'CrlInvalid');
}

function entryReason(extensionsNode: ReturnType<typeof parseDer> | undefined): RevocationReason | undefined {
  if (!extensionsNode) return undefined;
  for (const extension of childrenOf(extensionsNode, 'crlEntryExtensions')) {
    const items = childrenOf(extension, 'Extension');
    if (readObjectId(items[0], 'extension id') !== oid.crlReason) continue;
    const value = parseDer(readOctetString(items.at(-1), 'reason code'));
    return revocationReasonName(readSmallInteger(value, 'reason code'));
  }
  return undefined;
}

export function parseCrl(input: string | Buffer): RevocationList {
  const der = crlDer(input);
  try {
    const root = parseDer(der);
    const fields = childrenOf(childrenOf(root, 'CertificateList')[0], 'TBSCertList');
    let index = 0;
    let version = 1;
    if (fields[0]?.type === Asn1Type.INTEGER && fields[0].tagClass === 0) {
      version = readSmallInteger(fields[0], 'version') + 1;
      index = 1;
    }
    const issuerNode = fields[index + 1];
    const thisUpdate = readTime(fields[index + 2], 'thisUpdate');
    index += 3;
    let nextUpdate: Date | undefined;
    if (isTime(fields[index])) nextUpdate = readTime(fields[index++], 'nextUpdate');
    const revoked: RevokedEntry[] = [];
    if (fields[index]?.type === Asn1Type.SEQUENCE && fields[index]!.tagClass === 0) {
      for (const entry of childrenOf(fields[index++], 'revokedCertificates')) {
        const [serial, date, entryExtensions] = childrenOf(entry, 'revoked certificate');
        revoked.push({ serialNumber: readIntegerHex(serial, 'serial number'), revocationDate: readTime(date, 'revocationDate'), reason: entryReason(entryExtensions) });
      }
    }
    let crlNumber: string | undefined;
    let authorityKeyIdentifier: string | undefined;
    const extensionsField = fields[index];
    if (isContextTag(extensionsField, 0)) {
      const extensionsNode = childrenOf(extensionsField, 'crlExtensions')[0];
      authorityKeyIdentifier = decodeExtensions(extensionsNode).authorityKeyIdentifier;
      for (const extension of childrenOf(extensionsNode, 'Extensions')) {
        const items = childrenOf(extension, 'Extension');
        if (readObjectId(items[0], 'extension id') !== oid.crlNumber) continue;
        const value = parseDer(readOctetString(items.at(-1), 'CRL number'));
        crlNumber = forge.util.bytesToHex(primitiveBytes(value, 'CRL number')).toUpperCase();
      }
    }
    if (!issuerNode) throw new Asn1ShapeError('the TBSCertList has no issuer');
    const issuerName = decodeName(issuerNode);
    const signature = signatureParts(der, root);
    return {
      version,
      issuer: formatDistinguishedName(issuerName),
      issuerName,
      issuerNameDer: encodeDer(issuerNode),
      thisUpdate,
      nextUpdate,
      crlNumber,
      authorityKeyIdentifier,
      revoked,
      signatureAlgorithm: signatureAlgorithmNames[signature.algorithmOid] ?? signature.algorithmOid,
      signature,
      der: Buffer.from(der),
      pem: encodePem('X509 CRL', der),
    };
  } catch (error) {
    if (error instanceof PkiError) throw error;
    throw new PkiError(`The certificate revocation list is damaged and cannot be read (${describeError(error)}).`, 'CrlInvalid');
  }
}

export function toRevocationList(input: CrlInput): RevocationList {
  return typeof input === 'string' || Buffer.isBuffer(input) ? parseCrl(input) : input;
}

/** True when the CRL names this issuer and the issuer's key verifies its signature. */
export function crlIssuedBy(crl: RevocationList, issuer: CertificateInput): boolean {
  const certificate = toCertificateInfo(issuer);
  return crl.issuerNameDer.equals(certificate.subjectNameDer) && crlSignedByKey(crl, toPublicKey(certificate.publicKeyPem));
}

/** True when `publicKey` verifies the CRL's signature (false for an algorithm we cannot check). */
export function crlSignedByKey(crl: RevocationList, publicKey: KeyObject): boolean {
  try {
    return verifySignature(crl.signature, publicKey);
  } catch {
    return false;
  }
}

/** The CRL entry for a serial number, if the CRL lists it. */
export function findRevokedEntry(crl: RevocationList, serialNumber: string): RevokedEntry | undefined {
  const wanted = normalizeSerialNumber(serialNumber);
  return crl.revoked.find((entry) => normalizeSerialNumber(entry.serialNumber) === wanted);
}
