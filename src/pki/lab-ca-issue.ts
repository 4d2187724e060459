// The lab CA issuing end-entity certificates: from a PKCS #10 request (subject and requested DNS
// names honoured, as a CA would for an Exchange request), or directly with a fresh key for tests
// (expired, not-yet-valid or wrong-name certificates; a partner organisation's certificate).
import { addDays, buildCertificate, randomSerialNumber, wholeSeconds } from './certificate-builder.ts';
import { type CertificateInfo, parseCertificateDer } from './certificate-info.ts';
import { parseCertificateRequest } from './certificate-request.ts';
import { commonNameOf, type DistinguishedName } from './distinguished-name.ts';
import { isValidCertificateDomainName, uniqueNames } from './domain-names.ts';
import { extendedKeyUsage, keyUsage, subjectAltName, subjectKeyIdentifier } from './extension-encoding.ts';
import { caCertificate, caChainPems, capToCa, checkCanIssue, defaultNotBefore, issuerExtensions, type LabCa } from './lab-ca.ts';
import { oid } from './oids.ts';
import { PkiError } from './pki-error.ts';
import { generateRsaKeyPair, keyIdentifier, normalizePrivateKeyPem, spkiDer } from './rsa-keys.ts';
import { resolveSubjectAndDomains } from './subject-names.ts';

export interface IssueOptions {
  /** Default 365 days from notBefore (capped at the CA's end date unless notAfter is given). */
  validityDays?: number;
  /** Default now minus 10 minutes. */
  notBefore?: Date;
  /** Overrides validityDays and the cap (for deliberately odd test certificates). */
  notAfter?: Date;
  /** EKU OIDs; default Server Authentication and Client Authentication (mutual TLS). */
  extendedKeyUsage?: string[];
}

export interface IssuedCertificate {
  certificatePem: string;
  certificate: CertificateInfo;
  serialNumber: string;
  /** The issuing CA's certificate and the ones above it, issuer first. */
  chainPems: string[];
}

function issue(ca: LabCa, subject: DistinguishedName | Buffer, dnsNames: string[], spki: Buffer, options: IssueOptions): IssuedCertificate {
  const caInfo = caCertificate(ca);
  checkCanIssue(caInfo);
  const notBefore = wholeSeconds(options.notBefore ?? defaultNotBefore());
  const notAfter = options.notAfter ?? capToCa(addDays(notBefore, options.validityDays ?? 365), caInfo);
  const serialNumber = randomSerialNumber();
  const extensions = [
    keyUsage(['DigitalSignature', 'KeyEncipherment']),
    extendedKeyUsage(options.extendedKeyUsage ?? [oid.serverAuth, oid.clientAuth]),
    subjectKeyIdentifier(keyIdentifier(spki)),
    ...issuerExtensions(ca, caInfo),
  ];
  if (dnsNames.length > 0) extensions.splice(2, 0, subjectAltName(dnsNames));
  const built = buildCertificate({ subject, issuer: caInfo.subjectNameDer, spki, serialNumber, notBefore, notAfter, extensions }, ca.privateKeyPem);
  return { certificatePem: built.pem, certificate: parseCertificateDer(built.der), serialNumber, chainPems: caChainPems(ca) };
}

/** Issues a certificate for a PKCS #10 request: its subject as written, its requested DNS names (else its CN). */
export function issueFromRequest(ca: LabCa, request: string | Buffer, options: IssueOptions = {}): IssuedCertificate {
  const parsed = parseCertificateRequest(request);
  if (!parsed.signatureValid) {
    throw new PkiError(`The certificate request for "${parsed.subject}" has an invalid signature; it was altered or damaged. Generate a new request.`, 'RequestSignatureInvalid');
  }
  const commonName = commonNameOf(parsed.subjectName);
  const dnsNames = parsed.dnsNames.length > 0 ? parsed.dnsNames : commonName && isValidCertificateDomainName(commonName) ? [commonName] : [];
  return issue(ca, parsed.subjectNameDer, uniqueNames(dnsNames), parsed.spkiDer, options);
}

export interface DirectIssueOptions extends IssueOptions {
  subject?: string | DistinguishedName;
  domainNames?: string[];
  keySize?: number;
  /** Certify this key instead of generating one. */
  privateKeyPem?: string;
}

export interface IssuedCertificateWithKey extends IssuedCertificate {
  privateKeyPem: string;
}

/** Issues a certificate with a new key (or the one given): for tests and for partner organisations. */
export async function issueCertificate(ca: LabCa, options: DirectIssueOptions): Promise<IssuedCertificateWithKey> {
  const { subjectName, dnsNames } = resolveSubjectAndDomains(options.subject, options.domainNames);
  const privateKeyPem = options.privateKeyPem ? normalizePrivateKeyPem(options.privateKeyPem) : (await generateRsaKeyPair(options.keySize ?? 2048)).privateKeyPem;
  return { ...issue(ca, subjectName, dnsNames, spkiDer(privateKeyPem), options), privateKeyPem };
}
