// What a server's certificate store keeps (servers/<server>/certificates.json): certificates of
// LocalMachine\My with the id of their private key (never the key), pending certificate requests,
// the trusted roots of LocalMachine\Root, imported CRLs, the default SMTP certificate, and the
// state of lab certificate authorities. Everything is PEM text and plain data; parsing belongs to
// the PKI layer, which hands the store what it read (domains, public key fingerprint, issuer).
import { createHash } from 'node:crypto';
import type { DocumentSpec } from './documents.ts';
import { serverFolderName } from './state-root.ts';
import { invalidValue } from './store-error.ts';

/** Exchange 2007's AllowedServices flags. */
export const SERVICES = { None: 0, IMAP: 1, POP: 2, UM: 4, IIS: 8, SMTP: 16 } as const;
export type ServiceName = keyof typeof SERVICES;

export const CERTIFICATE_STATUSES = ['Unknown', 'Valid', 'Revoked', 'DateInvalid', 'Untrusted', 'Invalid', 'RevocationCheckFailure', 'PendingRequest'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** The physical root store a trusted root sits in, which Exchange reports as RootCAType. */
export const ROOT_CA_TYPES = ['ThirdParty', 'Enterprise', 'Registry', 'GroupPolicy'] as const;
export type RootCaType = (typeof ROOT_CA_TYPES)[number];

export interface CertificateRecord {
  /** SHA-1 of the DER certificate, 40 upper-case hex digits (computed by the store). */
  thumbprint: string;
  certificatePem: string;
  /** Intermediate certificates (issuer first), PEM. */
  chainPems?: string[];
  /** The private key in the key store, when the certificate has one. */
  keyId?: string;
  privateKeyExportable: boolean;
  friendlyName: string;
  /** AllowedServices flags (SERVICES). */
  services: number;
  /** Subject CN and SAN DNS names as the PKI layer read them (CertificateDomains), for -DomainName queries. */
  certificateDomains: string[];
  /** A status the lab forces (e.g. Revoked) instead of the computed one. */
  statusOverride?: CertificateStatus;
  addedAt: string;
}

export interface PendingRequestRecord {
  /** SHA-1 of the DER request, 40 upper-case hex (shown as the pending request's Thumbprint). */
  id: string;
  subject: string;
  domainNames: string[];
  friendlyName: string;
  keyId: string;
  privateKeyExportable: boolean;
  /** The PKCS#10 request, PEM. */
  requestPem: string;
  /** Fingerprint of the public key (any stable text the PKI layer chooses, compared case-insensitively). */
  publicKeyFingerprint: string;
  createdAt: string;
}

export interface TrustedRootRecord {
  thumbprint: string;
  certificatePem: string;
  rootCaType: RootCaType;
  addedAt: string;
}

export interface CrlRecord {
  /** The issuer's distinguished name as the PKI layer writes it; one CRL per issuer. */
  issuer: string;
  crlPem: string;
  thisUpdate?: string;
  nextUpdate?: string;
  addedAt: string;
}

export interface CertificateStoreDocument {
  schemaVersion: number;
  my: CertificateRecord[];
  root: TrustedRootRecord[];
  requests: PendingRequestRecord[];
  crls: CrlRecord[];
  /** The certificate Enable-ExchangeCertificate -Services SMTP made the default (internal transport) one. */
  defaultSmtpThumbprint: string | null;
  /** Lab certificate authorities by name: plain state from the PKI layer (keys only by key id). */
  labCertificateAuthorities: Record<string, unknown>;
}

export function certificateStoreSpec(serverName: string): DocumentSpec<CertificateStoreDocument> {
  return {
    name: `servers/${serverFolderName(serverName)}/certificates`,
    schemaVersion: 1,
    create: emptyStore,
    upgrade: (raw) => ({ ...emptyStore(), ...(raw as Partial<CertificateStoreDocument>), schemaVersion: 1 }),
  };
}

function emptyStore(): CertificateStoreDocument {
  return { schemaVersion: 1, my: [], root: [], requests: [], crls: [], defaultSmtpThumbprint: null, labCertificateAuthorities: {} };
}

/** Upper-case hex without spaces (Exchange accepts thumbprints "optionally separated by spaces"). */
export function normalizeThumbprint(text: string): string {
  return text.replace(/[\s:]/g, '').toUpperCase();
}

export function sameThumbprint(a: string, b: string): boolean {
  return normalizeThumbprint(a) === normalizeThumbprint(b);
}

/** SHA-1 of the first PEM block with this label (`CERTIFICATE`, `NEW CERTIFICATE REQUEST`, ...). */
export function pemThumbprint(pem: string, labels: readonly string[] = ['CERTIFICATE']): string {
  for (const label of labels) {
    const match = new RegExp(`-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]+)-----END ${label}-----`).exec(pem);
    if (match) {
      const der = Buffer.from(match[1]!.replace(/\s/g, ''), 'base64');
      if (der.length > 0) return createHash('sha1').update(der).digest('hex').toUpperCase();
    }
  }
  throw invalidValue('The source data is corrupted or not properly Base64 encoded.', 'ImportCertificateBase64DataInvalid', labels[0]);
}

/** `None`, `SMTP`, `IMAP, POP, SMTP` as Exchange prints AllowedServices. */
export function servicesToString(services: number): string {
  const names = (Object.keys(SERVICES) as ServiceName[]).filter((name) => name !== 'None' && (services & SERVICES[name]) !== 0);
  return names.length ? names.join(', ') : 'None';
}

/** Flags from `SMTP`, `'IMAP, POP'`, `['IIS', 'SMTP']` or a number. */
export function parseServices(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 31) return value;
  const parts = (Array.isArray(value) ? value : [value]).flatMap((item) => (typeof item === 'string' ? item.split(',') : [item]));
  let flags = 0;
  for (const part of parts) {
    const name = (Object.keys(SERVICES) as ServiceName[]).find((n) => typeof part === 'string' && n.toLowerCase() === part.trim().toLowerCase());
    if (!name) {
      throw invalidValue(
        `"${String(part)}" isn't a service a certificate can be enabled for; use None, IMAP, POP, UM, IIS or SMTP.`,
        'InvalidAllowedServices',
        value,
      );
    }
    flags |= SERVICES[name];
  }
  return flags;
}
