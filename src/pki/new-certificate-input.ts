// What New-ExchangeCertificate checks and prepares before it makes a request or a self-signed
// certificate, in Exchange's order: the friendly name, the key size (only for a new key), the
// subject and domain names (subject-names.ts), then the key itself, new or given.
import type { DistinguishedName } from './distinguished-name.ts';
import { checkExchangeKeySize, generateRsaKeyPair, normalizePrivateKeyPem, spkiDer } from './rsa-keys.ts';
import { checkFriendlyName, defaultFriendlyName, resolveSubjectAndDomains, type ResolvedNames } from './subject-names.ts';

export interface NewCertificateInput {
  /** X.500 string in DER order (`DC=com,DC=Contoso,CN=mail1.contoso.com`) or parsed RDNs. */
  subject?: string | DistinguishedName;
  /** -DomainName values: subject alternative names besides the subject CN. */
  domainNames?: string[];
  /** 1024, 2048 (default) or 4096. */
  keySize?: number;
  friendlyName?: string;
  /** Use this existing key (PEM) instead of generating one. */
  privateKeyPem?: string;
}

export interface PreparedCertificateInput extends ResolvedNames {
  friendlyName: string;
  privateKeyPem: string;
  /** DER SubjectPublicKeyInfo of the key. */
  spki: Buffer;
}

export async function prepareNewCertificate(options: NewCertificateInput): Promise<PreparedCertificateInput> {
  const keySize = options.keySize ?? 2048;
  const friendlyName = options.friendlyName ?? defaultFriendlyName;
  checkFriendlyName(friendlyName);
  if (!options.privateKeyPem) checkExchangeKeySize(keySize);
  const { subjectName, dnsNames } = resolveSubjectAndDomains(options.subject, options.domainNames);
  const privateKeyPem = options.privateKeyPem ? normalizePrivateKeyPem(options.privateKeyPem) : (await generateRsaKeyPair(keySize)).privateKeyPem;
  return { subjectName, dnsNames, friendlyName, privateKeyPem, spki: spkiDer(privateKeyPem) };
}
