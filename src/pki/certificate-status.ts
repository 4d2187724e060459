// Exchange's CertificateStatus values and their descriptions (Get-ExchangeCertificate's Status).

export type CertificateStatus =
  | 'Unknown'
  | 'Valid'
  | 'Revoked'
  | 'DateInvalid'
  | 'Untrusted'
  | 'Invalid'
  | 'RevocationCheckFailure'
  | 'PendingRequest';

export const certificateStatusDescriptions: Record<CertificateStatus, string> = {
  Unknown: 'The certificate status could not be determined.',
  Valid: 'The certificate is valid for Exchange Server usage.',
  Revoked: 'The certificate has been revoked by its issuer.',
  DateInvalid: 'The certificate is expired.',
  Untrusted: 'The certificate is issued by an untrusted root Certification Authority.',
  Invalid: 'The certificate is invalid for Exchange Server usage.',
  RevocationCheckFailure: 'The certificate status could not be determined because the revocation check failed.',
  PendingRequest: 'This is a pending certificate signing request (CSR).',
};
