// New-ExchangeCertificate without -GenerateRequest: a self-signed certificate for the subject and
// domain names, valid one year by default (Exchange 2007's self-signed lifetime), RSA 2048, SHA-256,
// usable for both ends of mutual TLS (Server and Client Authentication).
import { addDays, buildCertificate, randomSerialNumber, wholeSeconds } from './certificate-builder.ts';
import { type CertificateInfo, parseCertificateDer } from './certificate-info.ts';
import { extendedKeyUsage, keyUsage, subjectAltName, subjectKeyIdentifier } from './extension-encoding.ts';
import { oid } from './oids.ts';
import { type NewCertificateInput, prepareNewCertificate } from './new-certificate-input.ts';
import { keyIdentifier } from './rsa-keys.ts';

export const exchangeSelfSignedValidityDays = 365;

export interface SelfSignedOptions extends NewCertificateInput {
  /** Default 365 (Exchange 2007). */
  validityDays?: number;
  /** Default now. */
  notBefore?: Date;
}

export interface CreatedCertificate {
  certificatePem: string;
  privateKeyPem: string;
  certificate: CertificateInfo;
  friendlyName: string;
}

export async function createSelfSignedCertificate(options: SelfSignedOptions): Promise<CreatedCertificate> {
  const { subjectName, dnsNames, friendlyName, privateKeyPem, spki } = await prepareNewCertificate(options);
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
