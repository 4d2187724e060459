// The certificates of a PKCS #7 SignedData "degenerate" chain (.p7b/.p7c, as a CA returns an issued
// certificate with its chain), sliced out byte for byte so thumbprints are those of the originals.
// Reads DER and BER (indefinite lengths, as some Windows tools write).
import { childElements, elementBytes, readElement } from './der-elements.ts';
import { PkiError, describeError } from './pki-error.ts';

const signedDataOid = Buffer.from('06092a864886f70d010702', 'hex');

export function pkcs7CertificateDers(der: Buffer): Buffer[] {
  try {
    const contentInfo = readElement(der, 0);
    const [contentType, explicitContent] = childElements(der, contentInfo);
    if (!contentType || !elementBytes(der, contentType).equals(signedDataOid) || !explicitContent || explicitContent.tag !== 0xa0) {
      throw new Error('the content is not PKCS #7 SignedData');
    }
    const signedData = childElements(der, explicitContent)[0];
    if (!signedData || signedData.tag !== 0x30) throw new Error('SignedData is missing');
    const certificateSet = childElements(der, signedData).find((element) => element.tag === 0xa0);
    if (!certificateSet) return [];
    return childElements(der, certificateSet)
      .filter((element) => element.tag === 0x30)
      .map((element) => Buffer.from(elementBytes(der, element)));
  } catch (error) {
    throw new PkiError(`The PKCS #7 certificate chain is corrupt and cannot be read (${describeError(error)}).`, 'CertificateDataInvalid');
  }
}
