// Out-Default and Out-String: each object shown by its registered view, else scalars as strings and
// other objects as a table (at most four visible properties) or a list (five or more); consecutive
// objects share the first one's table. OutDefaultWriter streams: push objects as they come and print
// the text it returns; table rows are held back at most 300 ms to size the columns, as PowerShell does.
import type { FormatOptions } from './options.ts';
import { resolveSettings } from './options.ts';
import { BATCH_TIMING } from './format-document.ts';
import type { Timing } from './format-document.ts';
import { FormatPipeline } from './format-pipeline.ts';

/** Implicit auto-size window (BaseOutputtingCommand: 300 ms). */
export const AUTOSIZE_WINDOW_MS = 300;

/** All objects at once (Out-String): every table row takes part in sizing the columns. */
export function formatDefault(objects: readonly unknown[], opts: FormatOptions): string {
  const pipeline = new FormatPipeline('default', {}, resolveSettings(opts), BATCH_TIMING);
  let out = '';
  for (const obj of objects) out += pipeline.write(obj);
  return out + pipeline.end();
}

export interface OutDefaultTiming {
  /** Milliseconds clock; default Date.now (tests inject their own). */
  now?: () => number;
  /** Auto-size window; default 300 ms; Infinity holds every row until end(). */
  autosizeMs?: number;
}

export class OutDefaultWriter {
  private readonly pipeline: FormatPipeline;

  constructor(opts: FormatOptions, timing: OutDefaultTiming = {}) {
    const t: Timing = { now: timing.now ?? Date.now, autosizeMs: timing.autosizeMs ?? AUTOSIZE_WINDOW_MS };
    this.pipeline = new FormatPipeline('default', {}, resolveSettings(opts), t);
  }

  /** Formats one object; returns what can be printed now (possibly ''). */
  write(obj: unknown): string {
    return this.pipeline.write(obj);
  }

  /** Prints rows held for auto-sizing now (call when the pipeline has been idle past the window). */
  flushPending(): string {
    return this.pipeline.flush();
  }

  /** Ends the output: the rest of the text, with the closing blank lines. */
  end(): string {
    return this.pipeline.end();
  }
}
