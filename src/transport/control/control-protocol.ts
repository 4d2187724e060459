// The wire format of the transport's local control endpoint: one JSON object a line in each
// direction. A request is `{ "id": 7, "verb": "getQueues", "args": {...} }`; its reply carries the
// same id and either `"ok": true, "result": ...` or `"ok": false, "error": { name, message }`.
// Dates travel as ISO strings (the client revives the fields it knows). Anything that is not such
// a request gets an error reply, never an exception in the service.

/** Longest request line accepted (a Send-MailMessage body travels in one line). */
export const MAX_LINE_BYTES = 8 * 1024 * 1024;

export interface ControlRequest {
  id: number | string | null;
  verb: string;
  args: Record<string, unknown>;
}

export interface WireError {
  /** `RangeError` for "couldn't be found", `ProtocolError` for bad input, else the error's name. */
  name: string;
  message: string;
}

export type ControlReply = { id: ControlRequest['id']; ok: true; result: unknown } | { id: ControlRequest['id']; ok: false; error: WireError };

export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

/** Parses one request line; throws ProtocolError naming what is wrong. */
export function parseRequest(line: string): ControlRequest {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new ProtocolError('The control request is not valid JSON; send one JSON object per line.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ProtocolError('The control request must be a JSON object with "verb" and "args".');
  const record = value as Record<string, unknown>;
  const id = typeof record.id === 'number' || typeof record.id === 'string' ? record.id : null;
  if (typeof record.verb !== 'string' || record.verb === '') throw new ProtocolError('The control request has no "verb".');
  const args = record.args ?? {};
  if (typeof args !== 'object' || args === null || Array.isArray(args)) throw new ProtocolError(`The "args" of control request '${record.verb}' must be a JSON object.`);
  return { id, verb: record.verb, args: args as Record<string, unknown> };
}

/** The id of a line that failed to parse, when it can still be read, so the reply can carry it. */
export function idOfLine(line: string): ControlRequest['id'] {
  try {
    const value = JSON.parse(line) as { id?: unknown };
    return typeof value?.id === 'number' || typeof value?.id === 'string' ? value.id : null;
  } catch {
    return null;
  }
}

export function toWireError(error: unknown): WireError {
  if (error instanceof Error) return { name: error.name || 'Error', message: error.message };
  return { name: 'Error', message: String(error) };
}

/** Rebuilds an error of the same kind, so a cmdlet handles a remote failure like a local one. */
export function fromWireError(error: WireError): Error {
  const rebuilt = error.name === 'RangeError' ? new RangeError(error.message) : error.name === 'TypeError' ? new TypeError(error.message) : new Error(error.message);
  if (rebuilt.name !== error.name) rebuilt.name = error.name;
  return rebuilt;
}

export function encodeLine(message: ControlRequest | ControlReply): string {
  return `${JSON.stringify(message)}\n`;
}

/**
 * Splits a byte stream into lines. `push` returns complete lines; once a line grows past `maxBytes`
 * without a newline it reports `overflow` (the caller replies and hangs up: no resynchronising).
 */
export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(private readonly maxBytes = MAX_LINE_BYTES) {}

  push(chunk: Buffer): { lines: string[]; overflow: boolean } {
    const lines: string[] = [];
    let start = 0;
    for (let newline = chunk.indexOf(0x0a); newline !== -1; newline = chunk.indexOf(0x0a, start)) {
      const piece = chunk.subarray(start, newline);
      if (this.pendingBytes + piece.length > this.maxBytes) return { lines, overflow: true };
      lines.push(Buffer.concat([...this.pending, piece]).toString('utf8').replace(/\r$/, ''));
      this.pending = [];
      this.pendingBytes = 0;
      start = newline + 1;
    }
    const rest = chunk.subarray(start);
    if (this.pendingBytes + rest.length > this.maxBytes) return { lines, overflow: true };
    if (rest.length > 0) {
      this.pending.push(Buffer.from(rest));
      this.pendingBytes += rest.length;
    }
    return { lines, overflow: false };
  }
}
