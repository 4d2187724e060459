// RFC 5280 5.3.1 CRLReason codes, named as Windows names them.

export const revocationReasons = {
  Unspecified: 0,
  KeyCompromise: 1,
  CACompromise: 2,
  AffiliationChanged: 3,
  Superseded: 4,
  CessationOfOperation: 5,
  CertificateHold: 6,
  RemoveFromCrl: 8,
  PrivilegeWithdrawn: 9,
  AACompromise: 10,
} as const;

export type RevocationReason = keyof typeof revocationReasons;

export function revocationReasonName(code: number): RevocationReason | undefined {
  return (Object.keys(revocationReasons) as RevocationReason[]).find((name) => revocationReasons[name] === code);
}
