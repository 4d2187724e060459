// The keys and certificates inside a decrypted forge PFX, as PEM and DER. forge hands RSA keys over
// as objects and leaves other key types as raw PrivateKeyInfo, which is how EC keys are spotted.
import forge from 'node-forge';
import { createHash, createPrivateKey } from 'node:crypto';
import { childrenOf, encodeDer, fromBinary, readObjectId } from './asn1.ts';
import { oid } from './oids.ts';
import { PkiError } from './pki-error.ts';

export interface PfxKey {
  privateKeyPem: string;
  friendlyName?: string;
}

export interface PfxBags {
  keys: PfxKey[];
  /** DER of each certificate, in file order. */
  certificates: Buffer[];
  /** friendlyName attributes of certificate bags, by thumbprint. */
  friendlyNames: Record<string, string>;
}

const curveNames: Record<string, string> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
  '1.3.132.0.10': 'secp256k1',
};

function friendlyNameOf(bag: forge.pkcs12.Bag): string | undefined {
  const names = (bag.attributes as Record<string, unknown> | undefined)?.friendlyName;
  return Array.isArray(names) && typeof names[0] === 'string' ? names[0] : undefined;
}

function keyFromUnknownBag(bag: forge.pkcs12.Bag): string {
  const [, algorithm] = childrenOf(bag.asn1, 'PrivateKeyInfo');
  const [algorithmId, parameters] = childrenOf(algorithm, 'AlgorithmIdentifier');
  const keyOid = readObjectId(algorithmId, 'key algorithm');
  if (keyOid === oid.ecPublicKey) {
    const curveOid = parameters && typeof parameters.value === 'string' ? forge.asn1.derToOid(parameters.value) : 'unknown';
    throw new PkiError(
      `EC keys are not supported: the PFX holds an elliptic-curve key (curve ${curveNames[curveOid] ?? curveOid}). Exchange domain security here needs an RSA key; export an RSA certificate and key instead.`,
      'PfxEcKeyUnsupported',
    );
  }
  throw new PkiError(`The PFX holds a private key of an unsupported algorithm (${keyOid}); only RSA keys are supported.`, 'KeyAlgorithmUnsupported');
}

function rsaKeyPem(key: forge.pki.rsa.PrivateKey): string {
  const info = forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(key));
  return createPrivateKey({ key: encodeDer(info), format: 'der', type: 'pkcs8' }).export({ type: 'pkcs8', format: 'pem' }).toString();
}

export function pfxBags(pfx: forge.pkcs12.Pkcs12Pfx): PfxBags {
  const result: PfxBags = { keys: [], certificates: [], friendlyNames: {} };
  for (const safeContents of pfx.safeContents) {
    for (const bag of safeContents.safeBags) {
      if (bag.type === forge.pki.oids.keyBag || bag.type === forge.pki.oids.pkcs8ShroudedKeyBag) {
        const privateKeyPem = bag.key ? rsaKeyPem(bag.key) : keyFromUnknownBag(bag);
        result.keys.push({ privateKeyPem, friendlyName: friendlyNameOf(bag) });
      } else if (bag.type === forge.pki.oids.certBag) {
        const asn1 = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
        const der = fromBinary(forge.asn1.toDer(asn1).getBytes());
        result.certificates.push(der);
        const name = friendlyNameOf(bag);
        if (name) result.friendlyNames[createHash('sha1').update(der).digest('hex').toUpperCase()] = name;
      }
    }
  }
  return result;
}
