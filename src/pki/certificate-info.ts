// Parsing an X.509 certificate into everything the ExchangeCertificate object and the validation
// need, in the forms Windows shows: upper-case hex thumbprint (SHA-1 of the DER) and serial number,
// Subject/Issuer most specific first, CertificateDomains. Works for RSA and EC certificates alike
// (forge's own certificate parser is RSA-only), using forge.asn1 and Node's crypto.
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import {
  Asn1ShapeError,
  childrenOf,
  encodeDer,
  isContextTag,
  parseDer,
  readIntegerHex,
  readSmallInteger,
  readTime,
} from './asn1.ts';
import { decodeCertificateBytes } from './certificate-bytes.ts';
import { attributeValues, commonNameOf, type DistinguishedName, formatDistinguishedName } from './distinguished-name.ts';
import { isValidCertificateDomainName, uniqueNames } from './domain-names.ts';
import { type BasicConstraints, decodeExtensions, type ExtensionSummary } from './extension-decoding.ts';
import type { KeyUsage } from './extension-encoding.ts';
import { decodeName } from './name-der.ts';
import { extendedKeyUsageNames, oid, signatureAlgorithmNames } from './oids.ts';
import { encodePem } from './pem.ts';
import { describeError, PkiError } from './pki-error.ts';
import { describePublicKey, publicKeyFingerprint, type PublicKeyInput } from './rsa-keys.ts';
import { signatureParts, verifySignature } from './signing.ts';

export interface CertificateInfo {
  /** Upper-case hex SHA-1 of the DER (Windows' Thumbprint). */
  thumbprint: string;
  /** Upper-case hex of the serial number's DER content bytes (as Windows shows SerialNumber). */
  serialNumber: string;
  /** Windows display form, most specific first: `CN=mail1.contoso.com, DC=Contoso, DC=com`. */
  subject: string;
  issuer: string;
  /** RDNs in DER order. */
  subjectName: DistinguishedName;
  issuerName: DistinguishedName;
  /** DER of the subject and issuer Names, for chain building and CRL matching. */
  subjectNameDer: Buffer;
  issuerNameDer: Buffer;
  commonName: string | undefined;
  /** DNS subject alternative names, in certificate order. */
  dnsNames: string[];
  /** Other alternative names (`IP Address=...`, `RFC822 Name=...`, `URL=...`). */
  otherAltNames: string[];
  /** Exchange's CertificateDomains: the subject CN, then the DNS alternative names, without repeats. */
  certificateDomains: string[];
  notBefore: Date;
  notAfter: Date;
  /** 1, 2 or 3. */
  version: number;
  signatureAlgorithmOid: string;
  /** `sha256RSA`, `sha1RSA`, `sha256ECDSA`... */
  signatureAlgorithm: string;
  /** `RSA`, `EC`, ... */
  publicKeyAlgorithm: string;
  /** Key bits (RSA modulus length, EC curve size). */
  publicKeySize: number;
  /** Upper-case hex SHA-256 of the SubjectPublicKeyInfo; equals a pending request's. */
  publicKeyFingerprint: string;
  publicKeyPem: string;
  /** Issuer equals subject and the certificate's own key verifies its signature. */
  isSelfSigned: boolean;
  /** Undefined when the certificate has no key usage extension. */
  keyUsage?: KeyUsage[];
  /** EKU OIDs; undefined when the certificate has no EKU extension (any purpose). */
  enhancedKeyUsage?: string[];
  /** EKUs as Windows lists them: `Server Authentication (1.3.6.1.5.5.7.3.1)`. */
  enhancedKeyUsageList: string[];
  basicConstraints?: BasicConstraints;
  subjectKeyIdentifier?: string;
  authorityKeyIdentifier?: string;
  crlDistributionPoints: string[];
  extensions: ExtensionSummary[];
  der: Buffer;
  pem: string;
}

export type CertificateInput = string | Buffer | CertificateInfo;

function certificateDomainsOf(commonNames: string[], dnsNames: string[]): string[] {
  return uniqueNames([...commonNames, ...dnsNames].filter(isValidCertificateDomainName));
}

