// `$input`: the pipeline input of a function, script or ForEach-Object block. PowerShell gives an
// enumerator; here it is an array (so the pipeline, `foreach` and `@()` take it as they take any
// collection) that also answers the enumerator's MoveNext(), Current and Reset().
import { registerMemberAdapter } from './member-adapters.ts';
import { AutomationNull } from './values.ts';

export class InputEnumerator extends Array<unknown> {
  /** -1 before the first MoveNext(). */
  position = -1;

  static holding(items: readonly unknown[]): InputEnumerator {
    const e = new InputEnumerator();
    for (const item of items) e.push(item);
    return e;
  }

  /** Makes it enumerate just `item` again (one enumerator reused for each object of a process block). */
  resetTo(item: unknown): void {
    this.length = 0;
    this.push(item);
    this.position = -1;
  }

  moveNext(): boolean {
    if (this.position < this.length) this.position++;
    return this.position < this.length;
  }

  get current(): unknown {
    return this.position >= 0 && this.position < this.length ? this[this.position] : null;
  }

  // Array methods (map, filter, slice) build their results with this constructor: keep those plain arrays.
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }
}

registerMemberAdapter({
  matches: (v) => v instanceof InputEnumerator,
  invokeMethod(v, name) {
    const e = v as InputEnumerator;
    switch (name.toLowerCase()) {
      case 'movenext':
        return { found: true, value: e.moveNext() };
      case 'reset':
        e.position = -1;
        return { found: true, value: AutomationNull };
      default:
        return { found: false };
    }
  },
});

/** The adapted `Current` property (arrays answer members from their own table first: scalar-properties.ts). */
export const inputEnumeratorProperties = [
  { name: 'Current', typeName: 'System.Object', get: (e: InputEnumerator) => e.current },
];
