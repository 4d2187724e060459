// SIGNED{...} structures (certificates, requests, CRLs): sign with SHA-256 and RSA PKCS #1 v1.5
// through Node's native crypto (forge's pure-JS signing is ~15x slower), verify whatever RSA or
// ECDSA algorithm the signer used.
import { sign, verify, type KeyObject } from 'node:crypto';
import { type Asn1, bitString, childrenOf, encodeDer, nullValue, objectId, readBitStringBytes, readObjectId, sequence } from './asn1.ts';
import { firstInnerElementBytes } from './der-elements.ts';
import { oid, signatureHashes } from './oids.ts';
import { PkiError } from './pki-error.ts';
import { loadPrivateKey } from './rsa-keys.ts';

export function sha256WithRsaAlgorithm(): Asn1 {
  return sequence([objectId(oid.sha256WithRsa), nullValue()]);
}

/** DER of `SEQUENCE { tbs, sha256WithRSAEncryption, BIT STRING signature }`. */
export function signSha256WithRsa(tbs: Asn1, signingKey: string | KeyObject): Buffer {
  const key = typeof signingKey === 'string' ? loadPrivateKey(signingKey) : signingKey;
  if (key.asymmetricKeyType !== 'rsa') {
    throw new PkiError(`The signing key is ${key.asymmetricKeyType?.toUpperCase() ?? 'unknown'}; only RSA keys can sign here.`, 'KeyAlgorithmUnsupported');
  }
  const signature = sign('sha256', encodeDer(tbs), key);
  return encodeDer(sequence([tbs, sha256WithRsaAlgorithm(), bitString(signature)]));
}

export interface SignatureParts {
  /** The exact signed bytes. */
  signedBytes: Buffer;
  algorithmOid: string;
  signature: Buffer;
}

/** Splits a parsed SIGNED{...} structure, taking the signed bytes from the original DER. */
export function signatureParts(der: Buffer, parsed: Asn1): SignatureParts {
  const [, algorithm, signatureValue] = childrenOf(parsed, 'signed structure');
  return {
    signedBytes: firstInnerElementBytes(der),
    algorithmOid: readObjectId(childrenOf(algorithm, 'signature algorithm')[0], 'signature algorithm'),
    signature: readBitStringBytes(signatureValue, 'signature'),
  };
}

/** Verifies a signature; throws when the algorithm is one we cannot check (e.g. RSASSA-PSS). */
export function verifySignature(parts: SignatureParts, publicKey: KeyObject): boolean {
  const hash = signatureHashes[parts.algorithmOid];
  if (!hash) {
    throw new PkiError(`The signature algorithm ${parts.algorithmOid} is not supported; use RSA or ECDSA with SHA-1 or SHA-2.`, 'SignatureAlgorithmUnsupported');
  }
  try {
    return verify(hash, parts.signedBytes, publicKey, parts.signature);
  } catch {
    return false;
  }
}
