// The objects of the Certificate provider (Cert:): X509Certificate2 items with the properties
// PowerShell shows (Thumbprint, Subject, Issuer, NotBefore, NotAfter, HasPrivateKey, SerialNumber,
// FriendlyName, DnsNameList...) and the store-location and store containers (`Cert:\LocalMachine`,
// `Cert:\LocalMachine\Root`). Every certificate object carries its PSPath and PSParentPath, so the
// table groups under `PSParentPath: Microsoft.PowerShell.Security\Certificate::LocalMachine\Root`.
import { parseCertificate, type CertificateInfo } from '../pki/certificate-info.ts';
import { PSObject } from '../runtime/values.ts';
import { providerFullName } from './provider-info.ts';

export const X509_CERTIFICATE_TYPE = 'System.Security.Cryptography.X509Certificates.X509Certificate2';
export const X509_STORE_TYPE = 'System.Security.Cryptography.X509Certificates.X509Store';
export const X509_STORE_LOCATION_TYPE = 'Microsoft.PowerShell.Commands.X509StoreLocation';

/** A certificate as a store holds it. */
export interface StoredCertificate {
  pem: string;
  hasPrivateKey: boolean;
  friendlyName: string;
}

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

/** `Microsoft.PowerShell.Security\Certificate::LocalMachine\Root`. */
export function certificatePSPath(...segments: string[]): string {
  return `${providerFullName('Certificate')}::${segments.join('\\')}`;
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

/** `Cert:\LocalMachine`: Location and StoreNames (a list view). */
export function storeLocationObject(location: string, storeNames: readonly string[]): PSObject {
  const o = new PSObject([X509_STORE_LOCATION_TYPE, 'System.Object']);
  o.setProperty('Location', location);
  o.setProperty('StoreNames', [...storeNames]);
  o.defineMethod({ name: 'ToString', invoke: () => location });
  return o;
}

/** `Cert:\LocalMachine\Root`: the store's Name and Location (a list view of Name). */
export function storeObject(location: string, name: string): PSObject {
  const o = new PSObject([X509_STORE_TYPE, 'System.Object']);
  o.setProperty('Name', name);
  o.setProperty('Location', location);
  o.defineMethod({ name: 'ToString', invoke: () => X509_STORE_TYPE });
  return o;
}
