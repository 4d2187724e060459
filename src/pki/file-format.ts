// What a certificate-ish file holds, judged from its first bytes the way certutil would: a PFX,
// a certificate (PEM text, bare base64 or DER), a PKCS #7 chain, a certificate request, or a CRL.
// Truncated files are still recognised (only the first few headers are read), so a cut-off PFX is
// reported as a corrupt PFX rather than as "unknown".
import { peekHeader } from './der-elements.ts';
import { decodeBareBase64, decodePemBlocks, looksLikePem } from './pem.ts';

export type CertificateFileFormat = 'pfx' | 'pem-certificate' | 'der-certificate' | 'pkcs7' | 'csr' | 'crl' | 'unknown';

const pemLabels: Record<string, CertificateFileFormat> = {
  CERTIFICATE: 'pem-certificate',
  'X509 CERTIFICATE': 'pem-certificate',
  'TRUSTED CERTIFICATE': 'pem-certificate',
  PKCS7: 'pkcs7',
  'PKCS #7 SIGNED DATA': 'pkcs7',
  CMS: 'pkcs7',
  'CERTIFICATE REQUEST': 'csr',
  'NEW CERTIFICATE REQUEST': 'csr',
  'X509 CRL': 'crl',
  PKCS12: 'pfx',
};

const pkcs7SignedDataOid = Buffer.from('06092a864886f70d010702', 'hex');
const pkcs7DataOid = Buffer.from('06092a864886f70d010701', 'hex');

interface Peeked {
  tag: number;
  start: number;
  contentStart: number;
  length?: number;
}

function childHeaders(data: Buffer, parent: Peeked, limit = 5): Peeked[] {
  const items: Peeked[] = [];
  let position = parent.contentStart;
  const end = parent.length === undefined ? data.length : Math.min(data.length, parent.contentStart + parent.length);
  while (position < end && items.length < limit) {
    const header = peekHeader(data, position);
    if (!header) break;
    items.push({ ...header, start: position });
    if (header.length === undefined) break;
    position = header.contentStart + header.length;
  }
  return items;
}

function startsWithAt(data: Buffer, offset: number, expected: Buffer): boolean {
  return data.subarray(offset, offset + expected.length).equals(expected);
}

/** Classifies DER bytes (possibly truncated) by their ASN.1 shape. */
export function classifyDer(data: Buffer): CertificateFileFormat {
  const outerHeader = peekHeader(data, 0);
  if (!outerHeader || outerHeader.tag !== 0x30) return 'unknown';
  const outer = { ...outerHeader, start: 0 };
  const [first, second] = childHeaders(data, outer);
  if (!first) return 'unknown';
  if (first.tag === 0x06) return startsWithAt(data, first.start, pkcs7SignedDataOid) ? 'pkcs7' : 'unknown';
  if (first.tag === 0x02 && first.length === 1 && data[first.contentStart] === 3 && second?.tag === 0x30) {
    const inner = childHeaders(data, second, 1)[0];
    if (inner && (startsWithAt(data, inner.start, pkcs7DataOid) || startsWithAt(data, inner.start, pkcs7SignedDataOid))) return 'pfx';
  }
  if (first.tag !== 0x30) return 'unknown';
  const fields = childHeaders(data, first, 5);
  if (fields[0]?.tag === 0xa0) return 'der-certificate';
  if (fields[0]?.tag === 0x30) return 'crl'; // v1 CRL: signature AlgorithmIdentifier first
  if (fields[0]?.tag !== 0x02 || fields[1]?.tag !== 0x30) return 'unknown';
  const secondFirstChild = childHeaders(data, fields[1], 1)[0];
  if (!secondFirstChild || secondFirstChild.tag === 0x31) return 'csr'; // subject Name: SEQUENCE OF SET
  if (secondFirstChild.tag !== 0x06) return 'unknown';
  const fourth = fields[3];
  if (fourth && (fourth.tag === 0x17 || fourth.tag === 0x18)) return 'crl'; // thisUpdate Time
  return 'der-certificate';
}

export interface DecodedFile {
  format: CertificateFileFormat;
  /** How the bytes were written. */
  encoding: 'pem' | 'base64' | 'der';
  /** DER of each object: every PEM block, else the one decoded object. */
  objects: Buffer[];
}

/** Undoes PEM armour or bare base64 and says what the content is. */
export function decodeCertificateFile(input: Buffer | string): DecodedFile {
  const data = typeof input === 'string' ? Buffer.from(input, 'latin1') : input;
  if (looksLikePem(data)) {
    const blocks = decodePemBlocks(data.toString('latin1'));
    // The first block we know decides (a key block may come before the certificate).
    const known = blocks.find((block) => pemLabels[block.label]);
    const format = known ? pemLabels[known.label]! : 'unknown';
    return { format, encoding: 'pem', objects: blocks.map((block) => block.der) };
  }
  const base64 = decodeBareBase64(data);
  if (base64) {
    const format = classifyDer(base64);
    return { format: format === 'der-certificate' ? 'pem-certificate' : format, encoding: 'base64', objects: [base64] };
  }
  return { format: classifyDer(data), encoding: 'der', objects: [data] };
}

/**
 * `pfx`, `pem-certificate` (a certificate as base64 text, with or without PEM armour),
 * `der-certificate`, `pkcs7` (DER, PEM or base64), `csr`, `crl`, or `unknown`.
 */
export function detectFormat(input: Buffer | string): CertificateFileFormat {
  return decodeCertificateFile(input).format;
}
