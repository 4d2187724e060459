// Building a certification path from a certificate up to a trust anchor: issuers are found by
// name (and key identifier when present) and accepted only when their key verifies the signature.
import { parseDer } from './asn1.ts';
import type { CertificateInfo } from './certificate-info.ts';
import { toPublicKey } from './rsa-keys.ts';
import { signatureParts, verifySignature } from './signing.ts';

export type PathOutcome =
  /** The last certificate of `path` is a trust anchor. */
  | { kind: 'trusted'; path: CertificateInfo[] }
  /** The path ends in a self-signed certificate that is not trusted. */
  | { kind: 'untrusted-root'; path: CertificateInfo[] }
  /** No issuer certificate was found for the last certificate of `path`. */
  | { kind: 'issuer-missing'; path: CertificateInfo[] }
  /** A certificate named as issuer exists but its key does not verify the signature. */
  | { kind: 'bad-signature'; path: CertificateInfo[]; issuer: CertificateInfo };

const maximumDepth = 10;

export function signedBy(certificate: CertificateInfo, issuer: CertificateInfo): boolean {
  try {
    return verifySignature(signatureParts(certificate.der, parseDer(certificate.der)), toPublicKey(issuer.publicKeyPem));
  } catch {
    return false;
  }
}

function validAt(certificate: CertificateInfo, at: Date): boolean {
  return certificate.notBefore.getTime() <= at.getTime() && at.getTime() <= certificate.notAfter.getTime();
}

export function buildPath(leaf: CertificateInfo, pool: CertificateInfo[], trusted: Set<string>, at: Date): PathOutcome {
  const path = [leaf];
  let current = leaf;
  for (let depth = 0; depth < maximumDepth; depth++) {
    if (trusted.has(current.thumbprint)) return { kind: 'trusted', path };
    const named = pool.filter((c) => c.subjectNameDer.equals(current.issuerNameDer) && c.thumbprint !== current.thumbprint);
    const keyed = current.authorityKeyIdentifier
      ? named.filter((c) => !c.subjectKeyIdentifier || c.subjectKeyIdentifier === current.authorityKeyIdentifier)
      : named;
    const verified = keyed.filter((c) => signedBy(current, c));
    if (verified.length === 0) {
      if (current.isSelfSigned) return { kind: 'untrusted-root', path };
      if (named[0]) return { kind: 'bad-signature', path, issuer: named[0] };
      return { kind: 'issuer-missing', path };
    }
    const rank = (c: CertificateInfo) => (trusted.has(c.thumbprint) ? 0 : 2) + (validAt(c, at) ? 0 : 1);
    const issuer = [...verified].sort((a, b) => rank(a) - rank(b))[0]!;
    if (path.some((c) => c.thumbprint === issuer.thumbprint)) return { kind: 'issuer-missing', path };
    path.push(issuer);
    current = issuer;
  }
  return { kind: 'issuer-missing', path };
}
