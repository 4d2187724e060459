// A script block used as a condition, once per pipeline object (Where-Object's -FilterScript): true when
// its output, converted to a boolean as PowerShell converts a command's output, is true: nothing is false,
// one object is its own truth, several are true. A block that is one expression is run for its value,
// not written object by object.
import { toBool } from '../runtime/conversion.ts';
import type { MaybePromise } from '../runtime/maybe-promise.ts';
import { AutomationNull, isEnumerable } from '../runtime/values.ts';
import type { PreparedBlock } from './cmdlet-processor.ts';

export type Condition = (dollarUnder: unknown) => MaybePromise<boolean>;

/** `prepare` makes the block ready with the given output; the condition is built on what it returns. */
export function prepareCondition(prepare: (out: (value: unknown) => void) => PreparedBlock): Condition {
  let count = 0;
  let first: unknown;
  const prepared = prepare((v) => {
    if (count++ === 0) first = v;
  });
  const valueRun = prepared.valueRun?.();
  if (valueRun) {
    return (dollarUnder) => {
      const v = valueRun(dollarUnder);
      if (typeof v === 'boolean') return v; // the usual comparison
      return v instanceof Promise ? v.then(truthOfValue) : truthOfValue(v);
    };
  }
  const decide = (): boolean => count > 1 || (count === 1 && toBool(first));
  return (dollarUnder) => {
    count = 0;
    first = undefined;
    const r = prepared.run(dollarUnder);
    return r instanceof Promise ? r.then(decide) : decide();
  };
}

/** The truth of what writing `value` as a statement's output would write (arrays enumerated). */
function truthOfValue(value: unknown): boolean {
  if (value === AutomationNull || value === undefined) return false;
  if (!isEnumerable(value)) return toBool(value);
  const items = Array.isArray(value) ? value : Array.from(value);
  return items.length > 1 || (items.length === 1 && toBool(items[0]));
}
