// The structural half of path validation, delegated to node-forge's verifyCertificateChain:
// signatures along the path, issuer/subject chaining, basicConstraints cA and pathLenConstraint,
// keyUsage keyCertSign on CAs, name constraints, unknown critical extensions. Dates and
// revocation are checked by our own code (forge checks dates only at one instant and knows no CRLs).
import forge from 'node-forge';
import { toBinary } from './asn1.ts';
import type { CertificateInfo } from './certificate-info.ts';
import { describeError } from './pki-error.ts';

export type ForgeChainOutcome = { ok: true } | { ok: false; reason: string };

function toForge(certificate: CertificateInfo): forge.pki.Certificate {
  return forge.pki.certificateFromAsn1(forge.asn1.fromDer(toBinary(certificate.der)));
}

/** `path` runs from the end-entity certificate to the trust anchor (last). */
export function forgeChainCheck(path: CertificateInfo[]): ForgeChainOutcome {
  const unsupported = path.find((c) => c.publicKeyAlgorithm !== 'RSA');
  if (unsupported) {
    return {
      ok: false,
      reason: `The certificate "${unsupported.subject}" has an ${unsupported.publicKeyAlgorithm} key; ${unsupported.publicKeyAlgorithm} keys are not supported for chain validation, only RSA.`,
    };
  }
  const anchor = path[path.length - 1]!;
  let chain: forge.pki.Certificate[];
  let store: forge.pki.CAStore;
  try {
    chain = path.slice(0, -1).map(toForge);
    store = forge.pki.createCaStore([toForge(anchor)]);
  } catch (error) {
    return { ok: false, reason: `A certificate in the chain could not be read for validation (${describeError(error)}).` };
  }
  if (chain.length === 0) return { ok: true }; // the certificate itself is trusted
  let failedDepth = 0;
  const verify = (verified: boolean | string, depth: number) => {
    if (verified !== true) failedDepth = depth;
    return verified === true;
  };
  try {
    forge.pki.verifyCertificateChain(store, chain, { validityCheckDate: null, verify });
    return { ok: true };
  } catch (error) {
    const message = (error as { message?: string }).message ?? describeError(error);
    const subject = path[failedDepth]?.subject ?? 'unknown';
    return { ok: false, reason: `The certificate chain is not valid at "${subject}": ${message}` };
  }
}
