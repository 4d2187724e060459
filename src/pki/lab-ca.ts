// A small certification authority for the lab and the tests: a root, subordinates under it, and
// CRLs. Its state is a plain JSON-serialisable object (PEM strings, ISO dates, numbers), so the
// store can persist it as it is; every operation returns a new state instead of mutating.
import { addDays, buildCertificate, randomSerialNumber, wholeSeconds } from './certificate-builder.ts';
import { type CertificateInfo, parseCertificate } from './certificate-info.ts';
import { buildCrl } from './crl-builder.ts';
import { type DistinguishedName, toDistinguishedName } from './distinguished-name.ts';
import {
  authorityKeyIdentifier,
  basicConstraints,
  crlDistributionPoints,
  type Extension,
  keyUsage,
  subjectKeyIdentifier,
} from './extension-encoding.ts';
import { PkiError } from './pki-error.ts';
import type { RevocationReason } from './revocation-reasons.ts';
import { generateRsaKeyPair, keyIdentifier, spkiDer } from './rsa-keys.ts';
import { normalizeSerialNumber, sameSerialNumber } from './serial-numbers.ts';

export interface LabCaRevocation {
  serialNumber: string;
  /** ISO 8601. */
  revokedAt: string;
  reason?: RevocationReason;
}

export interface LabCa {
  certificatePem: string;
  /** PKCS #8 PEM. */
  privateKeyPem: string;
  /** The certificates above this CA, its issuer first; empty for a root. */
  issuerChainPems: string[];
  /** The CRL number the next createCrl writes. */
  nextCrlNumber: number;
  revoked: LabCaRevocation[];
  /** URI written as the CRL distribution point of certificates this CA issues, if any. */
  crlDistributionPoint?: string;
}

export interface CaOptions {
  subject: string | DistinguishedName;
  /** Default 3650 for a root, 1825 for a subordinate (capped at the parent's end date). */
  validityDays?: number;
  /** Default now minus 10 minutes (clock-skew allowance, as AD CS backdates). */
  notBefore?: Date;
  keySize?: number;
  /** basicConstraints pathLenConstraint; none for a root by default, 0 for a subordinate. */
  pathLength?: number;
  crlDistributionPoint?: string;
}

export const clockSkewMinutes = 10;

export function defaultNotBefore(): Date {
  return wholeSeconds(new Date(Date.now() - clockSkewMinutes * 60_000));
}

export function caCertificate(ca: LabCa): CertificateInfo {
  return parseCertificate(ca.certificatePem);
}

/** This CA's certificate followed by the certificates above it. */
export function caChainPems(ca: LabCa): string[] {
  return [ca.certificatePem, ...ca.issuerChainPems];
}

/** The CA's subject key identifier (from its certificate, else computed from its key). */
export function caKeyIdentifier(certificate: CertificateInfo): Buffer {
  return certificate.subjectKeyIdentifier
    ? Buffer.from(certificate.subjectKeyIdentifier, 'hex')
    : keyIdentifier(spkiDer(certificate.publicKeyPem));
}

/** Extensions of a certificate this CA issues: AKI, and the CRL point when configured. */
export function issuerExtensions(ca: LabCa, certificate: CertificateInfo): Extension[] {
  const extensions = [authorityKeyIdentifier(caKeyIdentifier(certificate))];
  if (ca.crlDistributionPoint) extensions.push(crlDistributionPoints([ca.crlDistributionPoint]));
  return extensions;
}

/** End dates never outlive the issuing CA. */
export function capToCa(notAfter: Date, certificate: CertificateInfo): Date {
  return notAfter.getTime() > certificate.notAfter.getTime() ? certificate.notAfter : notAfter;
}

export function checkCanIssue(certificate: CertificateInfo): void {
  if (!certificate.basicConstraints?.isCa) {
    throw new PkiError(`The certificate "${certificate.subject}" is not a CA certificate (basicConstraints cA is not set), so it cannot issue certificates.`, 'CaCertificateUnsuitable');
  }
}

/** Only present when set, so the state stays plain JSON (no undefined values). */
function distributionPoint(options: CaOptions): Pick<LabCa, 'crlDistributionPoint'> {
  return options.crlDistributionPoint ? { crlDistributionPoint: options.crlDistributionPoint } : {};
}

