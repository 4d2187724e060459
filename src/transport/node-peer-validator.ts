// The default PeerValidator, built on node:crypto's X509Certificate: the name rule first (as
// Exchange does), then a path from the peer's leaf through the certificates it sent to one of the
// trusted CA certificates, validity dates, and revocation from the configured CRLs.
// (The service started from the store uses storePeerValidator in config-from-store.ts instead.)
import { X509Certificate } from 'node:crypto';
import { summarizeX509, windowsNameFromText } from '../pki/certificate-summary.ts';
import { crlSignedByKey, parseCrl, type RevocationList } from '../pki/crl.ts';
import { normalizeSerialNumber } from '../pki/serial-numbers.ts';
import { certificateMatchesDomain } from './cert-name-match.ts';
import { chainForLeaf, presentedCertificates } from './presented-certificates.ts';
import type { PeerCertificateStatus, PeerValidationResult, PeerValidator } from './transport-settings.ts';
import { BoundedCache, fingerprintOf, ValidVerdictCache, type VerdictWindow } from './verdict-cache.ts';

export interface NodePeerValidatorOptions {
  /** PEM text of trusted root (or anchor) certificates; several may be concatenated. */
  trustedCaPems: string[];
  /** PEM CRLs, re-read on every validation when given as a function. */
  crlPems?: string[] | (() => string[]);
  /** Fail with RevocationCheckFailure when no CRL covers a certificate (default false). */
  requireRevocationInformation?: boolean;
  now?: () => Date;
}

export const statusDescriptions: Record<PeerCertificateStatus, string> = {
  Valid: 'The certificate is valid for Exchange Server usage.',
  Untrusted: 'The certificate is issued by an untrusted root Certification Authority.',
  DateInvalid: 'The certificate is expired.',
  Revoked: 'The certificate has been revoked by its issuer.',
  RevocationCheckFailure: 'The certificate status could not be determined because the revocation check failed.',
  NameMismatch: 'The certificate does not contain the domain name.',
  EmptyCertificate: 'No certificate was presented.',
  Invalid: 'The certificate is invalid for Exchange Server usage.',
};

/** A parsed CRL with its revoked serials (normalised) ready for lookups on every handshake. */
interface CachedCrl {
  list: RevocationList;
  revokedSerials: Set<string>;
}

function result(status: PeerCertificateStatus, detail?: string): PeerValidationResult {
  return { ok: status === 'Valid', status, detail: detail ?? statusDescriptions[status] };
}

export function splitPemCertificates(pem: string): string[] {
  return pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

function issuedBy(subject: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return subject.checkIssued(issuer) && subject.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

function withinValidity(certificate: X509Certificate, now: Date): boolean {
  const from = Date.parse(certificate.validFrom);
  const to = Date.parse(certificate.validTo);
  return now.getTime() >= from && now.getTime() <= to;
}

export function createNodePeerValidator(options: NodePeerValidatorOptions): PeerValidator {
  const anchors = options.trustedCaPems.flatMap(splitPemCertificates).map((pem) => new X509Certificate(pem));
  // Parsing a certificate costs ~0.2 ms; partners present the same few certificates again and again.
  const parsed = new BoundedCache<X509Certificate>();
  const crlCache = new BoundedCache<CachedCrl>();
  const verdicts = new ValidVerdictCache();
  const currentCrls = (): { pems: string[]; crls: CachedCrl[] } => {
    const pems = typeof options.crlPems === 'function' ? options.crlPems() : (options.crlPems ?? []);
    const crls = pems.map((pem) =>
      crlCache.getOrCreate(pem, () => {
        const list = parseCrl(pem);
        return { list, revokedSerials: new Set(list.revoked.map((entry) => normalizeSerialNumber(entry.serialNumber))) };
      }),
    );
    return { pems, crls };
  };

  return (peer, expectedDomain): PeerValidationResult => {
    const now = options.now?.() ?? new Date();
    const presented = presentedCertificates(peer);
    if (!presented.leaf) return result('EmptyCertificate');
    const { pems, crls } = currentCrls();
    // The anchors are fixed for this validator; the CRL texts are the trust material that can change.
    const verdictKey = ValidVerdictCache.key(expectedDomain, presented.leaf, fingerprintOf(pems));
    if (verdicts.find(verdictKey, now.getTime())) return result('Valid');
    let chain: X509Certificate[];
    try {
      chain = chainForLeaf(presented.leaf, presented).map((der) => parsed.getOrCreate(der.toString('base64'), () => new X509Certificate(der)));
    } catch (error) {
      return result('Invalid', `The certificate could not be parsed: ${(error as Error).message}`);
    }
    const leaf = summarizeX509(chain[0]!);
    const names = [...new Set([...leaf.dnsNames, ...(leaf.commonName ? [leaf.commonName] : [])])];
    if (!certificateMatchesDomain(names, expectedDomain)) {
      return result('NameMismatch', `The certificate names (${names.join(', ')}) do not match the domain ${expectedDomain}.`);
    }

    // Path: leaf, then intermediates the peer sent, up to a trusted anchor.
    const path: X509Certificate[] = [chain[0]!];
    let anchor: X509Certificate | undefined;
    for (let depth = 0; depth < 10 && anchor === undefined; depth++) {
      const current = path[path.length - 1]!;
      anchor = anchors.find((candidate) => candidate.fingerprint256 === current.fingerprint256 || issuedBy(current, candidate));
      if (anchor) break;
      const next = chain.find((candidate) => candidate.ca && !path.includes(candidate) && issuedBy(current, candidate));
      if (!next) break;
      path.push(next);
    }
    if (!anchor) return result('Untrusted');
    const verdict: VerdictWindow = { from: -Infinity, until: Infinity };
    for (const certificate of [...path, anchor]) {
      if (!withinValidity(certificate, now)) return result('DateInvalid', `${statusDescriptions.DateInvalid} (${windowsNameFromText(certificate.subject)} is valid from ${certificate.validFrom} to ${certificate.validTo})`);
      verdict.from = Math.max(verdict.from, Date.parse(certificate.validFrom));
      verdict.until = Math.min(verdict.until, Date.parse(certificate.validTo));
    }

    for (let index = 0; index < path.length; index++) {
      const certificate = path[index]!;
      if (certificate.fingerprint256 === anchor.fingerprint256) continue;
      const issuer = path[index + 1] ?? anchor;
      const crl = crls.find((candidate) => crlSignedByKey(candidate.list, issuer.publicKey));
      if (!crl) {
        if (options.requireRevocationInformation) return result('RevocationCheckFailure', `${statusDescriptions.RevocationCheckFailure} (no CRL from ${windowsNameFromText(issuer.subject)})`);
        continue;
      }
      const nextUpdate = crl.list.nextUpdate;
      if (nextUpdate && nextUpdate.getTime() < now.getTime()) {
        return result('RevocationCheckFailure', `${statusDescriptions.RevocationCheckFailure} (the CRL expired on ${nextUpdate.toISOString()})`);
      }
      if (crl.revokedSerials.has(normalizeSerialNumber(certificate.serialNumber))) return result('Revoked');
      if (nextUpdate) verdict.until = Math.min(verdict.until, nextUpdate.getTime());
    }
    verdicts.remember(verdictKey, verdict);
    return result('Valid');
  };
}
