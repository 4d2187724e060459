// An array that can also be indexed by name: a Match's Groups (`$m.Groups['year']`),
// `.psobject.Properties['Name']`. It stays a real array, so pipelines enumerate it.

export class NamedCollection<T> extends Array<T> {
  // Array methods (map, filter, slice) produce plain arrays, not collections.
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  declare readonly keyOf: (item: T) => string;
  /** The .NET type name reported by GetType(). */
  declare readonly typeName: string;
  /** Methods the collection itself offers (`.psobject.Properties.Remove('x')`), by canonical name. */
  declare readonly methods: Record<string, (args: unknown[]) => unknown>;

  static create<T>(
    items: Iterable<T>,
    keyOf: (item: T) => string,
    typeName: string,
    methods: Record<string, (args: unknown[]) => unknown> = {},
  ): NamedCollection<T> {
    const c = new NamedCollection<T>();
    for (const item of items) c.push(item);
    Object.defineProperty(c, 'keyOf', { value: keyOf, enumerable: false });
    Object.defineProperty(c, 'typeName', { value: typeName, enumerable: false });
    Object.defineProperty(c, 'methods', { value: methods, enumerable: false });
    return c;
  }

  /** The item whose name matches, case-insensitively. */
  byName(name: string): T | undefined {
    const want = name.toLowerCase();
    return this.find((item) => this.keyOf(item).toLowerCase() === want);
  }
}
