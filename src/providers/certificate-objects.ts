// The X509Certificate2 items of the Certificate provider (Cert:) with the properties PowerShell shows
// (Thumbprint, Subject, Issuer, NotBefore, NotAfter, HasPrivateKey, SerialNumber, FriendlyName,
// DnsNameList...). Every certificate object carries its PSPath and PSParentPath, so the table groups
// under `PSParentPath: Microsoft.PowerShell.Security\Certificate::LocalMachine\Root`. Parsing needs
// node-forge: the provider imports this module on first use, not at startup.
import { parseCertificate, type CertificateInfo } from '../pki/certificate-info.ts';
import { PSObject } from '../runtime/values.ts';
import { certificatePSPath, X509_CERTIFICATE_TYPE, type StoredCertificate } from './certificate-items.ts';
import { providerFullName } from './provider-info.ts';

const parsed = new Map<string, CertificateInfo>();

/** Parses a certificate once per session process (stores are listed often; parsing verifies signatures). */
export function certificateInfo(pem: string): CertificateInfo {
  let info = parsed.get(pem);
  if (!info) {
    if (parsed.size >= 512) parsed.clear();
    info = parseCertificate(pem);
    parsed.set(pem, info);
  }
  return info;
}

function distinguishedName(name: string): PSObject {
  const o = PSObject.from({ Name: name }, ['System.Security.Cryptography.X509Certificates.X500DistinguishedName', 'System.Object']);
  o.defineMethod({ name: 'ToString', invoke: () => 'System.Security.Cryptography.X509Certificates.X500DistinguishedName' });
  return o;
}

/** What DnsNameList holds: the DNS alternative names, else the subject's common name. */
function dnsNameList(info: CertificateInfo): string[] {
  if (info.dnsNames.length > 0) return [...info.dnsNames];
  return info.commonName ? [info.commonName] : [];
}

/** The X509Certificate2 object of a certificate in `Cert:\<location>\<store>`. */
export function x509CertificateObject(certificate: StoredCertificate, location: string, store: string): PSObject {
  const info = certificateInfo(certificate.pem);
  const o = new PSObject([X509_CERTIFICATE_TYPE, 'System.Security.Cryptography.X509Certificates.X509Certificate', 'System.Object']);
  const notes: [string, unknown][] = [
    ['PSPath', certificatePSPath(location, store, info.thumbprint)],
    ['PSParentPath', certificatePSPath(location, store)],
    ['PSChildName', info.thumbprint],
    ['PSDrive', 'Cert'],
    ['PSProvider', providerFullName('Certificate')],
    ['PSIsContainer', false],
    ['EnhancedKeyUsageList', info.enhancedKeyUsageList],
    ['DnsNameList', dnsNameList(info)],
    ['SendAsTrustedIssuer', false],
    ['Archived', false],
    ['Extensions', info.extensions.map((e) => e.oid)],
    ['FriendlyName', certificate.friendlyName],
    ['IssuerName', distinguishedName(info.issuer)],
    ['NotAfter', info.notAfter],
    ['NotBefore', info.notBefore],
    ['HasPrivateKey', certificate.hasPrivateKey],
    ['PublicKey', info.publicKeyPem.trim()],
    ['RawData', info.der],
    ['SerialNumber', info.serialNumber],
    ['SubjectName', distinguishedName(info.subject)],
    ['SignatureAlgorithm', info.signatureAlgorithm],
    ['Thumbprint', info.thumbprint],
    ['Version', info.version],
    ['Issuer', info.issuer],
    ['Subject', info.subject],
  ];
  for (const [name, value] of notes) o.setProperty(name, value);
  return o;
}
