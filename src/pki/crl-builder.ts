// Building a signed X.509 v2 CRL (RFC 5280 5.1) for the lab CA: issuer copied byte for byte from
// the CA certificate, thisUpdate/nextUpdate, the revoked serials with their dates and reasons, and
// the CRL number and authority key identifier extensions. node-forge cannot write CRLs, so the
// structure is assembled with forge.asn1 and signed with SHA-256/RSA.
import { type Asn1, enumeratedValue, explicitTag, integerFromHex, integerValue, parseDer, sequence, timeValue } from './asn1.ts';
import { addDays, wholeSeconds } from './certificate-builder.ts';
import { authorityKeyIdentifier, crlNumber, extensionNode, extensionsSequence } from './extension-encoding.ts';
import { oid } from './oids.ts';
import { encodePem } from './pem.ts';
import { argumentException, PkiError } from './pki-error.ts';
import { type RevocationReason, revocationReasons } from './revocation-reasons.ts';
import { serialNumberContentHex } from './serial-numbers.ts';
import { sha256WithRsaAlgorithm, signSha256WithRsa } from './signing.ts';

export interface CrlEntry {
  serialNumber: string;
  revocationDate: Date;
  reason?: RevocationReason;
}

export interface CrlTemplate {
  /** DER of the issuing CA's subject Name. */
  issuerNameDer: Buffer;
  /** The issuing CA's subject key identifier (bytes), for the AKI extension. */
  issuerKeyId?: Buffer;
  thisUpdate: Date;
  /** Default thisUpdate + 7 days. */
  nextUpdate?: Date;
  crlNumber: number;
  entries: CrlEntry[];
}

export interface BuiltCrl {
  der: Buffer;
  /** `-----BEGIN X509 CRL-----`. */
  pem: string;
  thisUpdate: Date;
  nextUpdate: Date;
}

function entryNode(entry: CrlEntry): Asn1 {
  const items = [integerFromHex(serialNumberContentHex(entry.serialNumber)), timeValue(wholeSeconds(entry.revocationDate))];
  if (entry.reason !== undefined && entry.reason !== 'Unspecified') {
    const reason = extensionNode({ oid: oid.crlReason, critical: false, value: enumeratedValue(revocationReasons[entry.reason]) });
    items.push(sequence([reason]));
  }
  return sequence(items);
}

export function buildCrl(template: CrlTemplate, signingKeyPem: string): BuiltCrl {
  const thisUpdate = wholeSeconds(template.thisUpdate);
  const nextUpdate = wholeSeconds(template.nextUpdate ?? addDays(thisUpdate, 7));
  if (nextUpdate.getTime() <= thisUpdate.getTime()) {
    throw new PkiError(`The CRL's next update ${nextUpdate.toISOString()} must be after its this-update time ${thisUpdate.toISOString()}.`, 'InvalidValidityPeriod', argumentException);
  }
  const extensions = [crlNumber(template.crlNumber)];
  if (template.issuerKeyId) extensions.unshift(authorityKeyIdentifier(template.issuerKeyId));
  const fields: Asn1[] = [
    integerValue(1),
    sha256WithRsaAlgorithm(),
    parseDer(template.issuerNameDer),
    timeValue(thisUpdate),
    timeValue(nextUpdate),
  ];
  if (template.entries.length > 0) fields.push(sequence(template.entries.map(entryNode)));
  fields.push(explicitTag(0, extensionsSequence(extensions)));
  const der = signSha256WithRsa(sequence(fields), signingKeyPem);
  return { der, pem: encodePem('X509 CRL', der), thisUpdate, nextUpdate };
}
