// Revocation of one certificate from the CRLs at hand: the newest CRL its issuer signed that is
// current at the checking time decides; a missing or stale CRL is a revocation-check failure when
// revocation information is required (Exchange domain security requires it). A CRL dated after
// the checking time does not count.
import type { CertificateInfo } from './certificate-info.ts';
import { crlIssuedBy, findRevokedEntry, type RevocationList } from './crl.ts';

export type RevocationOutcome =
  | { kind: 'good' }
  | { kind: 'revoked'; reason: string }
  | { kind: 'unknown'; reason: string };

function describe(certificate: CertificateInfo): string {
  return `"${certificate.subject}" (thumbprint ${certificate.thumbprint})`;
}

export function checkRevocation(certificate: CertificateInfo, issuer: CertificateInfo, crls: RevocationList[], at: Date): RevocationOutcome {
  const fromIssuer = crls.filter((crl) => crlIssuedBy(crl, issuer));
  const published = fromIssuer.filter((crl) => crl.thisUpdate.getTime() <= at.getTime()).sort((a, b) => b.thisUpdate.getTime() - a.thisUpdate.getTime());
  const newest = published[0];
  const entry = newest && findRevokedEntry(newest, certificate.serialNumber);
  if (entry && entry.revocationDate.getTime() <= at.getTime() && entry.reason !== 'RemoveFromCrl') {
    const why = entry.reason ? ` (reason: ${entry.reason})` : '';
    return { kind: 'revoked', reason: `The certificate ${describe(certificate)} was revoked by "${issuer.subject}" on ${entry.revocationDate.toISOString()}${why}.` };
  }
  if (newest && (!newest.nextUpdate || at.getTime() <= newest.nextUpdate.getTime())) return { kind: 'good' };
  if (newest?.nextUpdate) {
    return {
      kind: 'unknown',
      reason: `The revocation list of "${issuer.subject}" expired at ${newest.nextUpdate.toISOString()} (next update), so the revocation status of ${describe(certificate)} is unknown. Publish a current CRL.`,
    };
  }
  const status = `so the revocation status of ${describe(certificate)} is unknown`;
  let problem: string;
  if (fromIssuer.length > 0) problem = `The revocation list of "${issuer.subject}" is not valid until ${fromIssuer[0]!.thisUpdate.toISOString()}`;
  else if (crls.some((crl) => crl.issuerNameDer.equals(issuer.subjectNameDer))) problem = `The revocation lists naming "${issuer.subject}" are not signed by its key`;
  else problem = `No revocation list (CRL) from "${issuer.subject}" is available`;
  return { kind: 'unknown', reason: `${problem}, ${status}. Supply the issuer's current CRL.` };
}
