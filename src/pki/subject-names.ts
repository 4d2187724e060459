// Exchange's rules for the names on a new certificate or request: SubjectName defaults to
// `CN=<first domain name>` here (the cmdlet supplies `CN=<server name>`), every -DomainName must be
// a valid host name, the subject CN is added to the domain names, and there must be at least one FQDN.
import { commonNameOf, type DistinguishedName, toDistinguishedName } from './distinguished-name.ts';
import { checkCertificateDomainName, isValidCertificateDomainName, uniqueNames } from './domain-names.ts';
import { oid } from './oids.ts';
import { argumentException, PkiError } from './pki-error.ts';

export interface ResolvedNames {
  subjectName: DistinguishedName;
  /** The DNS subject alternative names: the subject CN first, then the domain names. */
  dnsNames: string[];
}

export function resolveSubjectAndDomains(subject: string | DistinguishedName | undefined, domainNames: readonly string[] = []): ResolvedNames {
  for (const name of domainNames) checkCertificateDomainName(name);
  const firstDomain = domainNames[0];
  const subjectName: DistinguishedName =
    subject !== undefined ? toDistinguishedName(subject) : firstDomain ? [[{ oid: oid.commonName, value: firstDomain }]] : [];
  const commonName = commonNameOf(subjectName);
  const dnsNames = uniqueNames([...(commonName && isValidCertificateDomainName(commonName) ? [commonName] : []), ...domainNames]);
  if (dnsNames.length === 0) {
    throw new PkiError(
      'You must specify at least one valid fully qualified domain name (FQDN) for either the Subject or the DomainName parameter.',
      'SubjectCnNotValidFQDN',
      argumentException,
    );
  }
  return { subjectName, dnsNames };
}

export const defaultFriendlyName = 'Microsoft Exchange';

export function checkFriendlyName(friendlyName: string): void {
  if (friendlyName.length > 63) {
    throw new PkiError('The friendly name is too long. The maximum allowed length is 63 characters.', 'FriendlyNameTooLong', argumentException);
  }
}
