// readCertificates: every certificate in a file a CA or a partner hands over: DER (.cer), PEM with
// one or many certificates, base64 without headers, or a PKCS #7 chain (.p7b/.p7c, DER or PEM).
import { notACertificateError } from './certificate-bytes.ts';
import { type CertificateInfo, parseCertificateDer } from './certificate-info.ts';
import { type CertificateFileFormat, classifyDer, decodeCertificateFile } from './file-format.ts';
import { decodePemBlocks } from './pem.ts';
import { pkcs7CertificateDers } from './pkcs7-certificates.ts';
import { PkiError } from './pki-error.ts';

const pemCertificateLabels = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);
const pemPkcs7Labels = new Set(['PKCS7', 'PKCS #7 SIGNED DATA', 'CMS']);

function fromPem(text: string): Buffer[] {
  const ders: Buffer[] = [];
  for (const block of decodePemBlocks(text)) {
    if (pemCertificateLabels.has(block.label)) ders.push(block.der);
    else if (pemPkcs7Labels.has(block.label)) ders.push(...pkcs7CertificateDers(block.der));
  }
  return ders;
}

function fromDer(der: Buffer, format: CertificateFileFormat): Buffer[] {
  if (format === 'pkcs7') return pkcs7CertificateDers(der);
  if (format === 'der-certificate' || format === 'pem-certificate') return [der];
  throw (
    notACertificateError(format) ??
    new PkiError('The source data is corrupted or not properly Base64 encoded: it holds no certificate. Supply a .cer, .pem or .p7b file.', 'CertificateDataInvalid')
  );
}

export function readCertificates(input: Buffer | string): CertificateInfo[] {
  const file = decodeCertificateFile(input);
  let ders: Buffer[];
  if (file.encoding === 'pem') {
    ders = fromPem(typeof input === 'string' ? input : input.toString('latin1'));
    if (ders.length === 0) throw notACertificateError(file.format) ?? new PkiError('The file holds no certificate (no CERTIFICATE or PKCS7 block was found).', 'CertificateDataInvalid');
  } else {
    ders = fromDer(file.objects[0]!, file.format === 'pem-certificate' ? classifyDer(file.objects[0]!) : file.format);
  }
  if (ders.length === 0) throw new PkiError('The PKCS #7 file holds no certificates.', 'CertificateDataInvalid');
  return ders.map(parseCertificateDer);
}
