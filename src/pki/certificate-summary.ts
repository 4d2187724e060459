// The CertificateInfo fields the SMTP transport logs and matches names against, read from the
// certificates Node has already parsed (X509Certificate, `TLSSocket.getPeerCertificate()`), in the
// same Windows forms parseCertificate gives: a TLS handshake should not parse the DER a second time.
import type { X509Certificate } from 'node:crypto';
import type { PeerCertificate } from 'node:tls';
import type { CertificateInfo } from './certificate-info.ts';
import { quoteAttributeValue } from './distinguished-name.ts';
import { attributeOidForKeyword, displayKeyword } from './name-attributes.ts';
import { serialNumberContentHex } from './serial-numbers.ts';

export type CertificateSummary = Pick<CertificateInfo, 'subject' | 'issuer' | 'serialNumber' | 'thumbprint' | 'dnsNames' | 'commonName'>;

/** OpenSSL's short names (`ST`, `emailAddress`) as Windows shows them (`S`, `E`); unknown ones as given. */
function windowsAttributeName(opensslName: string): string {
  const attributeOid = attributeOidForKeyword(opensslName);
  return attributeOid ? displayKeyword(attributeOid) : opensslName;
}

/** Undoes OpenSSL's RFC 4514 escapes (`\,`, `\"`, `\\`, `\C3\A9`). */
function unescapeValue(value: string): string {
  if (!value.includes('\\')) return value;
  const bytes: number[] = [];
  for (let index = 0; index < value.length; index++) {
    const hex = value[index] === '\\' ? /^[0-9A-Fa-f]{2}/.exec(value.slice(index + 1)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      index += 2;
      continue;
    }
    if (value[index] === '\\' && index + 1 < value.length) index++;
    bytes.push(...Buffer.from(value[index]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function windowsName(attributes: Array<[opensslName: string, value: string]>): string {
  return attributes
    .map(([name, value]) => `${windowsAttributeName(name)}=${quoteAttributeValue(value)}`)
    .reverse()
    .join(', ');
}

/** Node's one-attribute-per-line name text (DER order) → `CN=..., O=..., C=US`. */
export function windowsNameFromText(text: string): string {
  return windowsName(
    text
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), unescapeValue(line.slice(line.indexOf('=') + 1))]),
  );
}

function windowsNameFromObject(name: Record<string, string | string[] | undefined>): string {
  return windowsName(Object.entries(name).flatMap(([type, value]) => (value === undefined ? [] : [value].flat()).map((single): [string, string] => [type, single])));
}

/** The DNS names of Node's `subjectAltName` text (`DNS:a, DNS:"b,c", IP Address:...`). */
function dnsNamesFromText(text: string | undefined): string[] {
  if (!text) return [];
  const names: string[] = [];
  for (const match of text.matchAll(/DNS:("(?:[^"\\]|\\.)*"|[^,]*)/g)) {
    const raw = match[1]!.trim();
    names.push(raw.startsWith('"') ? (JSON.parse(raw) as string) : raw);
  }
  return names;
}

/** Node's colon-separated SHA-1 fingerprint → Windows' Thumbprint. */
const thumbprintOf = (fingerprint: string): string => fingerprint.replace(/:/g, '').toUpperCase();

export function summarizeX509(certificate: X509Certificate): CertificateSummary {
  const commonNameLine = certificate.subject.split('\n').findLast((line) => line.startsWith('CN='));
  return {
    subject: windowsNameFromText(certificate.subject),
    issuer: windowsNameFromText(certificate.issuer),
    serialNumber: serialNumberContentHex(certificate.serialNumber),
    thumbprint: thumbprintOf(certificate.fingerprint),
    dnsNames: dnsNamesFromText(certificate.subjectAltName),
    commonName: commonNameLine === undefined ? undefined : unescapeValue(commonNameLine.slice(3)),
  };
}

export function summarizePeerCertificate(peer: PeerCertificate): CertificateSummary {
  const commonName = peer.subject?.CN as string | string[] | undefined;
  return {
    subject: windowsNameFromObject(peer.subject as unknown as Record<string, string | string[]>),
    issuer: windowsNameFromObject(peer.issuer as unknown as Record<string, string | string[]>),
    serialNumber: serialNumberContentHex(peer.serialNumber),
    thumbprint: thumbprintOf(peer.fingerprint),
    dnsNames: dnsNamesFromText(peer.subjectaltname),
    commonName: Array.isArray(commonName) ? commonName.at(-1) : commonName,
  };
}
