// RSA keys from Node's native crypto (asynchronous, so a 4096-bit key does not block the shell),
// kept as PEM: private keys as PKCS #8, public keys as SubjectPublicKeyInfo. Also the key facts a
// certificate shows (algorithm, size) and the fingerprint that binds an issued certificate to the
// key of a pending request.
import { createHash, createPrivateKey, createPublicKey, generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { childElements, contentBytes, readElement } from './der-elements.ts';
import { argumentException, describeError, PkiError } from './pki-error.ts';

const generateKeyPairAsync = promisify(generateKeyPair);

/** Key sizes New-ExchangeCertificate accepts. */
export const exchangeKeySizes: readonly number[] = [1024, 2048, 4096];

export function checkExchangeKeySize(keySize: number): void {
  if (!exchangeKeySizes.includes(keySize)) {
    throw new PkiError(`${keySize} is not a valid key size. Valid key sizes are 4096, 2048, and 1024.`, 'InvalidKeySize', argumentException);
  }
}

export interface RsaKeyPair {
  /** PKCS #8 `-----BEGIN PRIVATE KEY-----`. */
  privateKeyPem: string;
  /** SubjectPublicKeyInfo `-----BEGIN PUBLIC KEY-----`. */
  publicKeyPem: string;
}

export async function generateRsaKeyPair(keySize = 2048): Promise<RsaKeyPair> {
  if (!Number.isInteger(keySize) || keySize < 1024 || keySize > 16384) {
    throw new PkiError(`${keySize} is not a usable RSA key size; use 1024, 2048 or 4096.`, 'InvalidKeySize', argumentException);
  }
  const { privateKey, publicKey } = await generateKeyPairAsync('rsa', {
    modulusLength: keySize,
    publicExponent: 0x10001,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

/** Reads a private key in any PEM form Node knows (PKCS #8, PKCS #1 `RSA PRIVATE KEY`, SEC 1). */
export function loadPrivateKey(pem: string): KeyObject {
  try {
    return createPrivateKey(pem);
  } catch (error) {
    throw new PkiError(`The private key could not be read (${describeError(error)}). Supply an unencrypted PEM private key.`, 'InvalidPrivateKey');
  }
}

/** The key as PKCS #8 PEM, whatever PEM form it came in. */
export function normalizePrivateKeyPem(pem: string): string {
  return loadPrivateKey(pem).export({ type: 'pkcs8', format: 'pem' }).toString();
}

export type PublicKeyInput = string | Buffer | KeyObject;

/** A public key from SPKI PEM/DER, a private key PEM, or a KeyObject. */
export function toPublicKey(key: PublicKeyInput): KeyObject {
  if (typeof key !== 'string' && !Buffer.isBuffer(key)) return key.type === 'private' ? createPublicKey(key) : key;
  if (Buffer.isBuffer(key)) return createPublicKey({ key, format: 'der', type: 'spki' });
  return key.includes('PRIVATE KEY-----') ? createPublicKey(loadPrivateKey(key)) : createPublicKey(key);
}

export function spkiDer(key: PublicKeyInput): Buffer {
  return toPublicKey(key).export({ type: 'spki', format: 'der' });
}

/** Upper-case hex SHA-256 of the DER SubjectPublicKeyInfo: equal for a request, its key and its certificate. */
export function publicKeyFingerprint(key: PublicKeyInput): string {
  return createHash('sha256').update(spkiDer(key)).digest('hex').toUpperCase();
}

/** RFC 5280 4.2.1.2 method 1: SHA-1 of the subjectPublicKey BIT STRING's bytes. */
export function keyIdentifier(spki: Buffer): Buffer {
  const outer = readElement(spki, 0);
  const bitString = childElements(spki, outer)[1];
  if (!bitString) throw new PkiError('The public key is not a SubjectPublicKeyInfo.', 'KeyAlgorithmUnsupported');
  return createHash('sha1').update(contentBytes(spki, bitString).subarray(1)).digest();
}

export interface PublicKeyFacts {
  /** `RSA`, `EC`, or Node's name for other key types in upper case. */
  algorithm: string;
  /** Modulus bits for RSA, curve bits for EC. */
  size: number;
  curve?: string;
}

const curveBits: Record<string, number> = { prime256v1: 256, secp384r1: 384, secp521r1: 521, secp256k1: 256 };

export function describePublicKey(key: KeyObject): PublicKeyFacts {
  const type = key.asymmetricKeyType ?? 'unknown';
  const details = key.asymmetricKeyDetails ?? {};
  if (type === 'rsa' || type === 'rsa-pss') return { algorithm: 'RSA', size: details.modulusLength ?? 0 };
  if (type === 'ec') {
    const curve = details.namedCurve ?? 'unknown';
    return { algorithm: 'EC', size: curveBits[curve] ?? 0, curve };
  }
  if (type === 'ed25519') return { algorithm: 'ED25519', size: 256 };
  return { algorithm: type.toUpperCase(), size: details.modulusLength ?? 0 };
}

/** True when the private key (PEM) is the partner of the public key. */
export function keysMatch(privateKeyPem: string, publicKey: PublicKeyInput): boolean {
  return publicKeyFingerprint(privateKeyPem) === publicKeyFingerprint(publicKey);
}
