// A server's certificate store: the ExchangeCertificate cmdlets' storage (Get/Import/Enable/Remove-
// ExchangeCertificate, New-ExchangeCertificate -GenerateRequest), the trusted roots and CRLs used by
// chain validation, and lab CA state. The PKI layer parses certificates; this class only keeps
// records, binds keys to certificates, and enforces Exchange's store rules. Every change is one
// locked transaction; private keys of removed certificates are deleted once the change is committed.
import type { EmshState } from './emsh-state.ts';
import type { ServerContext } from './server-context.ts';
import {
  certificateStoreSpec,
  normalizeThumbprint,
  pemThumbprint,
  SERVICES,
  sameThumbprint,
} from './certificate-records.ts';
import type {
  CertificateRecord,
  CertificateStatus,
  CertificateStoreDocument,
  CrlRecord,
  PendingRequestRecord,
  RootCaType,
  TrustedRootRecord,
} from './certificate-records.ts';
import { listServers } from './servers.ts';
import { invalidOperation, StoreError } from './store-error.ts';

export interface ImportCertificateInput {
  certificatePem: string;
  chainPems?: string[];
  /** The certificate's public key fingerprint: completes the pending request with the same key. */
  publicKeyFingerprint?: string;
  /** A key already saved in the key store (a PFX import); otherwise the pending request's key is bound. */
  keyId?: string;
  /** Default: the request's flag, else the key's. Imports from a PFX pass false, as Exchange does. */
  privateKeyExportable?: boolean;
  friendlyName?: string;
  certificateDomains?: string[];
  services?: number;
}

export interface ImportCertificateResult {
  certificate: CertificateRecord;
  /** The pending request this certificate completed (now removed). */
  completedRequest?: PendingRequestRecord;
}

/** A pending request as the caller gives it: the store adds its id (the request's SHA-1) and creation time. */
export type NewRequestInput = Omit<PendingRequestRecord, 'id' | 'createdAt'>;

export interface EnableServicesResult {
  certificate: CertificateRecord;
  /** The default SMTP certificate before this call (for the overwrite prompt's text). */
  previousDefaultSmtp?: CertificateRecord;
  /** Whether this certificate is now the default SMTP certificate. */
  isDefaultSmtp: boolean;
}

export class CertificateStore {
  readonly #state: EmshState;
  readonly serverName: string;

  constructor(state: EmshState, serverName: string) {
    this.#state = state;
    this.serverName = serverName;
  }

  /** The store of the context server (certificate cmdlets run on the server itself). */
  static of(ctx: ServerContext): CertificateStore {
    return new CertificateStore(ctx.state, ctx.serverName);
  }

  // ---- LocalMachine\My -------------------------------------------------------------------------

  list(): CertificateRecord[] {
    return this.#read().my;
  }

  /** By thumbprint: case-insensitive, spaces ignored. */
  find(thumbprint: string): CertificateRecord | undefined {
    return this.list().find((c) => sameThumbprint(c.thumbprint, thumbprint));
  }

  /** Like find, but throws `The certificate with thumbprint {0} was not found.` */
  get(thumbprint: string): CertificateRecord {
    const found = this.find(thumbprint);
    if (!found) throw certificateNotFound(thumbprint);
    return found;
  }

  /** Certificates naming `domain` (exactly, or through a `*.` wildcard one label up), in store order. */
  findByDomain(domain: string): CertificateRecord[] {
    const wanted = domain.trim().toLowerCase();
    return this.list().filter((c) => c.certificateDomains.some((name) => certificateNameMatches(name.toLowerCase(), wanted)));
  }

