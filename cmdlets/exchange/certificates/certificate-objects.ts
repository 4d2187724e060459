// The ExchangeCertificate object Get-/Import-/New-ExchangeCertificate write: Exchange's property
// order for `Format-List` (AccessRules ... Thumbprint), the rest for `Format-List *`, the
// Thumbprint/Services/Subject table with the 5-character Exchange 2007 Services column (`....S`),
// and Status computed by real chain, date and CRL validation against the server's trusted roots.
import { registerView } from '../../../src/format/views.ts';
import { parseCertificate } from '../../../src/pki/certificate-info.ts';
import type { CertificateInfo } from '../../../src/pki/certificate-info.ts';
import { parseCertificateRequest } from '../../../src/pki/certificate-request.ts';
import { validateCertificate } from '../../../src/pki/certificate-validation.ts';
import { registerEnum } from '../../../src/runtime/types.ts';
import { EnumType, PSObject } from '../../../src/runtime/values.ts';
import type { CertificateStore } from '../../../src/store/certificate-store.ts';
import type { CertificateRecord, CertificateStatus, PendingRequestRecord, RootCaType } from '../../../src/store/certificate-records.ts';
import type { KeyStore } from '../../../src/store/keys.ts';
import { keyAccessRules } from './access-rules.ts';

export const EXCHANGE_CERTIFICATE_TYPE = 'Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate';

/** Exchange 2007's AllowedServices flags. */
export const AllowedServicesEnum = new EnumType(
  'Microsoft.Exchange.Management.SystemConfigurationTasks.AllowedServices',
  { None: 0, IMAP: 1, POP: 2, UM: 4, IIS: 8, SMTP: 16 },
  true,
);
registerEnum(AllowedServicesEnum);

/** `Format-List` (no properties): Exchange's order. */
export const CERTIFICATE_LIST_PROPERTIES = [
  'AccessRules',
  'CertificateDomains',
  'HasPrivateKey',
  'IsSelfSigned',
  'Issuer',
  'NotAfter',
  'NotBefore',
  'PublicKeySize',
  'RootCAType',
  'SerialNumber',
  'Services',
  'Status',
  'Subject',
  'Thumbprint',
] as const;

registerView(EXCHANGE_CERTIFICATE_TYPE, {
  kind: 'table',
  columns: [
    { label: 'Thumbprint', expression: 'Thumbprint', width: 41 },
    { label: 'Services', expression: 'ServicesStringForm', width: 10 },
    'Subject',
  ],
});
registerView(EXCHANGE_CERTIFICATE_TYPE, { kind: 'list', properties: [...CERTIFICATE_LIST_PROPERTIES] });

/** `IPUWS` with `.` for each service not enabled (Exchange 2007's five flags). */
export function servicesStringForm(services: number): string {
  return ['I', 'P', 'U', 'W', 'S'].map((letter, i) => ((services & (1 << i)) !== 0 ? letter : '.')).join('');
}

export interface CertificateState {
  status: CertificateStatus;
  rootCaType: RootCaType | 'None' | 'Unknown';
  reason: string;
}

/** Status and RootCAType as Exchange computes them (ExchangeCertificate.CheckCertificateChainAndCacheProps). */
export function certificateState(store: CertificateStore, record: CertificateRecord, info: CertificateInfo = parseCertificate(record.certificatePem)): CertificateState {
  const roots = store.listTrustedRoots();
  const result = validateCertificate(info, {
    intermediates: record.chainPems ?? [],
    trustedRoots: roots.map((r) => r.certificatePem),
    crls: store.listCrls().map((c) => c.crlPem),
  });
  const root = result.trusted ? roots.find((r) => r.thumbprint === result.chain[result.chain.length - 1]?.thumbprint) : undefined;
  if (record.statusOverride) return { status: record.statusOverride, rootCaType: root?.rootCaType ?? 'Unknown', reason: `The status was set to ${record.statusOverride} by the lab.` };
  if (result.status === 'Untrusted' && info.isSelfSigned) return { status: 'Valid', rootCaType: 'None', reason: result.reason };
  if (result.status === 'Valid') return { status: 'Valid', rootCaType: root?.rootCaType ?? (info.isSelfSigned ? 'None' : 'Unknown'), reason: result.reason };
  return { status: result.status, rootCaType: 'Unknown', reason: result.reason };
}

