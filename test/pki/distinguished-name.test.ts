import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDistinguishedName, parseSubjectName, commonNameOf } from '../../src/pki/distinguished-name.ts';
import { decodeName, encodeName, encodeNameDer } from '../../src/pki/name-der.ts';
import { Asn1Type, parseDer } from '../../src/pki/asn1.ts';
import { errorWithId } from './helpers/errors.ts';

const DC = '0.9.2342.19200300.100.1.25';
const CN = '2.5.4.3';

describe('parseSubjectName', () => {
  it('keeps the walkthrough subject in the order written (DER order)', () => {
    const name = parseSubjectName('DC=com,DC=Contoso,CN=mail1.contoso.com');
    assert.deepEqual(name, [[{ oid: DC, value: 'com' }], [{ oid: DC, value: 'Contoso' }], [{ oid: CN, value: 'mail1.contoso.com' }]]);
  });

  it('accepts lower-case keywords and spaces after commas', () => {
    const name = parseSubjectName('c=US, o=Contoso, cn=mail.contoso.com');
    assert.deepEqual(name.map((rdn) => rdn[0]!.oid), ['2.5.4.6', '2.5.4.10', CN]);
    assert.equal(commonNameOf(name), 'mail.contoso.com');
  });

  it('reads quoted values with commas and doubled quotes', () => {
    const name = parseSubjectName('O="Contoso, Ltd", OU="The ""Mail"" team", CN=x.contoso.com');
    assert.equal(name[0]![0]!.value, 'Contoso, Ltd');
    assert.equal(name[1]![0]!.value, 'The "Mail" team');
  });

  it('reads backslash-escaped commas and hex escapes', () => {
    const name = parseSubjectName('O=Contoso\\, Ltd,CN=caf\\C3\\A9.example');
    assert.equal(name[0]![0]!.value, 'Contoso, Ltd');
    assert.equal(name[1]![0]!.value, 'café.example');
  });

  it('accepts semicolons as separators, S and ST, E, and OID forms', () => {
    const name = parseSubjectName('C=US; ST=WA; L=Redmond; E=admin@contoso.com; OID.2.5.4.11=Mail; 2.5.4.3=a.contoso.com');
    assert.deepEqual(name.map((rdn) => rdn[0]!.oid), ['2.5.4.6', '2.5.4.8', '2.5.4.7', '1.2.840.113549.1.9.1', '2.5.4.11', CN]);
  });

  it('groups + into one multi-valued RDN', () => {
    const name = parseSubjectName('O=Contoso,CN=a.contoso.com+OU=Mail');
    assert.equal(name.length, 2);
    assert.equal(name[1]!.length, 2);
  });

  it('rejects unknown attributes with their name', () => {
    assert.throws(() => parseSubjectName('XX=1,CN=a'), errorWithId('UnknownNameAttribute', /"XX"/));
  });

  it('rejects malformed strings with the reason', () => {
    assert.throws(() => parseSubjectName(''), errorWithId('InvalidSubjectName', /empty/));
    assert.throws(() => parseSubjectName('CN'), errorWithId('InvalidSubjectName', /expected "="/));
    assert.throws(() => parseSubjectName('CN=a,'), errorWithId('InvalidSubjectName', /ends with a separator/));
    assert.throws(() => parseSubjectName('CN="abc'), errorWithId('InvalidSubjectName', /no closing quote/));
    assert.throws(() => parseSubjectName('CN="a"b'), errorWithId('InvalidSubjectName', /unexpected text/));
    assert.throws(() => parseSubjectName('C=USA,CN=a'), errorWithId('InvalidSubjectName', /two-letter/));
    assert.throws(() => parseSubjectName('CN=,O=x'), errorWithId('InvalidSubjectName', /no value/));
    assert.throws(() => parseSubjectName('DC=cöm,CN=a'), errorWithId('InvalidSubjectName', /ASCII/));
  });

  it('throws a PSException typed as an ArgumentException', () => {
    try {
      parseSubjectName('CN');
      assert.fail('expected an error');
    } catch (error) {
      assert.equal((error as { typeName: string }).typeName, 'System.ArgumentException');
    }
  });
});

describe('formatDistinguishedName', () => {
  it('shows the most specific RDN first, as Windows does', () => {
    assert.equal(formatDistinguishedName(parseSubjectName('DC=com,DC=Contoso,CN=mail1.contoso.com')), 'CN=mail1.contoso.com, DC=Contoso, DC=com');
  });

  it('uses S for state, E for e-mail, quotes special values, OID.n for unknown types', () => {
    const name = parseSubjectName('C=US,ST=WA,E=a@contoso.com,O="Contoso, Ltd",2.5.4.97=VATUS-1,CN=x');
    assert.equal(formatDistinguishedName(name), 'CN=x, OID.2.5.4.97=VATUS-1, O="Contoso, Ltd", E=a@contoso.com, S=WA, C=US');
  });

  it('joins multi-valued RDNs with +', () => {
    assert.equal(formatDistinguishedName(parseSubjectName('O=Contoso,CN=a+OU=b')), 'CN=a + OU=b, O=Contoso');
  });
});

describe('name DER', () => {
  it('encodes DC as IA5String, C as PrintableString, non-printable values as UTF8String', () => {
    const name = encodeName(parseSubjectName('DC=com,C=US,O=Contoso & Co,CN=caf\\C3\\A9'));
    const decoded = decodeName(name);
    assert.deepEqual(decoded.map((rdn) => rdn[0]!.tag), [Asn1Type.IA5STRING, Asn1Type.PRINTABLESTRING, Asn1Type.UTF8, Asn1Type.UTF8]);
    assert.equal(decoded[3]![0]!.value, 'café');
  });

  it('round-trips byte for byte through decode and encode', () => {
    const der = encodeNameDer(parseSubjectName('DC=com,DC=Contoso,O=Contoso\\, Ltd,CN=mail1.contoso.com+OU=Edge'));
    assert.deepEqual(encodeNameDer(decodeName(parseDer(der))), der);
  });
});
