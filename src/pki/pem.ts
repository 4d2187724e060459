// PEM armour: every `-----BEGIN X-----` block in a text, and writing blocks with the line ending and
// label a caller asks for (Exchange writes `NEW CERTIFICATE REQUEST` with Windows line endings).

export interface PemBlock {
  label: string;
  der: Buffer;
}

const blockPattern = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/g;

/** True when the bytes look like text holding at least one PEM block. */
export function looksLikePem(data: Buffer): boolean {
  return data.subarray(0, 8192).toString('latin1').includes('-----BEGIN ');
}

export function decodePemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const match of text.matchAll(blockPattern)) {
    const body = match[2]!;
    if (/^[A-Za-z-]+:/m.test(body)) continue; // encrypted PEM (Proc-Type/DEK-Info headers): not ours to read
    const base64 = body.replace(/\s+/g, '');
    blocks.push({ label: match[1]!, der: Buffer.from(base64, 'base64') });
  }
  return blocks;
}

export interface PemOptions {
  /** Characters per base64 line (default 64, as OpenSSL and CryptBinaryToString write). */
  lineLength?: number;
  lineEnding?: '\n' | '\r\n';
}

export function encodePem(label: string, der: Buffer, options: PemOptions = {}): string {
  const lineLength = options.lineLength ?? 64;
  const eol = options.lineEnding ?? '\n';
  const base64 = der.toString('base64');
  const lines: string[] = [];
  for (let index = 0; index < base64.length; index += lineLength) lines.push(base64.slice(index, index + lineLength));
  return `-----BEGIN ${label}-----${eol}${lines.join(eol)}${eol}-----END ${label}-----${eol}`;
}

/** Base64 text without PEM armour (as some CAs hand out certificates): the decoded bytes, or undefined. */
export function decodeBareBase64(data: Buffer): Buffer | undefined {
  const text = data.toString('latin1').trim();
  if (text.length < 16 || !/^[A-Za-z0-9+/=\s]+$/.test(text)) return undefined;
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 4 !== 0) return undefined;
  const decoded = Buffer.from(compact, 'base64');
  return decoded.length > 0 && decoded[0] === 0x30 ? decoded : undefined;
}
