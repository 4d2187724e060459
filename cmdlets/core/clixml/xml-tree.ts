// A small XML reader for CLIXML: elements with attributes and text, self-closing tags, the five
// predefined entities and numeric character references; the declaration, comments and processing
// instructions are skipped. Enough for PowerShell's serialization format, not a general XML parser.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export class XmlSyntaxError extends Error {}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e]!;
  });
}

const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const ATTRIBUTE = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The document's root element. */
export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = text.slice(i, lt === -1 ? text.length : lt);
    if (chunk) stack[stack.length - 1]!.text += decodeEntities(chunk);
    if (lt === -1) break;
    if (text.startsWith('<?', lt) || text.startsWith('<!--', lt)) {
      const end = text.startsWith('<?', lt) ? text.indexOf('?>', lt) : text.indexOf('-->', lt);
      if (end === -1) throw new XmlSyntaxError('Unexpected end of file while parsing a comment or declaration.');
      i = end + (text.startsWith('<?', lt) ? 2 : 3);
      continue;
    }
    TAG.lastIndex = lt;
    const m = TAG.exec(text);
    if (!m) throw new XmlSyntaxError(`Data at the root level is invalid near position ${lt}.`);
    const [, closing, name, attributeText, selfClosing] = m;
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== name || stack.length === 0) throw new XmlSyntaxError(`The '${name}' end tag does not match its start tag.`);
    } else {
      const attributes: Record<string, string> = {};
      for (const a of attributeText!.matchAll(ATTRIBUTE)) attributes[a[1]!] = decodeEntities(a[2] ?? a[3] ?? '');
      const element: XmlElement = { name: name!, attributes, children: [], text: '' };
      stack[stack.length - 1]!.children.push(element);
      if (!selfClosing) stack.push(element);
    }
    i = TAG.lastIndex;
  }
  if (stack.length !== 1) throw new XmlSyntaxError(`Unexpected end of file: the '${stack[stack.length - 1]!.name}' element is not closed.`);
  const [top] = root.children;
  if (!top) throw new XmlSyntaxError('Root element is missing.');
  return top;
}