function object(properties: [string, unknown][]): PSObject {
  const result = new PSObject([EXCHANGE_CERTIFICATE_TYPE, 'System.Security.Cryptography.X509Certificates.X509Certificate2', 'System.Object']);
  for (const [name, value] of properties) result.setProperty(name, value);
  return result;
}

/** The ExchangeCertificate of an installed certificate (AccessRules from its key file in `keys`). */
export function certificateObject(store: CertificateStore, record: CertificateRecord, keys: KeyStore): PSObject {
  const info = parseCertificate(record.certificatePem);
  const state = certificateState(store, record, info);
  const hasKey = record.keyId !== undefined;
  return object([
    ['AccessRules', keyAccessRules(keys, record.keyId)],
    ['CertificateDomains', info.certificateDomains],
    ['HasPrivateKey', hasKey],
    ['IsSelfSigned', info.isSelfSigned],
    ['Issuer', info.issuer],
    ['NotAfter', info.notAfter],
    ['NotBefore', info.notBefore],
    ['PublicKeySize', info.publicKeySize],
    ['RootCAType', state.rootCaType],
    ['SerialNumber', info.serialNumber],
    ['Services', AllowedServicesEnum.value(record.services)],
    ['Status', state.status],
    ['Subject', info.subject],
    ['Thumbprint', info.thumbprint],
    ['Archived', false],
    ['CertificateRequest', null],
    ['DnsNameList', info.certificateDomains],
    ['EnhancedKeyUsageList', info.enhancedKeyUsageList],
    ['Extensions', info.extensions.map((e) => e.oid)],
    ['FriendlyName', record.friendlyName],
    ['Identity', `${store.serverName}\\${info.thumbprint}`],
    ['IISServices', []],
    ['IssuerName', info.issuer],
    ['KeyIdentifier', info.subjectKeyIdentifier ?? null],
    ['PrivateKeyExportable', record.privateKeyExportable],
    ['PublicKey', info.publicKeyPem.trim()],
    ['RawData', info.der],
    ['SendAsTrustedIssuer', false],
    ['ServicesStringForm', servicesStringForm(record.services)],
    ['SignatureAlgorithm', info.signatureAlgorithm],
    ['SubjectKeyIdentifier', info.subjectKeyIdentifier ?? null],
    ['SubjectName', info.subject],
    ['Version', info.version],
    ['StatusReason', state.reason],
  ]);
}

/** A pending request as Get-ExchangeCertificate lists it (Status PendingRequest). */
export function pendingRequestObject(store: CertificateStore, request: PendingRequestRecord, keys: KeyStore): PSObject {
  const parsed = parseCertificateRequest(request.requestPem);
  return object([
    ['AccessRules', keyAccessRules(keys, request.keyId)],
    ['CertificateDomains', request.domainNames],
    ['HasPrivateKey', true],
    ['IsSelfSigned', false],
    ['Issuer', parsed.subject],
    ['NotAfter', null],
    ['NotBefore', null],
    ['PublicKeySize', parsed.publicKeySize],
    ['RootCAType', 'Unknown'],
    ['SerialNumber', null],
    ['Services', AllowedServicesEnum.value(0)],
    ['Status', 'PendingRequest'],
    ['Subject', parsed.subject],
    ['Thumbprint', request.id],
    ['Archived', false],
    ['CertificateRequest', request.requestPem.trim()],
    ['DnsNameList', request.domainNames],
    ['FriendlyName', request.friendlyName],
    ['Identity', `${store.serverName}\\${request.id}`],
    ['PrivateKeyExportable', request.privateKeyExportable],
    ['ServicesStringForm', servicesStringForm(0)],
    ['SignatureAlgorithm', parsed.signatureAlgorithm],
    ['SubjectName', parsed.subject],
  ]);
}
