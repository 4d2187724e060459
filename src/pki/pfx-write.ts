// Writing a PFX (PKCS #12) of a private key and its certificate chain, as Export-ExchangeCertificate
// -BinaryEncoded -Password does. The key bag is encrypted with PBES2/PBKDF2 (PRF HMAC-SHA-256) and
// AES-256-CBC. Limits of node-forge's writer, accepted: the MAC is always HMAC-SHA-1 and the
// certificate bag is stored unencrypted (certificates are public); OpenSSL 3 and Windows read both.
import forge from 'node-forge';
import './forge-native-kdf.ts';
import { fromBinary, toBinary } from './asn1.ts';
import { decodeCertificateBytes } from './certificate-bytes.ts';
import { argumentException, describeError, PkiError } from './pki-error.ts';
import { keysMatch, loadPrivateKey } from './rsa-keys.ts';
import { parseCertificateDer } from './certificate-info.ts';

export interface WritePfxOptions {
  friendlyName?: string;
  /** PBKDF2 and MAC iteration count; default 2048 (OpenSSL's default). */
  iterations?: number;
}

/** `certificateChainPems[0]` is the key's certificate; the rest (issuing CAs) follow it into the file. */
export function writePfx(privateKeyPem: string, certificateChainPems: string[], password: string, options: WritePfxOptions = {}): Buffer {
  if (!/^[\x20-\x7e]*$/.test(password)) {
    throw new PkiError('The PFX password must use printable ASCII characters only; choose a password without accented or other non-ASCII characters.', 'InvalidPassword', argumentException);
  }
  const key = loadPrivateKey(privateKeyPem);
  if (key.asymmetricKeyType !== 'rsa') {
    throw new PkiError(`EC keys are not supported: the private key is ${key.asymmetricKeyType?.toUpperCase() ?? 'unknown'}, and only RSA keys can be written to a PFX here.`, 'KeyAlgorithmUnsupported');
  }
  const [leafPem] = certificateChainPems;
  if (!leafPem) throw new PkiError('A PFX needs the certificate of the private key; none was given.', 'CertificateDataInvalid', argumentException);
  const leaf = parseCertificateDer(decodeCertificateBytes(leafPem));
  if (!keysMatch(privateKeyPem, leaf.publicKeyPem)) {
    throw new PkiError(`The private key does not belong to the certificate "${leaf.subject}" (thumbprint ${leaf.thumbprint}).`, 'KeyCertificateMismatch');
  }
  const forgeKey = forge.pki.privateKeyFromAsn1(
    forge.asn1.fromDer(toBinary(key.export({ type: 'pkcs1', format: 'der' }))),
  ) as forge.pki.rsa.PrivateKey;
  const certificates = certificateChainPems.map((pem) => {
    const der = decodeCertificateBytes(pem);
    try {
      return forge.pki.certificateFromAsn1(forge.asn1.fromDer(toBinary(der)));
    } catch (error) {
      const subject = parseCertificateDer(der).subject;
      throw new PkiError(`The certificate "${subject}" cannot be written to a PFX (${describeError(error)}); only RSA certificates are supported.`, 'KeyAlgorithmUnsupported');
    }
  });
  const pfx = forge.pkcs12.toPkcs12Asn1(forgeKey, certificates, password, {
    algorithm: 'aes256',
    count: options.iterations ?? 2048,
    generateLocalKeyId: true,
    ...(options.friendlyName !== undefined ? { friendlyName: options.friendlyName } : {}),
    prfAlgorithm: 'sha256',
  } as Parameters<typeof forge.pkcs12.toPkcs12Asn1>[3]);
  return fromBinary(forge.asn1.toDer(pfx).getBytes());
}
