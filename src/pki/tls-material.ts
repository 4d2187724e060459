// Glue to Node's TLS: the PEM strings tls.createSecureContext wants for a certificate, its key and
// its chain (the certificate first, then the intermediates up to but excluding a self-signed root),
// plus the trust anchors used to check the peer; and the CertificateInfo of a peer's certificate.
import { type CertificateInput, type CertificateInfo, parseCertificateDer, toCertificateInfo } from './certificate-info.ts';
import { PkiError } from './pki-error.ts';
import { keysMatch, normalizePrivateKeyPem } from './rsa-keys.ts';

export interface TlsMaterialInput {
  certificate: CertificateInput;
  privateKeyPem: string;
  /** Issuing CA certificates, in any order; self-signed roots among them are not sent. */
  chain?: CertificateInput[];
  /** Roots (and other anchors) the peer's certificate must chain to. */
  trustedRoots?: CertificateInput[];
}

export interface TlsMaterial {
  key: string;
  /** The certificate followed by its intermediates, issuer after subject. */
  cert: string;
  /** Trusted roots, when any were given. */
  ca?: string;
}

function orderedIntermediates(leaf: CertificateInfo, candidates: CertificateInfo[]): CertificateInfo[] {
  const ordered: CertificateInfo[] = [];
  let current = leaf;
  for (;;) {
    const issuer = candidates.find((c) => !c.isSelfSigned && c.subjectNameDer.equals(current.issuerNameDer) && !ordered.includes(c) && c !== current);
    if (!issuer) return ordered;
    ordered.push(issuer);
    current = issuer;
  }
}

export function tlsMaterial(input: TlsMaterialInput): TlsMaterial {
  const certificate = toCertificateInfo(input.certificate);
  if (!keysMatch(input.privateKeyPem, certificate.publicKeyPem)) {
    throw new PkiError(`The private key does not belong to the certificate "${certificate.subject}" (thumbprint ${certificate.thumbprint}).`, 'KeyCertificateMismatch');
  }
  const intermediates = orderedIntermediates(certificate, (input.chain ?? []).map(toCertificateInfo));
  const material: TlsMaterial = {
    key: normalizePrivateKeyPem(input.privateKeyPem),
    cert: [certificate, ...intermediates].map((c) => c.pem).join(''),
  };
  const roots = (input.trustedRoots ?? []).map(toCertificateInfo);
  if (roots.length > 0) material.ca = roots.map((c) => c.pem).join('');
  return material;
}

/** The CertificateInfo of `tlsSocket.getPeerCertificate().raw` (DER). */
export function peerCertificateToInfo(der: Buffer): CertificateInfo {
  return parseCertificateDer(der);
}