export async function createRootCa(options: CaOptions): Promise<LabCa> {
  const subject = toDistinguishedName(options.subject);
  const { privateKeyPem } = await generateRsaKeyPair(options.keySize ?? 2048);
  const spki = spkiDer(privateKeyPem);
  const keyId = keyIdentifier(spki);
  const notBefore = wholeSeconds(options.notBefore ?? defaultNotBefore());
  const built = buildCertificate(
    {
      subject,
      issuer: subject,
      spki,
      serialNumber: randomSerialNumber(),
      notBefore,
      notAfter: addDays(notBefore, options.validityDays ?? 3650),
      extensions: [
        basicConstraints(true, options.pathLength),
        keyUsage(['DigitalSignature', 'KeyCertSign', 'CrlSign']),
        subjectKeyIdentifier(keyId),
        authorityKeyIdentifier(keyId),
      ],
    },
    privateKeyPem,
  );
  return { certificatePem: built.pem, privateKeyPem, issuerChainPems: [], nextCrlNumber: 1, revoked: [], ...distributionPoint(options) };
}

export async function createSubordinateCa(parent: LabCa, options: CaOptions): Promise<LabCa> {
  const parentCertificate = caCertificate(parent);
  checkCanIssue(parentCertificate);
  const { privateKeyPem } = await generateRsaKeyPair(options.keySize ?? 2048);
  const spki = spkiDer(privateKeyPem);
  const notBefore = wholeSeconds(options.notBefore ?? defaultNotBefore());
  const built = buildCertificate(
    {
      subject: toDistinguishedName(options.subject),
      issuer: parentCertificate.subjectNameDer,
      spki,
      serialNumber: randomSerialNumber(),
      notBefore,
      notAfter: capToCa(addDays(notBefore, options.validityDays ?? 1825), parentCertificate),
      extensions: [
        basicConstraints(true, options.pathLength ?? 0),
        keyUsage(['DigitalSignature', 'KeyCertSign', 'CrlSign']),
        subjectKeyIdentifier(keyIdentifier(spki)),
        ...issuerExtensions(parent, parentCertificate),
      ],
    },
    parent.privateKeyPem,
  );
  return {
    certificatePem: built.pem,
    privateKeyPem,
    issuerChainPems: caChainPems(parent),
    nextCrlNumber: 1,
    revoked: [],
    ...distributionPoint(options),
  };
}

/** Records a revocation (replacing an earlier one of the same serial); returns the new state. */
export function revoke(ca: LabCa, serialNumber: string, date: Date = new Date(), reason?: RevocationReason): LabCa {
  const normalized = normalizeSerialNumber(serialNumber);
  const entry: LabCaRevocation = { serialNumber: normalized, revokedAt: wholeSeconds(date).toISOString(), ...(reason ? { reason } : {}) };
  return { ...ca, revoked: [...ca.revoked.filter((r) => !sameSerialNumber(r.serialNumber, normalized)), entry] };
}

export interface CrlOptions {
  /** Default now. */
  thisUpdate?: Date;
  /** Default thisUpdate + 7 days. */
  nextUpdate?: Date;
  /** List these instead of the CA's recorded revocations. */
  revoked?: LabCaRevocation[];
}

export interface CreatedCrl {
  crlPem: string;
  crlDer: Buffer;
  crlNumber: number;
  thisUpdate: Date;
  nextUpdate: Date;
  /** The CA state with its CRL number advanced. */
  ca: LabCa;
}

export function createCrl(ca: LabCa, options: CrlOptions = {}): CreatedCrl {
  const certificate = caCertificate(ca);
  checkCanIssue(certificate);
  const revoked = options.revoked ?? ca.revoked;
  const built = buildCrl(
    {
      issuerNameDer: certificate.subjectNameDer,
      issuerKeyId: caKeyIdentifier(certificate),
      thisUpdate: options.thisUpdate ?? new Date(),
      nextUpdate: options.nextUpdate,
      crlNumber: ca.nextCrlNumber,
      entries: revoked.map((r) => ({ serialNumber: r.serialNumber, revocationDate: new Date(r.revokedAt), reason: r.reason })),
    },
    ca.privateKeyPem,
  );
  return {
    crlPem: built.pem,
    crlDer: built.der,
    crlNumber: ca.nextCrlNumber,
    thisUpdate: built.thisUpdate,
    nextUpdate: built.nextUpdate,
    ca: { ...ca, nextCrlNumber: ca.nextCrlNumber + 1 },
  };
}
