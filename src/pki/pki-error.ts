// The one error type the PKI layer throws: a PSException (so `catch [System.Security.Cryptography.
// CryptographicException]` works in scripts) that also carries a stable error id, which the cmdlets
// use as the ErrorRecord's FullyQualifiedErrorId or to pick Exchange's own wording.
import { PSException } from '../runtime/errors.ts';

export type PkiErrorId =
  | 'InvalidSubjectName'
  | 'UnknownNameAttribute'
  | 'InvalidDomainName'
  | 'SubjectCnNotValidFQDN'
  | 'InvalidKeySize'
  | 'FriendlyNameTooLong'
  | 'InvalidValidityPeriod'
  | 'InvalidPrivateKey'
  | 'KeyAlgorithmUnsupported'
  | 'SignatureAlgorithmUnsupported'
  | 'CertificateDataInvalid'
  | 'CertificateRequestInvalid'
  | 'RequestSignatureInvalid'
  | 'NotACertificate'
  | 'PfxPasswordIncorrect'
  | 'InvalidPassword'
  | 'PfxCorrupt'
  | 'PfxEcKeyUnsupported'
  | 'PfxNoPrivateKey'
  | 'PfxKeyCertificateMismatch'
  | 'NotAPfx'
  | 'CrlInvalid'
  | 'CrlSignatureInvalid'
  | 'CaCertificateUnsuitable'
  | 'KeyCertificateMismatch';

export const cryptographicException = 'System.Security.Cryptography.CryptographicException';
export const argumentException = 'System.ArgumentException';

export class PkiError extends PSException {
  constructor(
    message: string,
    public readonly errorId: PkiErrorId,
    typeName: string = cryptographicException,
  ) {
    super(message, typeName);
    this.name = 'PkiError';
  }
}

/** A short reason from any thrown value, for wrapping library errors in our own messages. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
