// RFC 5322 header blocks: split a message into headers and body, read, remove and prepend fields
// without disturbing the body bytes. Header text is handled as latin1 so 8-bit bytes round-trip.

export interface HeaderField {
  /** As written (case preserved). */
  name: string;
  /** Unfolded value, leading space trimmed. */
  value: string;
  /** Original lines including folding, without the final CRLF. */
  raw: string;
}

export interface SplitMessage {
  headers: HeaderField[];
  body: Buffer;
}

export function splitMessage(message: Buffer): SplitMessage {
  let headerEnd = message.indexOf('\r\n\r\n');
  let separatorLength = 4;
  const bareEnd = message.indexOf('\n\n');
  if (bareEnd >= 0 && (headerEnd < 0 || bareEnd < headerEnd)) {
    headerEnd = bareEnd;
    separatorLength = 2;
  }
  if (headerEnd < 0) {
    // Either headers only, or no header block at all (body starts with a non-header line).
    const text = message.toString('latin1');
    const headers = parseHeaderBlock(text);
    if (headers.length > 0 && /^[!-9;-~]+:/.test(text)) return { headers, body: Buffer.alloc(0) };
    return { headers: [], body: message };
  }
  const headerText = message.subarray(0, headerEnd).toString('latin1');
  if (!/^[!-9;-~]+:/.test(headerText)) return { headers: [], body: message };
  return { headers: parseHeaderBlock(headerText), body: message.subarray(headerEnd + separatorLength) };
}

export function parseHeaderBlock(text: string): HeaderField[] {
  const fields: HeaderField[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line === '') continue;
    const last = fields[fields.length - 1];
    if ((line.startsWith(' ') || line.startsWith('\t')) && last) {
      last.raw += `\r\n${line}`;
      last.value += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue; // not a header line: dropped
    fields.push({ name: line.slice(0, colon), value: line.slice(colon + 1).trim(), raw: line });
  }
  return fields;
}

export function headerValue(headers: readonly HeaderField[], name: string): string | undefined {
  const wanted = name.toLowerCase();
  return headers.find((field) => field.name.toLowerCase() === wanted)?.value;
}

/** Drops fields whose name starts with `prefix` (case-insensitive). */
export function withoutHeaderPrefix(headers: readonly HeaderField[], prefix: string): HeaderField[] {
  const lower = prefix.toLowerCase();
  return headers.filter((field) => !field.name.toLowerCase().startsWith(lower));
}

export function headerLine(name: string, value: string): HeaderField {
  return { name, value, raw: `${name}: ${value}` };
}

/** Serialises headers + body with CRLF line ends. */
export function joinMessage(headers: readonly HeaderField[], body: Buffer): Buffer {
  const headerText = headers.map((field) => `${field.raw}\r\n`).join('');
  return Buffer.concat([Buffer.from(`${headerText}\r\n`, 'latin1'), body]);
}

/** Folds a long structured value at spaces (RFC 5322 section 2.2.3), keeping lines under ~78 chars. */
export function foldHeader(name: string, value: string): HeaderField {
  const words = value.split(' ');
  const lines: string[] = [];
  let current = `${name}:`;
  for (const word of words) {
    if (current.length + 1 + word.length > 78 && current.trim() !== `${name}:`) {
      lines.push(current);
      current = `\t${word}`;
    } else {
      current += ` ${word}`;
    }
  }
  lines.push(current);
  return { name, value, raw: lines.join('\r\n') };
}
