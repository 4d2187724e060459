// Bounded buffering of what an SMTP peer sends: command lines with a length limit, DATA bodies
// with dot-unstuffing up to `<CRLF>.<CRLF>`, and raw BDAT chunks. Nothing is buffered without
// bound: an over-long command line is dropped up to its end; a body larger than the size limit
// is counted but not kept.

export type LineResult = { kind: 'line'; text: string } | { kind: 'too-long' } | undefined;

const LF = 0x0a;
const CR = 0x0d;
const DOT = 0x2e;

export class SmtpInputBuffer {
  private buffer: Buffer = Buffer.alloc(0);
  private skippingOverlongLine = false;

  push(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
  }

  get length(): number {
    return this.buffer.length;
  }

  /** Drops everything buffered (used after STARTTLS: pipelined plaintext must not reach the TLS session). */
  clear(): number {
    const dropped = this.buffer.length;
    this.buffer = Buffer.alloc(0);
    this.skippingOverlongLine = false;
    return dropped;
  }

  /** The next command line (CRLF or bare LF terminated), `too-long` once per over-long line, or undefined. */
  takeLine(maxLength: number): LineResult {
    const newline = this.buffer.indexOf(LF);
    if (this.skippingOverlongLine) {
      if (newline < 0) {
        this.buffer = Buffer.alloc(0);
        return undefined;
      }
      this.skippingOverlongLine = false;
      this.buffer = this.buffer.subarray(newline + 1);
      return this.takeLine(maxLength);
    }
    if (newline < 0) {
      if (this.buffer.length > maxLength) {
        this.buffer = Buffer.alloc(0);
        this.skippingOverlongLine = true;
        return { kind: 'too-long' };
      }
      return undefined;
    }
    const end = newline > 0 && this.buffer[newline - 1] === CR ? newline - 1 : newline;
    const line = this.buffer.subarray(0, end);
    this.buffer = this.buffer.subarray(newline + 1);
    if (line.length > maxLength) return { kind: 'too-long' };
    return { kind: 'line', text: line.toString('utf8') };
  }

  /** Up to `count` raw bytes (BDAT). */
  take(count: number): Buffer {
    const taken = this.buffer.subarray(0, count);
    this.buffer = this.buffer.subarray(taken.length);
    return taken;
  }

  /** Feeds buffered bytes to a DATA collector; true once the terminating `.` line was seen. */
  feedData(collector: DataCollector): boolean {
    const consumed = collector.consume(this.buffer);
    this.buffer = this.buffer.subarray(consumed);
    return collector.done;
  }
}

/**
 * Collects a message body: removes dot-stuffing, stops at `<CRLF>.<CRLF>` (a bare-LF `.` line does
 * not end the message, against SMTP smuggling), keeps at most `maxSize` bytes but counts them all.
 */
export class DataCollector {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  /** Bytes of the message (after unstuffing), whether kept or not. */
  size = 0;
  done = false;
  private atLineStart = true;
  private previousEndedWithCr = false;

  constructor(private readonly maxSize: number) {}

  get oversized(): boolean {
    return this.size > this.maxSize;
  }

  /** Appends raw bytes (BDAT chunks, no unstuffing). */
  append(bytes: Buffer): void {
    this.size += bytes.length;
    if (this.size <= this.maxSize) {
      this.chunks.push(bytes);
      this.kept += bytes.length;
    }
  }

  body(): Buffer {
    return Buffer.concat(this.chunks, this.kept);
  }

  /** Returns how many bytes of `input` were used; the rest must be offered again with more data. */
  consume(input: Buffer): number {
    let position = 0;
    let runStart = 0;
    const keepRun = (end: number): void => {
      if (end > runStart) this.append(Buffer.from(input.subarray(runStart, end)));
    };
    while (position < input.length) {
      if (this.atLineStart && input[position] === DOT) {
        const rest = input.subarray(position, position + 3);
        if (rest.length < 3 && isPrefixOfTerminator(rest)) {
          keepRun(position);
          return position; // wait for more
        }
        if (rest.length === 3 && rest[1] === CR && rest[2] === LF) {
          keepRun(position);
          this.done = true;
          return position + 3;
        }
        keepRun(position);
        runStart = position + 1; // drop the stuffed dot
      }
      const newline = input.indexOf(LF, position);
      if (newline < 0) {
        this.previousEndedWithCr = input[input.length - 1] === CR;
        this.atLineStart = false;
        position = input.length;
        break;
      }
      this.atLineStart = newline > position ? input[newline - 1] === CR : this.previousEndedWithCr;
      this.previousEndedWithCr = false;
      position = newline + 1;
    }
    keepRun(position);
    return position;
  }
}

function isPrefixOfTerminator(tail: Buffer): boolean {
  return (tail.length === 1 && tail[0] === DOT) || (tail.length === 2 && tail[0] === DOT && tail[1] === CR);
}
