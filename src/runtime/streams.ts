// The non-output streams of a running command. The host supplies the top-level sinks
// (formatting errors and prefixes); redirections (`2>&1`, `3> file`) wrap them.
import type { ErrorRecord } from './errors.ts';
import type { ProgressRecord } from './host-ui.ts';

export interface Streams {
  error(record: ErrorRecord): void;
  warning(message: string): void;
  verbose(message: string): void;
  debug(message: string): void;
  information(data: unknown): void;
  progress(record: ProgressRecord): void;
}

/** Streams that drop everything (for `*> $null`). */
export const nullStreams: Streams = {
  error() {},
  warning() {},
  verbose() {},
  debug() {},
  information() {},
  progress() {},
};
