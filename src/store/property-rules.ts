// Table-driven property setting for the Set-* operations: each settable property has a rule that
// parses and validates the new value (given the current one). `applyChanges` applies a whole set of
// changes to a copy and reports which properties were specified; nothing is written here.
import { applyMultiValued, mapMultiValued, toMultiValuedUpdate } from './multi-valued.ts';
import { parseEnum, parseFlags } from './flags.ts';
import { parseByteSize, parseCount, parseTimeSpan } from './quantities.ts';
import type { ByteSize, RangeOptions, Unlimited } from './quantities.ts';
import { invalidValue, StoreError } from './store-error.ts';

export type PropertyRule<V> = (input: unknown, current: V, property: string) => V;
export type PropertyRules<T> = { readonly [K in keyof T]?: PropertyRule<T[K]> };

export interface AppliedChanges<T> {
  result: T;
  /** The properties present in the changes, in the order the caller gave them. */
  specified: string[];
}

export function applyChanges<T extends object>(current: T, changes: Readonly<Record<string, unknown>>, rules: PropertyRules<T>): AppliedChanges<T> {
  for (const name of Object.keys(changes)) {
    if (!Object.hasOwn(rules, name)) {
      throw new StoreError(`The property '${name}' can't be set here.`, 'PropertyNotSettable', 'InvalidArgument', {
        typeName: 'System.ArgumentException',
        targetObject: name,
      });
    }
  }
  const result = structuredClone(current) as Record<string, unknown>;
  for (const [name, rule] of Object.entries(rules) as [string, PropertyRule<unknown>][]) {
    if (Object.hasOwn(changes, name)) result[name] = rule(changes[name], result[name], name);
  }
  return { result: result as T, specified: Object.keys(changes) };
}

export const booleanRule: PropertyRule<boolean> = (input, _current, property) => {
  if (typeof input === 'boolean') return input;
  if (typeof input === 'string' && /^\s*\$?(true|false)\s*$/i.test(input)) return /true/i.test(input);
  throw invalidValue(`"${String(input)}" isn't a valid value for ${property}; use $true or $false.`, 'InvalidBoolean', input);
};

export function enumRule<E extends string>(values: readonly E[], typeName: string): PropertyRule<E> {
  return (input) => parseEnum(values, input, typeName);
}

/** A flag set; a plain value replaces the whole set (`-AuthMechanism TLS` drops ExchangeServer). */
export function flagsRule<E extends string>(values: readonly E[], typeName: string): PropertyRule<E[]> {
  return (input) => parseFlags(values, input, typeName);
}

export function textRule(options: { maxLength?: number; nullable?: boolean } = {}): PropertyRule<string | null> {
  return (input, _current, property) => {
    if ((input === null || input === undefined || input === '') && options.nullable) return null;
    if (typeof input !== 'string' || input.length === 0) {
      throw invalidValue(`${property} needs a value.`, 'InvalidText', input);
    }
    if (options.maxLength !== undefined && input.length > options.maxLength) {
      throw invalidValue(
        `The value of ${property} is too long: ${input.length} characters; the maximum is ${options.maxLength}.`,
        'TextTooLong',
        input,
      );
    }
    return input;
  };
}

/** Like textRule, but typed for properties that can't be null. */
export function requiredTextRule(options: { maxLength?: number } = {}): PropertyRule<string> {
  const rule = textRule(options);
  return (input, current, property) => rule(input, current, property) as string;
}

export function byteSizeRule(options: RangeOptions = {}): PropertyRule<ByteSize> {
  return (input, _current, property) => parseByteSize(input, property, options);
}

export function countRule(options: RangeOptions = {}): PropertyRule<number> {
  return (input, _current, property) => parseCount(input, property, { ...options, unlimited: false }) as number;
}

export function unlimitedCountRule(options: RangeOptions = {}): PropertyRule<Unlimited<number>> {
  return (input, _current, property) => parseCount(input, property, { ...options, unlimited: true });
}

export function timeSpanRule(options: { minSeconds?: number; maxSeconds?: number } = {}): PropertyRule<string> {
  return (input, _current, property) => parseTimeSpan(input, property, options);
}

/** A value parsed by `parse`, or null when allowed and given null / empty. */
export function parsedRule<V>(parse: (input: unknown) => V, options: { nullable?: boolean } = {}): PropertyRule<V | null> {
  return (input) => ((input === null || input === undefined || input === '') && options.nullable ? null : parse(input));
}

export interface MultiValuedRuleOptions {
  /** Duplicate/removal key of a parsed value; default case-insensitive text. */
  key?: (value: string) => string;
  /** Exchange's collection limit (256 for the TLS domain lists). */
  maxCount?: number;
  /** Whether the list may end up empty. */
  required?: boolean;
}

/** A multi-valued property of strings: each value is parsed to canonical text; replace or Add/Remove. */
export function multiValuedRule(parse: (input: unknown) => string, options: MultiValuedRuleOptions = {}): PropertyRule<string[]> {
  return (input, current, property) => {
    const update = mapMultiValued(toMultiValuedUpdate(input), parse);
    const next = applyMultiValued(current, update, options.key ? { key: options.key } : {});
    if (options.maxCount !== undefined && next.length > options.maxCount) {
      throw invalidValue(
        `${property} has too many items: allowed maximum count is ${options.maxCount}, actual count is ${next.length}.`,
        'ExceededMaximumCollectionCount',
        input,
      );
    }
    if (options.required && next.length === 0) {
      throw invalidValue(`${property} needs at least one value.`, 'EmptyMultiValuedProperty', input);
    }
    return next;
  };
}
