// Distinguished names <-> ASN.1 `Name` (SEQUENCE OF SET OF AttributeTypeAndValue), with the string
// types Windows and OpenSSL use: PrintableString where it fits, else UTF8String; IA5String for DC/E.
import forge from 'node-forge';
import { type Asn1, Asn1Class, Asn1ShapeError, Asn1Type, childrenOf, encodeDer, objectId, readObjectId, sequence, setOf, stringValue } from './asn1.ts';
import type { DistinguishedName, NameAttribute } from './distinguished-name.ts';
import { attributeTypeByOid } from './name-attributes.ts';

const printable = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

function valueTag(attribute: NameAttribute): forge.asn1.Type {
  if (attribute.tag !== undefined) return attribute.tag as forge.asn1.Type;
  const encoding = attributeTypeByOid(attribute.oid)?.encoding ?? 'directory-string';
  if (encoding === 'ia5') return Asn1Type.IA5STRING;
  if (encoding === 'printable' || printable.test(attribute.value)) return Asn1Type.PRINTABLESTRING;
  return Asn1Type.UTF8;
}

function encodeValue(tag: forge.asn1.Type, value: string): Asn1 {
  if (tag === Asn1Type.BMPSTRING) {
    const bytes = Buffer.from(value, 'utf16le').swap16();
    return forge.asn1.create(Asn1Class.UNIVERSAL, tag, false, bytes.toString('latin1'));
  }
  return stringValue(tag, value);
}

export function encodeName(name: DistinguishedName): Asn1 {
  return sequence(
    name.map((rdn) => {
      const entries = rdn.map((attribute) =>
        sequence([objectId(attribute.oid), encodeValue(valueTag(attribute), attribute.value)]),
      );
      // DER orders the members of a SET by their encodings.
      const sorted = entries
        .map((entry) => ({ entry, der: encodeDer(entry) }))
        .sort((a, b) => Buffer.compare(a.der, b.der))
        .map(({ entry }) => entry);
      return setOf(sorted);
    }),
  );
}

export function encodeNameDer(name: DistinguishedName): Buffer {
  return encodeDer(encodeName(name));
}

function decodeValue(node: Asn1): string {
  if (typeof node.value !== 'string') throw new Asn1ShapeError('a name attribute value is constructed');
  const bytes = Buffer.from(node.value, 'latin1');
  switch (node.type as number) {
    case Asn1Type.UTF8:
      return bytes.toString('utf8');
    case Asn1Type.BMPSTRING:
      return Buffer.from(bytes).swap16().toString('utf16le');
    case 28: {
      // UniversalString: UTF-32BE
      let text = '';
      for (let index = 0; index + 3 < bytes.length; index += 4) text += String.fromCodePoint(bytes.readUInt32BE(index));
      return text;
    }
    default:
      return bytes.toString('latin1');
  }
}

export function decodeName(node: Asn1 | undefined): DistinguishedName {
  return childrenOf(node, 'Name').map((set) =>
    childrenOf(set, 'RelativeDistinguishedName').map((pair) => {
      const [type, value] = childrenOf(pair, 'AttributeTypeAndValue');
      if (!value) throw new Asn1ShapeError('a name attribute has no value');
      return { oid: readObjectId(type, 'attribute type'), value: decodeValue(value), tag: value.type };
    }),
  );
}
