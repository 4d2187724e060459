// New-ExchangeCertificate without -GenerateRequest: a self-signed certificate for the subject and
// domain names, valid one year by default (Exchange 2007's self-signed lifetime), RSA 2048, SHA-256,
// usable for both ends of mutual TLS (Server and Client Authentication).
import type { DistinguishedName } from './distinguished-name.ts';
import { addDays, buildCertificate, randomSerialNumber, wholeSeconds } from './certificate-builder.ts';
import { type CertificateInfo, parseCertificateDer } from './certificate-info.ts';
import { extendedKeyUsage, keyUsage, subjectAltName, subjectKeyIdentifier } from './extension-encoding.ts';
import { oid } from './oids.ts';
import { checkExchangeKeySize, generateRsaKeyPair, keyIdentifier, normalizePrivateKeyPem, spkiDer } from './rsa-keys.ts';
import { checkFriendlyName, defaultFriendlyName, resolveSubjectAndDomains } from './subject-names.ts';

export const exchangeSelfSignedValidityDays = 365;

export interface SelfSignedOptions {
  subject?: string | DistinguishedName;
  domainNames?: string[];
  keySize?: number;
  /** Default 365 (Exchange 2007). */
  validityDays?: number;
  /** Default now. */
  notBefore?: Date;
  friendlyName?: string;
  /** Certify this existing key instead of a new one. */
  privateKeyPem?: string;
}

export interface CreatedCertificate {
  certificatePem: string;
  privateKeyPem: string;
  certificate: CertificateInfo;
  friendlyName: string;
}

export async function createSelfSignedCertificate(options: SelfSignedOptions): Promise<CreatedCertificate> {
  const keySize = options.keySize ?? 2048;
  const friendlyName = options.friendlyName ?? defaultFriendlyName;
  checkFriendlyName(friendlyName);
  if (!options.privateKeyPem) checkExchangeKeySize(keySize);
  const { subjectName, dnsNames } = resolveSubjectAndDomains(options.subject, options.domainNames);
  const privateKeyPem = options.privateKeyPem ? normalizePrivateKeyPem(options.privateKeyPem) : (await generateRsaKeyPair(keySize)).privateKeyPem;
  const spki = spkiDer(privateKeyPem);
  const notBefore = wholeSeconds(options.notBefore ?? new Date());
  const built = buildCertificate(
    {
      subject: subjectName,
      issuer: subjectName,
      spki,
      serialNumber: randomSerialNumber(),
      notBefore,
      notAfter: addDays(notBefore, options.validityDays ?? exchangeSelfSignedValidityDays),
      extensions: [
        keyUsage(['DigitalSignature', 'KeyEncipherment']),
        extendedKeyUsage([oid.serverAuth, oid.clientAuth]),
        subjectAltName(dnsNames),
        subjectKeyIdentifier(keyIdentifier(spki)),
      ],
    },
    privateKeyPem,
  );
  return { certificatePem: built.pem, privateKeyPem, certificate: parseCertificateDer(built.der), friendlyName };
}
