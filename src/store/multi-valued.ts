// Exchange's multi-valued properties (TLSSendDomainSecureList, AddressSpaces, Bindings, ...).
//
// As the walkthrough warns, a plain value **replaces the whole list**:
//   Set-TransportConfig -TLSSendDomainSecureList woodgrovebank.com        -> ['woodgrovebank.com']
// Exchange 2010's `@{Add=...; Remove=...}` changes entries without touching the others:
//   Set-TransportConfig -TLSSendDomainSecureList @{Add='fabrikam.com'}    -> [..., 'fabrikam.com']
// Values are compared by a key (case-insensitive text by default) and never duplicated.
import { StoreError } from './store-error.ts';

export interface AddRemove<T> {
  readonly add?: readonly T[];
  readonly remove?: readonly T[];
}

/** A full replacement list, or entries to add and remove. */
export type MultiValuedUpdate<T> = readonly T[] | AddRemove<T>;

export interface MultiValuedOptions<T> {
  /** Identity of a value for duplicates and removal; default: case-insensitive text. */
  key?: (value: T) => string;
}

export function isAddRemove<T>(update: MultiValuedUpdate<T>): update is AddRemove<T> {
  return !Array.isArray(update);
}

/** The list after the update: removals first, then additions appended; duplicates dropped. */
export function applyMultiValued<T>(current: readonly T[], update: MultiValuedUpdate<T>, options: MultiValuedOptions<T> = {}): T[] {
  const key = options.key ?? ((value: T) => String(value).toLowerCase());
  if (!isAddRemove(update)) return dedupe(update, key);
  const removed = new Set((update.remove ?? []).map(key));
  const kept = current.filter((value) => !removed.has(key(value)));
  return dedupe([...kept, ...(update.add ?? [])], key);
}

/** Converts each value of an update (parsing and validating it) and keeps its shape. */
export function mapMultiValued<T, U>(update: MultiValuedUpdate<T>, convert: (value: T) => U): MultiValuedUpdate<U> {
  if (!isAddRemove(update)) return update.map(convert);
  return {
    ...(update.add ? { add: update.add.map(convert) } : {}),
    ...(update.remove ? { remove: update.remove.map(convert) } : {}),
  };
}

/**
 * Reads what a cmdlet parameter received: `$null` (clear), one value, an array, or a hashtable /
 * Map / object with the keys Add and Remove (any case), each one value or an array.
 */
export function toMultiValuedUpdate(input: unknown): MultiValuedUpdate<unknown> {
  if (input === null || input === undefined) return [];
  if (Array.isArray(input)) return input;
  const entries = input instanceof Map ? [...input.entries()] : isPlainObject(input) ? Object.entries(input) : undefined;
  if (!entries) return [input];
  const update: { add?: unknown[]; remove?: unknown[] } = {};
  for (const [name, value] of entries) {
    const list = value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
    const lower = String(name).toLowerCase();
    if (lower === 'add') update.add = list;
    else if (lower === 'remove') update.remove = list;
    else {
      throw new StoreError(
        `A multi-valued property update takes the keys Add and Remove only, not '${String(name)}'; for example @{Add="contoso.com"; Remove="fabrikam.com"}.`,
        'InvalidMultiValuedUpdate',
        'InvalidArgument',
        { typeName: 'System.ArgumentException', targetObject: input },
      );
    }
  }
  return update;
}

function dedupe<T>(values: readonly T[], key: (value: T) => string): T[] {
  const seen = new Set<string>();
  const result: T[] = [];
  for (const value of values) {
    const k = key(value);
    if (seen.has(k)) continue;
    seen.add(k);
    result.push(value);
  }
  return result;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
