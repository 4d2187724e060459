// Host names on certificates: which -DomainName values a certificate may carry (Exchange's rule:
// letters, digits and hyphens, at most 255 characters, an optional leading `*.`), and TLS-style
// name matching with a one-label wildcard.
import { argumentException, PkiError } from './pki-error.ts';

const label = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

export function isValidCertificateDomainName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  const labels = (name.startsWith('*.') ? name.slice(2) : name).replace(/\.$/, '').split('.');
  return labels.every((part) => label.test(part));
}

export function checkCertificateDomainName(name: string): void {
  if (!isValidCertificateDomainName(name)) {
    throw new PkiError(`Domain name ${name} is not valid for a certificate.`, 'InvalidDomainName', argumentException);
  }
}

/** Case-insensitive de-duplication that keeps the first spelling and order. */
export function uniqueNames(names: Iterable<string>): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const name of names) {
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(name);
  }
  return result;
}

/** One certificate name against a host: exact, or `*.rest` covering exactly one left-most label. */
export function certificateNameMatches(certificateName: string, host: string): boolean {
  const name = certificateName.toLowerCase().replace(/\.$/, '');
  const wanted = host.toLowerCase().replace(/\.$/, '');
  if (name === wanted) return true;
  if (!name.startsWith('*.')) return false;
  const dot = wanted.indexOf('.');
  return dot > 0 && wanted.slice(dot + 1) === name.slice(2);
}

/** Whether any of the certificate's domains (SAN DNS names and subject CN) covers `host`. */
export function matchesDomain(certificate: { certificateDomains: readonly string[] }, host: string): boolean {
  return certificate.certificateDomains.some((name) => certificateNameMatches(name, host));
}
