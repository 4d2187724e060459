// Reading a message body off the session input after DATA or BDAT. DATA: dot-stuffed text up to the
// lone `.` line (DataCollector). BDAT (RFC 3030): exactly the announced number of bytes, the last
// chunk marked LAST; a chunk refused for being out of sequence is still read, and thrown away, so
// the session stays in step with the client.
import type { DataCollector, SmtpInputBuffer } from './smtp-input-buffer.ts';

export interface BdatChunk {
  size: number;
  last: boolean;
}

/** `BDAT <size> [LAST]`. */
export function parseBdatArgument(argument: string): BdatChunk | undefined {
  const match = /^(\d{1,15})(?: +(LAST))? *$/i.exec(argument);
  return match ? { size: Number(match[1]), last: match[2] !== undefined } : undefined;
}

export class SmtpBodyReader {
  private reading: 'data' | 'bdat' = 'data';
  private target: DataCollector | undefined;
  private remaining = 0;
  /** The chunk read last was kept and marked LAST: the message is complete. */
  lastChunk = false;

  readData(collector: DataCollector): void {
    this.reading = 'data';
    this.target = collector;
  }

  /** Reads a BDAT chunk into `collector`, or throws it away when there is none. */
  readChunk(chunk: BdatChunk, collector: DataCollector | undefined): void {
    this.reading = 'bdat';
    this.target = collector;
    this.remaining = chunk.size;
    this.lastChunk = chunk.last && collector !== undefined;
  }

  /** Consumes buffered input; says what is complete, or undefined while more input is needed. */
  read(input: SmtpInputBuffer): 'message' | 'chunk' | undefined {
    if (this.reading === 'data') return input.feedData(this.target!) ? 'message' : undefined;
    const bytes = input.take(this.remaining);
    if (bytes.length > 0) this.target?.append(bytes);
    this.remaining -= bytes.length;
    return this.remaining > 0 ? undefined : 'chunk';
  }
}
