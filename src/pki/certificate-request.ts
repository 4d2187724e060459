// PKCS #10 requests as New-ExchangeCertificate -GenerateRequest makes them: a fresh RSA key (kept
// with the pending request), the subject exactly as given, and an extension request carrying the
// subject alternative names (subject CN included). The base64 form is wrapped the way Exchange
// writes it: `-----BEGIN NEW CERTIFICATE REQUEST-----`, 64-character lines, Windows line endings
// (OpenSSL reads that label and those line endings).
import { createPublicKey } from 'node:crypto';
import {
  Asn1ShapeError,
  childrenOf,
  encodeDer,
  implicitConstructed,
  integerValue,
  isContextTag,
  objectId,
  parseDer,
  readObjectId,
  sequence,
  setOf,
} from './asn1.ts';
import { type DistinguishedName, formatDistinguishedName } from './distinguished-name.ts';
import { decodeExtensions, type ExtensionSummary } from './extension-decoding.ts';
import { type Extension, extensionsSequence, subjectAltName } from './extension-encoding.ts';
import { decodeCertificateFile } from './file-format.ts';
import { decodeName, encodeName } from './name-der.ts';
import { oid, signatureAlgorithmNames } from './oids.ts';
import { encodePem } from './pem.ts';
import { describeError, PkiError } from './pki-error.ts';
import { type NewCertificateInput, prepareNewCertificate } from './new-certificate-input.ts';
import { describePublicKey, publicKeyFingerprint } from './rsa-keys.ts';
import { signatureParts, signSha256WithRsa, verifySignature } from './signing.ts';

export type CertificateRequestOptions = NewCertificateInput;

export interface CreatedCertificateRequest {
  /** Exchange's base64 form (`NEW CERTIFICATE REQUEST`, CRLF line endings). */
  csrPem: string;
  /** The DER, as -BinaryEncoded writes it. */
  csrDer: Buffer;
  /** PKCS #8 PEM of the request's key; stays with the pending request. */
  privateKeyPem: string;
  publicKeyFingerprint: string;
  /** Windows display form of the subject. */
  subject: string;
  subjectName: DistinguishedName;
  /** The DNS names requested in the subject alternative name extension. */
  dnsNames: string[];
  keySize: number;
  friendlyName: string;
}

export const requestPemLabel = 'NEW CERTIFICATE REQUEST';

/** Exchange's armour: the label above, 64-column base64, `\r\n` line endings. */
export function encodeRequestPem(der: Buffer): string {
  return encodePem(requestPemLabel, der, { lineEnding: '\r\n' });
}

function requestInfo(subjectName: DistinguishedName, spki: Buffer, extensions: Extension[]): ReturnType<typeof sequence> {
  const extensionRequest = sequence([objectId(oid.extensionRequest), setOf([extensionsSequence(extensions)])]);
  return sequence([integerValue(0), encodeName(subjectName), parseDer(spki), implicitConstructed(0, [extensionRequest])]);
}

export async function createCertificateRequest(options: CertificateRequestOptions): Promise<CreatedCertificateRequest> {
  const { subjectName, dnsNames, friendlyName, privateKeyPem, spki } = await prepareNewCertificate(options);
  const csrDer = signSha256WithRsa(requestInfo(subjectName, spki, [subjectAltName(dnsNames)]), privateKeyPem);
  return {
    csrPem: encodeRequestPem(csrDer),
    csrDer,
    privateKeyPem,
    publicKeyFingerprint: publicKeyFingerprint(spki),
    subject: formatDistinguishedName(subjectName),
    subjectName,
    dnsNames,
    keySize: describePublicKey(createPublicKey(privateKeyPem)).size,
    friendlyName,
  };
}

export interface CertificateRequestInfo {
  subject: string;
  subjectName: DistinguishedName;
  subjectNameDer: Buffer;
  /** DNS names from the extension request's subject alternative names. */
  dnsNames: string[];
  requestedExtensions: ExtensionSummary[];
  publicKeyAlgorithm: string;
  publicKeySize: number;
  publicKeyFingerprint: string;
  publicKeyPem: string;
  spkiDer: Buffer;
  signatureAlgorithm: string;
  /** The request's self-signature verifies with its own public key. */
  signatureValid: boolean;
  der: Buffer;
  /** Exchange's base64 form. */
  pem: string;
}

function requestDer(input: string | Buffer): Buffer {
  const file = decodeCertificateFile(input);
  if (file.format === 'csr') return file.objects[0]!;
  const what = file.format === 'unknown' ? 'not recognisable' : `a ${file.format} file`;
  throw new PkiError(`The data is not a PKCS #10 certificate request (it is ${what}). Supply the request file New-ExchangeCertificate -GenerateRequest wrote.`, 'CertificateRequestInvalid');
}

export function parseCertificateRequest(input: string | Buffer): CertificateRequestInfo {
  const der = requestDer(input);
  try {
    const root = parseDer(der);
    const [info] = childrenOf(root, 'CertificationRequest');
    const [, subjectNode, spkiNode, attributesNode] = childrenOf(info, 'CertificationRequestInfo');
    if (!subjectNode || !spkiNode) throw new Asn1ShapeError('the CertificationRequestInfo is incomplete');
    let extensions = decodeExtensions(undefined);
    if (isContextTag(attributesNode, 0)) {
      for (const attribute of childrenOf(attributesNode, 'attributes')) {
        const [type, values] = childrenOf(attribute, 'Attribute');
        if (readObjectId(type, 'attribute type') === oid.extensionRequest) extensions = decodeExtensions(childrenOf(values, 'values')[0]);
      }
    }
    const spki = encodeDer(spkiNode);
    const publicKey = createPublicKey({ key: spki, format: 'der', type: 'spki' });
    const keyFacts = describePublicKey(publicKey);
    const parts = signatureParts(der, root);
    const subjectName = decodeName(subjectNode);
    let signatureValid = false;
    try {
      signatureValid = verifySignature(parts, publicKey);
    } catch {
      signatureValid = false;
    }
    return {
      subject: formatDistinguishedName(subjectName),
      subjectName,
      subjectNameDer: encodeDer(subjectNode),
      dnsNames: extensions.dnsNames,
      requestedExtensions: extensions.all,
      publicKeyAlgorithm: keyFacts.algorithm,
      publicKeySize: keyFacts.size,
      publicKeyFingerprint: publicKeyFingerprint(publicKey),
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      spkiDer: spki,
      signatureAlgorithm: signatureAlgorithmNames[parts.algorithmOid] ?? parts.algorithmOid,
      signatureValid,
      der: Buffer.from(der),
      pem: encodeRequestPem(der),
    };
  } catch (error) {
    if (error instanceof PkiError) throw error;
    throw new PkiError(`The certificate request is damaged and cannot be read (${describeError(error)}).`, 'CertificateRequestInvalid');
  }
}
