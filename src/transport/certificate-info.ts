// What the protocol log and the domain-security checks need from an X.509 certificate, in the
// forms Windows shows: subject and issuer most-specific first (`CN=..., O=..., C=US`, `S=` for
// state), upper-case hex serial number and SHA-1 thumbprint, DNS alternate names joined by `;`.
import { X509Certificate } from 'node:crypto';
import type { DetailedPeerCertificate, PeerCertificate } from 'node:tls';

export interface CertificateInfo {
  subject: string;
  issuer: string;
  serialNumber: string;
  thumbprint: string;
  /** DNS subject alternative names. */
  alternateNames: string[];
  /** Subject common name, if any. */
  commonName: string | undefined;
}

const windowsAttributeNames: Record<string, string> = { ST: 'S', emailAddress: 'E' };

function quoteValue(value: string): string {
  return /[,+="\n<>#;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Node's one-attribute-per-line name (ASN.1 order) → Windows' reversed comma-separated form. */
export function windowsDistinguishedName(nodeName: string): string {
  return nodeName
    .split('\n')
    .filter((line) => line.includes('='))
    .map((line) => {
      const equals = line.indexOf('=');
      const type = line.slice(0, equals);
      return `${windowsAttributeNames[type] ?? type}=${quoteValue(line.slice(equals + 1))}`;
    })
    .reverse()
    .join(', ');
}

export function dnsAlternateNames(certificate: X509Certificate): string[] {
  return namesFromSubjectAltName(certificate.subjectAltName);
}

export function commonNameOf(certificate: X509Certificate): string | undefined {
  const line = certificate.subject.split('\n').find((entry) => entry.startsWith('CN='));
  return line?.slice(3);
}

export function describeCertificate(certificate: X509Certificate | Buffer | string): CertificateInfo {
  const x509 = certificate instanceof X509Certificate ? certificate : new X509Certificate(certificate);
  return {
    subject: windowsDistinguishedName(x509.subject),
    issuer: windowsDistinguishedName(x509.issuer),
    serialNumber: x509.serialNumber.toUpperCase(),
    thumbprint: x509.fingerprint.replace(/:/g, '').toUpperCase(),
    alternateNames: dnsAlternateNames(x509),
    commonName: commonNameOf(x509),
  };
}

type NameObject = Record<string, string | string[] | undefined>;

function windowsNameFromObject(name: NameObject): string {
  const parts: string[] = [];
  for (const [type, value] of Object.entries(name)) {
    for (const single of Array.isArray(value) ? value : value === undefined ? [] : [value]) parts.push(`${windowsAttributeNames[type] ?? type}=${quoteValue(single)}`);
  }
  return parts.reverse().join(', ');
}

function namesFromSubjectAltName(text: string | undefined): string[] {
  if (!text) return [];
  const names: string[] = [];
  for (const match of text.matchAll(/DNS:("(?:[^"\\]|\\.)*"|[^,]*)/g)) {
    const raw = match[1]!.trim();
    names.push(raw.startsWith('"') ? (JSON.parse(raw) as string) : raw);
  }
  return names;
}

/** Same as describeCertificate, from the object `TLSSocket.getPeerCertificate()` already built (no second parse). */
export function describePeerCertificate(peer: PeerCertificate | DetailedPeerCertificate): CertificateInfo {
  const commonName = peer.subject?.CN;
  return {
    subject: windowsNameFromObject(peer.subject as unknown as NameObject),
    issuer: windowsNameFromObject(peer.issuer as unknown as NameObject),
    serialNumber: peer.serialNumber.toUpperCase(),
    thumbprint: peer.fingerprint.replace(/:/g, '').toUpperCase(),
    alternateNames: namesFromSubjectAltName(peer.subjectaltname),
    commonName: Array.isArray(commonName) ? commonName[0] : commonName,
  };
}

/** The five `*` rows that follow `Sending certificate` / `Received certificate` in a protocol log. */
export function certificateLogRows(info: CertificateInfo): Array<[data: string, context: string]> {
  return [
    [info.subject, 'Certificate subject'],
    [info.issuer, 'Certificate issuer name'],
    [info.serialNumber, 'Certificate serial number'],
    [info.thumbprint, 'Certificate thumbprint'],
    [info.alternateNames.join(';'), 'Certificate alternate names'],
  ];
}
