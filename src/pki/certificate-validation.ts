// validateCertificate: Exchange's certificate Status for a certificate at a given time, from a real
// path to a trusted root, forge's structural chain checks, validity dates and CRL revocation.
// Precedence follows Windows' base chain policy: a bad signature or malformed chain (Invalid), then
// an untrusted root (Untrusted), then dates (DateInvalid), then revocation (Revoked), then missing
// or stale revocation information (RevocationCheckFailure).
import { buildPath } from './chain-building.ts';
import { type CertificateInput, type CertificateInfo, toCertificateInfo } from './certificate-info.ts';
import type { CertificateStatus } from './certificate-status.ts';
import { type CrlInput, toRevocationList } from './crl.ts';
import { forgeChainCheck } from './forge-chain-check.ts';
import { checkRevocation } from './revocation-check.ts';

export interface ValidationOptions {
  /** Certificates that may complete the path (a peer's chain, the store's intermediate CAs). */
  intermediates?: CertificateInput[];
  /** Trust anchors (the Trusted Root Certification Authorities). */
  trustedRoots?: CertificateInput[];
  crls?: CrlInput[];
  /** The time to validate at; default now. */
  at?: Date;
  /** Require a current CRL for every certificate below the trust anchor (default false). */
  checkRevocation?: boolean;
  /** Treat a self-signed certificate that is not a trusted root as Valid (Exchange's own self-signed certificates). */
  allowUntrustedSelfSigned?: boolean;
}

export interface ValidationResult {
  status: Exclude<CertificateStatus, 'PendingRequest' | 'Unknown'>;
  /** A sentence naming the certificate and the problem; says what was checked when Valid. */
  reason: string;
  /** The path found, from the certificate towards the root. */
  chain: CertificateInfo[];
  /** Whether the path ends at one of trustedRoots. */
  trusted: boolean;
}

function named(certificate: CertificateInfo): string {
  return `"${certificate.subject}" (thumbprint ${certificate.thumbprint})`;
}

function dateProblem(certificate: CertificateInfo, at: Date): string | undefined {
  if (at.getTime() < certificate.notBefore.getTime()) {
    return `The certificate ${named(certificate)} is not valid until ${certificate.notBefore.toISOString()}.`;
  }
  if (at.getTime() > certificate.notAfter.getTime()) {
    return `The certificate ${named(certificate)} expired on ${certificate.notAfter.toISOString()}.`;
  }
  return undefined;
}

function unique(certificates: CertificateInfo[]): CertificateInfo[] {
  const seen = new Set<string>();
  return certificates.filter((c) => !seen.has(c.thumbprint) && !!seen.add(c.thumbprint));
}

export function validateCertificate(input: CertificateInput, options: ValidationOptions = {}): ValidationResult {
  const at = options.at ?? new Date();
  const leaf = toCertificateInfo(input);
  const roots = (options.trustedRoots ?? []).map(toCertificateInfo);
  const pool = unique([...(options.intermediates ?? []).map(toCertificateInfo), ...roots]);
  const trustedThumbprints = new Set(roots.map((c) => c.thumbprint));
  const crls = (options.crls ?? []).map(toRevocationList);

  const outcome = buildPath(leaf, pool, trustedThumbprints, at);
  const chain = outcome.path;
  const result = (status: ValidationResult['status'], reason: string): ValidationResult => ({
    status,
    reason,
    chain,
    trusted: outcome.kind === 'trusted',
  });

  if (outcome.kind === 'bad-signature') {
    const last = chain[chain.length - 1]!;
    return result('Invalid', `The signature of ${named(last)} does not verify with the key of its issuer "${outcome.issuer.subject}".`);
  }
  if (outcome.kind === 'issuer-missing') {
    const last = chain[chain.length - 1]!;
    return result('Untrusted', `No certificate of the issuer "${last.issuer}" of ${named(last)} was found, so the chain does not reach a trusted root. Import the issuing CA certificates.`);
  }
  if (outcome.kind === 'untrusted-root') {
    const root = chain[chain.length - 1]!;
    const selfSignedLeaf = chain.length === 1;
    if (selfSignedLeaf && options.allowUntrustedSelfSigned) {
      const problem = dateProblem(leaf, at);
      return problem ? result('DateInvalid', problem) : result('Valid', `The certificate ${named(leaf)} is self-signed and within its validity period.`);
    }
    return result('Untrusted', `The certificate chain ends in the root ${named(root)}, which is not a trusted root certification authority.`);
  }

  const structure = forgeChainCheck(chain);
  if (!structure.ok) return result('Invalid', structure.reason);

  for (const certificate of chain) {
    const problem = dateProblem(certificate, at);
    if (problem) return result('DateInvalid', problem);
  }

  let revocationProblem: string | undefined;
  for (let index = 0; index < chain.length - 1; index++) {
    const revocation = checkRevocation(chain[index]!, chain[index + 1]!, crls, at);
    if (revocation.kind === 'revoked') return result('Revoked', revocation.reason);
    if (revocation.kind === 'unknown' && options.checkRevocation) revocationProblem ??= revocation.reason;
  }
  if (revocationProblem) return result('RevocationCheckFailure', revocationProblem);

  const dates = options.checkRevocation ? ', is within its validity period and is not revoked' : ' and is within its validity period';
  return result('Valid', `The certificate ${named(leaf)} chains to the trusted root "${chain[chain.length - 1]!.subject}"${dates}.`);
}
