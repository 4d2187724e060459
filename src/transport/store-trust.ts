// The trust material storePeerValidator (config-from-store.ts) validates against: a server's
// trusted roots and CRLs as the certificate store holds them now, and the span of time over which a
// successful verdict reached with them cannot change.
import { parseCertificate, type CertificateInfo } from '../pki/certificate-info.ts';
import { parseCrl, type RevocationList } from '../pki/crl.ts';
import { certificateStoreSpec } from '../store/certificate-records.ts';
import type { EmshState } from '../store/emsh-state.ts';
import { fingerprintOf, type VerdictWindow } from './verdict-cache.ts';

export interface StoreTrust {
  /** Changes whenever a root or CRL is added, replaced or removed. */
  fingerprint: string;
  roots: CertificateInfo[];
  crls: RevocationList[];
}

/**
 * Checks the store on every call, since another process (the shell) may import a CRL or remove a
 * root at any time: DocumentStore.readShared costs a stat while the document is unchanged and gives
 * a new object once it changed. Roots and CRLs are parsed again only when their texts change.
 */
export function storeTrustReader(state: EmshState, serverName: string): () => StoreTrust {
  const spec = certificateStoreSpec(serverName);
  let version: object | undefined;
  let last: StoreTrust | undefined;
  return () => {
    const document = state.documents.readShared(spec);
    if (last && document === version) return last;
    version = document;
    const rootPems = document.root.map((record) => record.certificatePem);
    const crlPems = document.crls.map((record) => record.crlPem);
    const fingerprint = fingerprintOf([String(rootPems.length), ...rootPems, ...crlPems]);
    if (last?.fingerprint !== fingerprint) {
      last = { fingerprint, roots: rootPems.map((pem) => parseCertificate(pem)), crls: crlPems.map((pem) => parseCrl(pem)) };
    }
    return last;
  };
}

/**
 * The window around `at` in which validateCertificate must give the same answer for these inputs:
 * no certificate that could join the path becomes valid or expires, and no CRL of an issuer on the
 * path is published, goes stale or starts a revocation. A verdict reached with an applicable CRL
 * past its next update is not reusable at all.
 */
export function verdictWindow(at: number, pool: readonly CertificateInfo[], path: readonly CertificateInfo[], crls: readonly RevocationList[]): VerdictWindow {
  const issuers = path.slice(1).map((certificate) => certificate.subjectNameDer);
  const applicable = crls.filter((crl) => issuers.some((name) => crl.issuerNameDer.equals(name)));
  // Each instant from which the answer may differ: validity is inclusive of notAfter, a CRL is
  // current up to and including its next update, a revocation counts from its date.
  const changes: number[] = [];
  for (const certificate of pool) changes.push(certificate.notBefore.getTime(), certificate.notAfter.getTime() + 1);
  for (const crl of applicable) {
    changes.push(crl.thisUpdate.getTime());
    for (const entry of crl.revoked) changes.push(entry.revocationDate.getTime());
  }
  const window: VerdictWindow = { from: -Infinity, until: Infinity };
  for (const change of changes) {
    if (change <= at) window.from = Math.max(window.from, change);
    else window.until = Math.min(window.until, change - 1);
  }
  for (const crl of applicable) if (crl.nextUpdate) window.until = Math.min(window.until, crl.nextUpdate.getTime());
  return window;
}
