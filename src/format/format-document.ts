// One formatting "document": the run of objects shown in a single table, list, wide or custom layout,
// from its opening blank line to its closing one. Out-of-band text (strings, errors, objects the view
// does not apply to) passes through it so that it stays in order with rows still being auto-sized.
import type { PropertySpec } from './property-spec.ts';

export interface FormatDocument {
  /** The text written when the document opens (one blank line). */
  start(): string;
  /** False for objects a registered view does not cover: they are shown out of band. */
  accepts(obj: unknown): boolean;
  add(obj: unknown): string;
  passThrough(text: string): string;
  /** Releases rows held for auto-sizing (the auto-size window closed). */
  flush(): string;
  end(): string;
}

/** Implicit auto-size: rows arriving within `autosizeMs` of a table's first row size its columns. */
export interface Timing {
  now: () => number;
  autosizeMs: number;
}

/** Batch formatting (Format-Table, Out-String): every row takes part in auto-sizing. */
export const BATCH_TIMING: Timing = { now: () => 0, autosizeMs: Infinity };

/** The shape parameters of Format-Table, Format-List and Format-Wide. */
export interface ShapeParameters {
  properties?: PropertySpec[];
  autoSize?: boolean;
  wrap?: boolean;
  hideTableHeaders?: boolean;
  groupBy?: PropertySpec;
  /** Format-Wide's property and column count. */
  property?: PropertySpec;
  column?: number;
  /** -Force: format scalars and error records too instead of printing them as they are. */
  force?: boolean;
}