/** Parses DER bytes that are known to be one certificate. */
export function parseCertificateDer(der: Buffer): CertificateInfo {
  try {
    const root = parseDer(der);
    const [tbs] = childrenOf(root, 'Certificate');
    const fields = childrenOf(tbs, 'TBSCertificate');
    let index = 0;
    let version = 1;
    if (isContextTag(fields[0], 0)) {
      version = readSmallInteger(childrenOf(fields[0], 'version')[0], 'version') + 1;
      index = 1;
    }
    const serialNumber = readIntegerHex(fields[index], 'serial number');
    const issuerNode = fields[index + 2];
    const [notBeforeNode, notAfterNode] = childrenOf(fields[index + 3], 'Validity');
    const subjectNode = fields[index + 4];
    const spkiNode = fields[index + 5];
    if (!issuerNode || !subjectNode || !spkiNode) throw new Asn1ShapeError('the TBSCertificate is incomplete');
    const extensionsNode = fields.slice(index + 6).find((node) => isContextTag(node, 3));
    const extensions = decodeExtensions(extensionsNode ? childrenOf(extensionsNode, 'extensions')[0] : undefined);

    const spki = encodeDer(spkiNode);
    const publicKey = createPublicKey({ key: spki, format: 'der', type: 'spki' });
    const keyFacts = describePublicKey(publicKey);
    const subjectName = decodeName(subjectNode);
    const issuerName = decodeName(issuerNode);
    const subjectNameDer = encodeDer(subjectNode);
    const issuerNameDer = encodeDer(issuerNode);
    const parts = signatureParts(der, root);
    const commonName = commonNameOf(subjectName);
    const commonNames = attributeValues(subjectName, oid.commonName).reverse();

    return {
      thumbprint: createHash('sha1').update(der).digest('hex').toUpperCase(),
      serialNumber,
      subject: formatDistinguishedName(subjectName),
      issuer: formatDistinguishedName(issuerName),
      subjectName,
      issuerName,
      subjectNameDer,
      issuerNameDer,
      commonName,
      dnsNames: extensions.dnsNames,
      otherAltNames: extensions.otherAltNames,
      certificateDomains: certificateDomainsOf(commonNames, extensions.dnsNames),
      notBefore: readTime(notBeforeNode, 'notBefore'),
      notAfter: readTime(notAfterNode, 'notAfter'),
      version,
      signatureAlgorithmOid: parts.algorithmOid,
      signatureAlgorithm: signatureAlgorithmNames[parts.algorithmOid] ?? parts.algorithmOid,
      publicKeyAlgorithm: keyFacts.algorithm,
      publicKeySize: keyFacts.size,
      publicKeyFingerprint: publicKeyFingerprint(publicKey),
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      isSelfSigned: subjectNameDer.equals(issuerNameDer) && safeVerify(parts, publicKey),
      keyUsage: extensions.keyUsage,
      enhancedKeyUsage: extensions.enhancedKeyUsage,
      enhancedKeyUsageList: (extensions.enhancedKeyUsage ?? []).map((id) =>
        extendedKeyUsageNames[id] ? `${extendedKeyUsageNames[id]} (${id})` : id,
      ),
      basicConstraints: extensions.basicConstraints,
      subjectKeyIdentifier: extensions.subjectKeyIdentifier,
      authorityKeyIdentifier: extensions.authorityKeyIdentifier,
      crlDistributionPoints: extensions.crlDistributionPoints,
      extensions: extensions.all,
      der: Buffer.from(der),
      pem: encodePem('CERTIFICATE', der),
    };
  } catch (error) {
    if (error instanceof PkiError) throw error;
    throw new PkiError(
      `The certificate data is not a valid X.509 certificate (${describeError(error)}). Supply a DER (.cer) or base64 (PEM) certificate.`,
      'CertificateDataInvalid',
    );
  }
}

function safeVerify(parts: ReturnType<typeof signatureParts>, key: KeyObject): boolean {
  try {
    return verifySignature(parts, key);
  } catch {
    return false;
  }
}

/** One certificate from PEM text (the first block), DER bytes or base64 without headers. */
export function parseCertificate(input: string | Buffer): CertificateInfo {
  return parseCertificateDer(decodeCertificateBytes(input));
}

export function toCertificateInfo(input: CertificateInput): CertificateInfo {
  return typeof input === 'string' || Buffer.isBuffer(input) ? parseCertificate(input) : input;
}

/** Whether the certificate's public key is the key given (a private key PEM or a public key). */
export function publicKeyMatches(certificate: CertificateInput, key: PublicKeyInput): boolean {
  return toCertificateInfo(certificate).publicKeyFingerprint === publicKeyFingerprint(key);
}
