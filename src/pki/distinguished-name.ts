// Distinguished names as Exchange takes and shows them. `-SubjectName` strings are written root
// first, the order the RDNs have in the DER (`DC=com,DC=Contoso,CN=mail1.contoso.com`, as in the
// walkthrough and in `c=US, o=Contoso, cn=mail.contoso.com`); Subject and Issuer are displayed the
// Windows way, most specific first (`CN=mail1.contoso.com, DC=Contoso, DC=com`, `S=WA`, `E=...`).
import { attributeOidForKeyword, attributeTypeByOid, displayKeyword, supportedKeywordList } from './name-attributes.ts';
import { argumentException, PkiError } from './pki-error.ts';
import { oid } from './oids.ts';

export interface NameAttribute {
  oid: string;
  value: string;
  /** The ASN.1 string type read from a certificate; chosen from the attribute type when absent. */
  tag?: number;
}

/** One RDN: usually a single attribute, several for a multi-valued RDN (`CN=a + O=b`). */
export type RelativeDistinguishedName = NameAttribute[];

/** RDNs in DER order (root first). */
export type DistinguishedName = RelativeDistinguishedName[];

function invalid(text: string, problem: string): PkiError {
  return new PkiError(
    `The subject name "${text}" is not valid: ${problem}. Write it as comma-separated attributes, for example "DC=com,DC=Contoso,CN=mail1.contoso.com".`,
    'InvalidSubjectName',
    argumentException,
  );
}

function checkValue(text: string, attributeOid: string, keyword: string, value: string): void {
  if (value.length === 0) throw invalid(text, `the ${keyword} attribute has no value`);
  if (attributeOid === oid.countryName && !/^[A-Za-z]{2}$/.test(value)) {
    throw invalid(text, `the country (C) value "${value}" must be a two-letter ISO 3166 code such as US`);
  }
  const encoding = attributeTypeByOid(attributeOid)?.encoding;
  if (encoding === 'ia5' && !/^[\x00-\x7f]*$/.test(value)) {
    throw invalid(text, `the ${keyword} value "${value}" must be ASCII`);
  }
}

/** Parses an X.500 string (Windows/Exchange style) into RDNs; the string's order is the DER order. */
export function parseSubjectName(text: string): DistinguishedName {
  const name: DistinguishedName = [];
  let rdn: RelativeDistinguishedName = [];
  let position = 0;
  const atEnd = () => position >= text.length;
  const skipSpaces = () => {
    while (!atEnd() && /\s/.test(text[position]!)) position++;
  };

  skipSpaces();
  if (atEnd()) throw invalid(text, 'it is empty');
  for (;;) {
    skipSpaces();
    const keyStart = position;
    while (!atEnd() && /[A-Za-z0-9.\-]/.test(text[position]!)) position++;
    const keyword = text.slice(keyStart, position);
    skipSpaces();
    if (keyword.length === 0) {
      throw invalid(text, atEnd() ? 'it ends with a separator' : `unexpected "${text[position]}" at position ${position + 1}`);
    }
    if (text[position] !== '=') throw invalid(text, `expected "=" after "${keyword}"`);
    position++;
    const attributeOid = attributeOidForKeyword(keyword);
    if (!attributeOid) {
      throw new PkiError(
        `The subject name "${text}" uses the attribute "${keyword}", which is not supported. Use ${supportedKeywordList}, or OID.n.n.n.`,
        'UnknownNameAttribute',
        argumentException,
      );
    }
    skipSpaces();
    let value: string;
    if (text[position] === '"') {
      position++;
      let collected = '';
      for (;;) {
        if (atEnd()) throw invalid(text, `the quoted value of ${keyword} has no closing quote`);
        const ch = text[position]!;
        if (ch === '"' && text[position + 1] === '"') {
          collected += '"';
          position += 2;
        } else if (ch === '"') {
          position++;
          break;
        } else if (ch === '\\' && position + 1 < text.length) {
          collected += text[position + 1];
          position += 2;
        } else {
          collected += ch;
          position++;
        }
      }
      value = collected;
      skipSpaces();
      if (!atEnd() && !',;+'.includes(text[position]!)) {
        throw invalid(text, `unexpected text after the quoted value of ${keyword}`);
      }
    } else {
      const bytes: number[] = [];
      let trailingSpaces = 0;
      while (!atEnd() && !',;+'.includes(text[position]!)) {
        const ch = text[position]!;
        if (ch === '\\') {
          const hex = text.slice(position + 1, position + 3);
          if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
            bytes.push(parseInt(hex, 16));
            position += 3;
          } else if (position + 1 < text.length) {
            bytes.push(...Buffer.from(text[position + 1]!, 'utf8'));
            position += 2;
          } else {
            throw invalid(text, 'it ends with a lone backslash');
          }
          trailingSpaces = 0;
        } else {
          bytes.push(...Buffer.from(ch, 'utf8'));
          trailingSpaces = /\s/.test(ch) ? trailingSpaces + 1 : 0;
          position++;
        }
      }
      value = Buffer.from(bytes.slice(0, bytes.length - trailingSpaces)).toString('utf8');
      if (value.startsWith('#')) throw invalid(text, `hexadecimal (#) values such as ${keyword}=${value} are not supported`);
    }
    checkValue(text, attributeOid, keyword, value);
    rdn.push({ oid: attributeOid, value });
    if (atEnd()) break;
    const separator = text[position]!;
    position++;
    if (separator !== '+') {
      name.push(rdn);
      rdn = [];
    }
    skipSpaces();
    if (atEnd()) throw invalid(text, 'it ends with a separator');
  }
  name.push(rdn);
  return name;
}

/** A value as Windows displays it: quoted (with `""` for `"`) when it holds a separator or edge spaces. */
export function quoteAttributeValue(value: string): string {
  return value === '' || /[,+="\n\r<>#;]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Windows display form: most specific RDN first, `, ` between RDNs, ` + ` inside one. */
export function formatDistinguishedName(name: DistinguishedName): string {
  return [...name]
    .reverse()
    .map((rdn) => rdn.map((attribute) => `${displayKeyword(attribute.oid)}=${quoteAttributeValue(attribute.value)}`).join(' + '))
    .join(', ');
}

/** Every value of one attribute type, in DER order. */
export function attributeValues(name: DistinguishedName, attributeOid: string): string[] {
  return name.flatMap((rdn) => rdn.filter((a) => a.oid === attributeOid).map((a) => a.value));
}

/** The most specific common name (the last CN in DER order), as Windows' simple name picks it. */
export function commonNameOf(name: DistinguishedName): string | undefined {
  return attributeValues(name, oid.commonName).at(-1);
}

/** A DistinguishedName from either an X.500 string or already-parsed RDNs. */
export function toDistinguishedName(subject: string | DistinguishedName): DistinguishedName {
  return typeof subject === 'string' ? parseSubjectName(subject) : subject;
}
