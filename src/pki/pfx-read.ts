// Reading PFX (PKCS #12) files as Import-ExchangeCertificate does: OpenSSL 3's default
// (PBES2/PBKDF2/AES-256-CBC, SHA-256 MAC), legacy 3DES and RC2-40 files, Windows exports. Each
// failure gets its own error: wrong password, truncated or corrupt data, an EC key, no private
// key, a request or certificate handed over instead of a PFX.
import forge from 'node-forge';
import './forge-native-kdf.ts';
import { toBinary } from './asn1.ts';
import { type CertificateInfo, parseCertificateDer } from './certificate-info.ts';
import { DerTruncatedError, readElement } from './der-elements.ts';
import { decodeCertificateFile } from './file-format.ts';
import { pfxBags, type PfxBags } from './pfx-bags.ts';
import { describeError, PkiError } from './pki-error.ts';
import { publicKeyFingerprint } from './rsa-keys.ts';

export interface PfxContents {
  /** PKCS #8 PEM. */
  privateKeyPem: string;
  /** The certificate whose public key is the private key's. */
  certificate: CertificateInfo;
  certificatePem: string;
  /** The other certificates in the file (usually the issuing chain), in file order. */
  chain: CertificateInfo[];
  /** The friendlyName bag attribute, if the file has one. */
  friendlyName?: string;
}

function notAPfx(format: string): PkiError {
  const what: Record<string, string> = {
    csr: 'a certificate request (PKCS #10), not a PFX file. Submit the request to a certification authority, then import the certificate it issues',
    'pem-certificate': 'a certificate without its private key, not a PFX file. Import it as a certificate, or export a PFX (PKCS #12) that includes the private key',
    'der-certificate': 'a certificate without its private key, not a PFX file. Import it as a certificate, or export a PFX (PKCS #12) that includes the private key',
    pkcs7: 'a PKCS #7 certificate chain without a private key, not a PFX file. Import it as a certificate chain, or export a PFX (PKCS #12) that includes the private key',
    crl: 'a certificate revocation list, not a PFX file',
  };
  return what[format]
    ? new PkiError(`The file is ${what[format]}.`, 'NotAPfx')
    : new PkiError('The data is not a PFX (PKCS #12) file, or it is corrupt beyond recognition. Export the certificate and its private key to a .pfx file again.', 'PfxCorrupt');
}

function pfxDer(input: Buffer | string): Buffer {
  const file = decodeCertificateFile(input);
  if (file.format !== 'pfx') throw notAPfx(file.format);
  const der = file.objects[0]!;
  try {
    readElement(der, 0);
  } catch (error) {
    if (error instanceof DerTruncatedError) {
      throw new PkiError(`The PFX data is truncated: ${error.message}. Copy or export the file again.`, 'PfxCorrupt');
    }
    throw new PkiError(`The PFX data is corrupt and cannot be read (${describeError(error)}). Export the certificate again.`, 'PfxCorrupt');
  }
  return der;
}

const passwordFailure = /MAC could not be verified|wrong password|Invalid password|Unable to decrypt|Failed to decrypt/i;
const macFailure = /MAC could not be verified/i;

/** Empty and absent passwords differ in PKCS #12 (two zero bytes vs none); Windows tries both, so do we. */
function passwordCandidates(password: string | undefined): Array<string | null> {
  return password === undefined || password === '' ? ['', null] : [password];
}

function parsePfxAsn1(der: Buffer): forge.asn1.Asn1 {
  try {
    return forge.asn1.fromDer(toBinary(der), false);
  } catch (error) {
    throw new PkiError(`The PFX data is corrupt and cannot be read (${describeError(error)}). Export the certificate again.`, 'PfxCorrupt');
  }
}

function open(pfxAsn1: forge.asn1.Asn1, password: string | null): PfxBags {
  return pfxBags(forge.pkcs12.pkcs12FromAsn1(pfxAsn1, false, password as string));
}

/**
 * A non-ASCII password is text (BMPString) to the PKCS #12 MAC but UTF-8 bytes to PBES2, as OpenSSL
 * and Windows treat it; forge gives PBKDF2 the string's low bytes. When the MAC accepted the text
 * password and decryption then failed, decrypt again with the UTF-8 bytes (the MAC already checked).
 */
function openWithUtf8Password(pfxAsn1: forge.asn1.Asn1, password: string): PfxBags {
  const withoutMac = { ...pfxAsn1, value: (pfxAsn1.value as forge.asn1.Asn1[]).slice(0, 2) };
  return open(withoutMac, forge.util.encodeUtf8(password));
}

function openBags(der: Buffer, password: string | undefined): PfxBags {
  const pfxAsn1 = parsePfxAsn1(der);
  let lastError: unknown;
  for (const candidate of passwordCandidates(password)) {
    try {
      return open(pfxAsn1, candidate);
    } catch (error) {
      if (error instanceof PkiError) throw error;
      lastError = error;
      const message = describeError(error);
      if (candidate && /[^\x00-\x7f]/.test(candidate) && passwordFailure.test(message) && !macFailure.test(message)) {
        try {
          return openWithUtf8Password(pfxAsn1, candidate);
        } catch (retryError) {
          if (retryError instanceof PkiError) throw retryError;
          lastError = retryError;
        }
      }
      if (!passwordFailure.test(message) && !(error instanceof TypeError)) break;
    }
  }
  if (passwordFailure.test(describeError(lastError)) || lastError instanceof TypeError) {
    const given = password ? 'the password given' : 'an empty password';
    throw new PkiError(
      `The PFX password is incorrect: the file's integrity check failed with ${given}. Enter the password the file was exported with.`,
      'PfxPasswordIncorrect',
    );
  }
  throw new PkiError(`The PFX data is corrupt and cannot be read (${describeError(lastError)}). Export the certificate again.`, 'PfxCorrupt');
}

export function readPfx(input: Buffer | string, password: string | undefined): PfxContents {
  const bags = openBags(pfxDer(input), password);
  const certificates = bags.certificates.map(parseCertificateDer);
  const firstKey = bags.keys[0];
  if (!firstKey) {
    const names = certificates.map((c) => `"${c.subject}"`).join(', ') || 'none';
    throw new PkiError(
      `The PFX file has no private key (certificates: ${names}). Export the certificate again together with its private key.`,
      'PfxNoPrivateKey',
    );
  }
  for (const key of bags.keys) {
    const fingerprint = publicKeyFingerprint(key.privateKeyPem);
    const certificate = certificates.find((c) => c.publicKeyFingerprint === fingerprint);
    if (!certificate) continue;
    return {
      privateKeyPem: key.privateKeyPem,
      certificate,
      certificatePem: certificate.pem,
      chain: certificates.filter((c) => c !== certificate),
      friendlyName: key.friendlyName ?? bags.friendlyNames[certificate.thumbprint],
    };
  }
  throw new PkiError(
    'The PFX file\'s private key does not belong to any certificate in it. Export the certificate again together with its own private key.',
    'PfxKeyCertificateMismatch',
  );
}