  importCertificate(input: ImportCertificateInput): ImportCertificateResult {
    const thumbprint = pemThumbprint(input.certificatePem);
    let orphanKey: string | undefined;
    const result = this.#update((doc) => {
      if (doc.my.some((c) => c.thumbprint === thumbprint)) {
        throw new StoreError(`Cannot import certificate. A certificate with the thumbprint ${thumbprint} already exists.`, 'ImportCertificateAlreadyExists', 'ResourceExists', {
          targetObject: thumbprint,
        });
      }
      const fingerprint = input.publicKeyFingerprint?.toLowerCase();
      const request = fingerprint ? doc.requests.find((r) => r.publicKeyFingerprint.toLowerCase() === fingerprint) : undefined;
      if (input.keyId !== undefined) this.#state.keys.keyMetadata(input.keyId); // throws PrivateKeyNotFound
      const keyId = input.keyId ?? request?.keyId;
      const certificate: CertificateRecord = {
        thumbprint,
        certificatePem: input.certificatePem.trim() + '\n',
        ...(input.chainPems?.length ? { chainPems: input.chainPems } : {}),
        ...(keyId ? { keyId } : {}),
        privateKeyExportable:
          input.privateKeyExportable ?? (input.keyId ? this.#state.keys.keyMetadata(input.keyId).exportable : (request?.privateKeyExportable ?? false)),
        friendlyName: input.friendlyName ?? request?.friendlyName ?? '',
        services: input.services ?? SERVICES.None,
        certificateDomains: input.certificateDomains ?? request?.domainNames ?? [],
        addedAt: new Date().toISOString(),
      };
      if (request && request.keyId !== keyId) orphanKey = request.keyId;
      doc.my.push(certificate);
      if (request) doc.requests = doc.requests.filter((r) => r.id !== request.id);
      return { certificate, ...(request ? { completedRequest: request } : {}) };
    });
    if (orphanKey) this.#deleteKeyIfUnused(orphanKey);
    return result;
  }

  /**
   * Enable-ExchangeCertificate -Services: services are added, never removed. With SMTP the
   * certificate becomes the default SMTP certificate when there is none, or when `makeDefaultSmtp`
   * (the user confirmed the overwrite prompt, or -Force) is true (the default).
   */
  enableServices(thumbprint: string, services: number, options: { makeDefaultSmtp?: boolean } = {}): EnableServicesResult {
    return this.#update((doc) => {
      const certificate = doc.my.find((c) => sameThumbprint(c.thumbprint, thumbprint));
      if (!certificate) throw certificateNotFound(thumbprint);
      if (services !== SERVICES.None && !certificate.keyId) {
        throw invalidOperation(
          `The certificate with thumbprint ${certificate.thumbprint} was found but is not valid for use with Exchange Server (reason: PrivateKeyMissing).`,
          'CertificateNotValidForExchange',
          certificate.thumbprint,
        );
      }
      certificate.services |= services;
      const previous = doc.my.find((c) => c.thumbprint === doc.defaultSmtpThumbprint);
      let isDefaultSmtp = previous?.thumbprint === certificate.thumbprint;
      if ((services & SERVICES.SMTP) !== 0 && (!previous || (options.makeDefaultSmtp ?? true))) {
        doc.defaultSmtpThumbprint = certificate.thumbprint;
        isDefaultSmtp = true;
      }
      return { certificate, ...(previous ? { previousDefaultSmtp: previous } : {}), isDefaultSmtp };
    });
  }

  getDefaultSmtpCertificate(): CertificateRecord | undefined {
    const doc = this.#read();
    return doc.my.find((c) => c.thumbprint === doc.defaultSmtpThumbprint);
  }

  setFriendlyName(thumbprint: string, friendlyName: string): CertificateRecord {
    return this.#change(thumbprint, (c) => (c.friendlyName = friendlyName));
  }

  /** Forces a status (lab scenarios such as a revoked partner certificate); undefined clears it. */
  setStatusOverride(thumbprint: string, status: CertificateStatus | undefined): CertificateRecord {
    return this.#change(thumbprint, (c) => {
      if (status) c.statusOverride = status;
      else delete c.statusOverride;
    });
  }

  /** Remove-ExchangeCertificate; the default SMTP certificate can't be removed (Exchange's rule). */
  removeCertificate(thumbprint: string): CertificateRecord {
    const removed = this.#update((doc) => {
      const certificate = doc.my.find((c) => sameThumbprint(c.thumbprint, thumbprint));
      if (!certificate) throw certificateNotFound(thumbprint);
      if (certificate.thumbprint === doc.defaultSmtpThumbprint) {
        throw invalidOperation(
          'The internal transport certificate cannot be removed because that would cause the Microsoft Exchange Transport service to stop. ' +
            'To replace the internal transport certificate, create a new certificate. The new certificate will automatically become the ' +
            'internal transport certificate. You can then remove the existing certificate.',
          'CannotRemoveInternalTransportCertificate',
          certificate.thumbprint,
        );
      }
      doc.my = doc.my.filter((c) => c !== certificate);
      return certificate;
    });
    if (removed.keyId) this.#deleteKeyIfUnused(removed.keyId);
    return removed;
  }

  // ---- pending requests -------------------------------------------------------------------------

  addRequest(input: NewRequestInput): PendingRequestRecord {
    const id = pemThumbprint(input.requestPem, ['NEW CERTIFICATE REQUEST', 'CERTIFICATE REQUEST']);
    this.#state.keys.keyMetadata(input.keyId);
    return this.#update((doc) => {
      if (doc.requests.some((r) => r.id === id)) {
        throw new StoreError(`A pending request with thumbprint ${id} already exists.`, 'PendingRequestAlreadyExists', 'ResourceExists', { targetObject: id });
      }
      const request: PendingRequestRecord = { id, ...input, requestPem: input.requestPem.trim() + '\n', createdAt: new Date().toISOString() };
      doc.requests.push(request);
      return request;
    });
  }

  listRequests(): PendingRequestRecord[] {
    return this.#read().requests;
  }

  findRequest(id: string): PendingRequestRecord | undefined {
    return this.listRequests().find((r) => sameThumbprint(r.id, id));
  }

  findRequestByPublicKey(publicKeyFingerprint: string): PendingRequestRecord | undefined {
    const wanted = publicKeyFingerprint.toLowerCase();
    return this.listRequests().find((r) => r.publicKeyFingerprint.toLowerCase() === wanted);
  }

  /** Removes a pending request and (unless something else uses it) its key. */
  removeRequest(id: string): PendingRequestRecord {
    const removed = this.#update((doc) => {
      const request = doc.requests.find((r) => sameThumbprint(r.id, id));
      if (!request) throw certificateNotFound(id);
      doc.requests = doc.requests.filter((r) => r !== request);
      return request;
    });
    this.#deleteKeyIfUnused(removed.keyId);
    return removed;
  }

  // ---- LocalMachine\Root --------------------------------------------------------------------------

  addTrustedRoot(certificatePem: string, rootCaType: RootCaType = 'ThirdParty'): TrustedRootRecord {
    const thumbprint = pemThumbprint(certificatePem);
    return this.#update((doc) => {
      const existing = doc.root.find((r) => r.thumbprint === thumbprint);
      if (existing) return existing;
      const record: TrustedRootRecord = { thumbprint, certificatePem: certificatePem.trim() + '\n', rootCaType, addedAt: new Date().toISOString() };
      doc.root.push(record);
      return record;
    });
  }

  listTrustedRoots(): TrustedRootRecord[] {
    return this.#read().root;
  }

  findTrustedRoot(thumbprint: string): TrustedRootRecord | undefined {
    return this.listTrustedRoots().find((r) => sameThumbprint(r.thumbprint, thumbprint));
  }

  removeTrustedRoot(thumbprint: string): TrustedRootRecord {
    return this.#update((doc) => {
      const record = doc.root.find((r) => sameThumbprint(r.thumbprint, thumbprint));
      if (!record) throw certificateNotFound(thumbprint);
      doc.root = doc.root.filter((r) => r !== record);
      return record;
    });
  }

  // ---- CRLs ---------------------------------------------------------------------------------------

  /** Imports a CRL, replacing the one of the same issuer (issuer compared case-insensitively). */
  importCrl(input: { issuer: string; crlPem: string; thisUpdate?: string; nextUpdate?: string }): CrlRecord {
    return this.#update((doc) => {
      const record: CrlRecord = { ...input, crlPem: input.crlPem.trim() + '\n', addedAt: new Date().toISOString() };
      doc.crls = [...doc.crls.filter((c) => c.issuer.toLowerCase() !== input.issuer.toLowerCase()), record];
      return record;
    });
  }

  listCrls(): CrlRecord[] {
    return this.#read().crls;
  }

  findCrl(issuer: string): CrlRecord | undefined {
    return this.listCrls().find((c) => c.issuer.toLowerCase() === issuer.toLowerCase());
  }

  // ---- lab certificate authorities -----------------------------------------------------------------

  /** Saves a lab CA's plain state (JSON data; its private key only as a key id). */
  saveLabCa(name: string, state: unknown): void {
    this.#update((doc) => {
      doc.labCertificateAuthorities[name.toLowerCase()] = structuredClone(state);
    });
  }

  loadLabCa(name: string): unknown {
    return this.#read().labCertificateAuthorities[name.toLowerCase()];
  }

  listLabCas(): string[] {
    return Object.keys(this.#read().labCertificateAuthorities);
  }

  // ---- plumbing -------------------------------------------------------------------------------------

  #spec() {
    return certificateStoreSpec(this.serverName);
  }

  #read(): CertificateStoreDocument {
    return this.#state.documents.read(this.#spec());
  }

  /** Locked read-modify-write: `change` edits the document in place and returns a result. */
  #update<R>(change: (doc: CertificateStoreDocument) => R): R {
    return this.#state.documents.transaction((tx) => {
      const doc = tx.read(this.#spec());
      const result = change(doc);
      tx.write(this.#spec(), doc);
      return structuredClone(result);
    });
  }

  #change(thumbprint: string, edit: (certificate: CertificateRecord) => void): CertificateRecord {
    return this.#update((doc) => {
      const certificate = doc.my.find((c) => sameThumbprint(c.thumbprint, thumbprint));
      if (!certificate) throw certificateNotFound(thumbprint);
      edit(certificate);
      return certificate;
    });
  }

  /** Deletes a key no certificate or request of any server of the root refers to any more. */
  #deleteKeyIfUnused(keyId: string): void {
    const { documents, keys } = this.#state;
    const servers = new Set([this.serverName, ...listServers(documents).map((s) => s.Name)]);
    const used = [...servers].some((server) => {
      const doc = documents.read(certificateStoreSpec(server));
      return doc.my.some((c) => c.keyId === keyId) || doc.requests.some((r) => r.keyId === keyId);
    });
    if (!used) keys.deleteKey(keyId);
  }
}

/** `The certificate with thumbprint {0} was not found.` (CertificateNotFound, ObjectNotFound) */
export function certificateNotFound(thumbprint: string): StoreError {
  return new StoreError(`The certificate with thumbprint ${normalizeThumbprint(thumbprint)} was not found.`, 'CertificateNotFound', 'ObjectNotFound', {
    targetObject: thumbprint,
  });
}

/** A certificate name covers `domain` when equal, or `*.parent` with `domain` one label below parent. */
function certificateNameMatches(name: string, domain: string): boolean {
  if (name === domain) return true;
  if (!name.startsWith('*.')) return false;
  const dot = domain.indexOf('.');
  return dot > 0 && domain.slice(dot + 1) === name.slice(2);
}
