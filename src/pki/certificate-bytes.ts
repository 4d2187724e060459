// Getting the DER of one certificate out of whatever a user handed over, with a clear error when
// the file is something else (a request, a PFX, a CRL).
import { type CertificateFileFormat, decodeCertificateFile } from './file-format.ts';
import { decodePemBlocks, looksLikePem } from './pem.ts';
import { PkiError } from './pki-error.ts';

const certificateLabels = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);

const wrongKind: Partial<Record<CertificateFileFormat, string>> = {
  csr: 'a certificate request (PKCS #10), not a certificate. Submit the request to a certification authority and import the certificate it issues',
  pfx: 'a PFX (PKCS #12) file, not a single certificate. Read it as a PFX with its password',
  pkcs7: 'a PKCS #7 certificate chain, not a single certificate. Read it as a list of certificates',
  crl: 'a certificate revocation list, not a certificate',
};

export function notACertificateError(format: CertificateFileFormat): PkiError | undefined {
  const kind = wrongKind[format];
  return kind ? new PkiError(`The data is ${kind}.`, 'NotACertificate') : undefined;
}

/** DER of the first certificate in PEM text, DER bytes, or base64 without headers. */
export function decodeCertificateBytes(input: string | Buffer): Buffer {
  const data = typeof input === 'string' ? Buffer.from(input, 'latin1') : input;
  if (looksLikePem(data)) {
    const block = decodePemBlocks(data.toString('latin1')).find((b) => certificateLabels.has(b.label));
    if (block) return block.der;
  }
  const file = decodeCertificateFile(data);
  if (file.format === 'pem-certificate' || file.format === 'der-certificate') return file.objects[0]!;
  throw (
    notACertificateError(file.format) ??
    new PkiError(
      'The source data is corrupted or not properly Base64 encoded: no X.509 certificate was found in it. Supply a DER (.cer) or base64 (PEM) certificate.',
      'CertificateDataInvalid',
    )
  );
}
