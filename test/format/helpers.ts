// Small builders shared by the format tests.
import { EnumType, PSHashtable, PSObject } from '../../src/runtime/values.ts';

/** A [pscustomobject] with properties in the given order. */
export function obj(props: Record<string, unknown>, typeNames?: string[]): PSObject {
  return PSObject.from(props, typeNames);
}

/** An object of a named type (most derived first), as cmdlets emit. */
export function typed(typeName: string, props: Record<string, unknown>): PSObject {
  return PSObject.from(props, [typeName, 'System.Object']);
}

export function hashtable(entries: Record<string, unknown>): PSHashtable {
  const h = new PSHashtable();
  for (const [k, v] of Object.entries(entries)) h.set(k, v);
  return h;
}

export const DayOfWeek = new EnumType('MyDayOfWeek', { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 });

/** Joins lines with `\n`; each element is one output line. */
export function text(...lines: string[]): string {
  return lines.join('\n');
}
