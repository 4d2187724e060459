// The X.500 attribute types a subject name may use: the keywords Windows accepts in
// X500DistinguishedName strings, the short name it displays, and how each value is encoded.
import { oid } from './oids.ts';

export type ValueEncoding =
  /** PrintableString when every character allows it, else UTF8String. */
  | 'directory-string'
  /** PrintableString only (country codes, serial numbers). */
  | 'printable'
  /** IA5String (ASCII): e-mail addresses and domain components. */
  | 'ia5';

export interface NameAttributeType {
  oid: string;
  /** The short name Windows displays (`S` for state, `E` for e-mail). */
  display: string;
  /** Upper-case keywords accepted when parsing. */
  keywords: readonly string[];
  encoding: ValueEncoding;
}

export const nameAttributeTypes: readonly NameAttributeType[] = [
  { oid: oid.commonName, display: 'CN', keywords: ['CN'], encoding: 'directory-string' },
  { oid: oid.organizationalUnitName, display: 'OU', keywords: ['OU'], encoding: 'directory-string' },
  { oid: oid.organizationName, display: 'O', keywords: ['O'], encoding: 'directory-string' },
  { oid: oid.localityName, display: 'L', keywords: ['L'], encoding: 'directory-string' },
  { oid: oid.stateOrProvinceName, display: 'S', keywords: ['S', 'ST'], encoding: 'directory-string' },
  { oid: oid.countryName, display: 'C', keywords: ['C'], encoding: 'printable' },
  { oid: oid.emailAddress, display: 'E', keywords: ['E', 'EMAIL', 'EMAILADDRESS'], encoding: 'ia5' },
  { oid: oid.domainComponent, display: 'DC', keywords: ['DC'], encoding: 'ia5' },
  { oid: oid.streetAddress, display: 'STREET', keywords: ['STREET'], encoding: 'directory-string' },
  { oid: oid.serialNumber, display: 'SERIALNUMBER', keywords: ['SERIALNUMBER'], encoding: 'printable' },
  { oid: oid.title, display: 'T', keywords: ['T', 'TITLE'], encoding: 'directory-string' },
  { oid: oid.givenName, display: 'G', keywords: ['G', 'GN', 'GIVENNAME'], encoding: 'directory-string' },
  { oid: oid.surname, display: 'SN', keywords: ['SN', 'SURNAME'], encoding: 'directory-string' },
  { oid: oid.initials, display: 'I', keywords: ['I', 'INITIALS'], encoding: 'directory-string' },
  { oid: oid.postalCode, display: 'PostalCode', keywords: ['POSTALCODE'], encoding: 'directory-string' },
];

const byOid = new Map(nameAttributeTypes.map((type) => [type.oid, type]));
const byKeyword = new Map(nameAttributeTypes.flatMap((type) => type.keywords.map((k) => [k, type] as const)));

export function attributeTypeByOid(id: string): NameAttributeType | undefined {
  return byOid.get(id);
}

/** A keyword (`cn`, `St`), `OID.2.5.4.3` or a bare dotted OID; undefined when unknown. */
export function attributeOidForKeyword(keyword: string): string | undefined {
  const upper = keyword.trim().toUpperCase();
  const known = byKeyword.get(upper);
  if (known) return known.oid;
  const dotted = upper.startsWith('OID.') ? upper.slice(4) : upper;
  return /^[0-2](\.(0|[1-9]\d*))+$/.test(dotted) ? dotted : undefined;
}

/** The name Windows shows for an attribute: `CN`, `S`, `DC`, or `OID.1.2.3` for unknown types. */
export function displayKeyword(id: string): string {
  return byOid.get(id)?.display ?? `OID.${id}`;
}

export const supportedKeywordList = 'CN, O, OU, L, S (or ST), C, E, DC, STREET, SERIALNUMBER, T, G, SN, I, PostalCode';
