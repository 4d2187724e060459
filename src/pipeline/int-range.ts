// `1..1000000` as a pipeline or foreach source: counted on demand instead of built as an array, and
// recognised by the feeders (run-pipeline.ts, the foreach statement) so they loop over plain numbers
// without an iterator object per element.
export class IntRange implements Iterable<number> {
  readonly step: 1 | -1;

  constructor(
    readonly from: number,
    readonly to: number,
  ) {
    this.step = from <= to ? 1 : -1;
  }

  /** True while `i` has not passed the end of the range. */
  includes(i: number): boolean {
    return this.step === 1 ? i <= this.to : i >= this.to;
  }

  *[Symbol.iterator](): Iterator<number> {
    for (let i = this.from; this.includes(i); i += this.step) yield i;
  }
}
