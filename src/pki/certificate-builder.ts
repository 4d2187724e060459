// Assembling and signing an X.509 v3 certificate (RFC 5280 4.1) from its parts. Names can be given
// as RDNs or as the exact DER to copy (an issuer's subject, a request's subject), so chains match
// byte for byte. Signed with SHA-256/RSA.
import { randomBytes } from 'node:crypto';
import { explicitTag, integerFromHex, integerValue, parseDer, sequence, timeValue } from './asn1.ts';
import type { DistinguishedName } from './distinguished-name.ts';
import { certificateExtensionsField, type Extension } from './extension-encoding.ts';
import { encodeName } from './name-der.ts';
import { encodePem } from './pem.ts';
import { argumentException, PkiError } from './pki-error.ts';
import { sha256WithRsaAlgorithm, signSha256WithRsa } from './signing.ts';

export interface CertificateTemplate {
  subject: DistinguishedName | Buffer;
  issuer: DistinguishedName | Buffer;
  /** DER SubjectPublicKeyInfo of the certified key. */
  spki: Buffer;
  /** Upper-case hex of the serial's DER content bytes (positive: first byte below 0x80). */
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  extensions: Extension[];
}

export interface BuiltCertificate {
  der: Buffer;
  pem: string;
}

/** A random positive 16-byte serial number (first byte 0x01-0x7F, so the DER keeps all 16 bytes). */
export function randomSerialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) || 0x01;
  return bytes.toString('hex').toUpperCase();
}

/** Certificates carry whole seconds. */
export function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

function nameNode(name: DistinguishedName | Buffer) {
  return Buffer.isBuffer(name) ? parseDer(name) : encodeName(name);
}

export function buildCertificate(template: CertificateTemplate, signingKeyPem: string): BuiltCertificate {
  if (!(template.notAfter.getTime() > template.notBefore.getTime())) {
    throw new PkiError(
      `The certificate's end date ${template.notAfter.toISOString()} is not after its start date ${template.notBefore.toISOString()}.`,
      'InvalidValidityPeriod',
      argumentException,
    );
  }
  const fields = [
    explicitTag(0, integerValue(2)),
    integerFromHex(template.serialNumber),
    sha256WithRsaAlgorithm(),
    nameNode(template.issuer),
    sequence([timeValue(wholeSeconds(template.notBefore)), timeValue(wholeSeconds(template.notAfter))]),
    nameNode(template.subject),
    parseDer(template.spki),
  ];
  if (template.extensions.length > 0) fields.push(certificateExtensionsField(template.extensions));
  const der = signSha256WithRsa(sequence(fields), signingKeyPem);
  return { der, pem: encodePem('CERTIFICATE', der) };
}
