// Combining compiled nodes whose results may be pending, without creating Promises on the sync path.
import type { MaybePromise } from '../maybe-promise.ts';
import type { Compiled, Frame } from './frame.ts';

export function map1<A, R>(a: Compiled<A>, fn: (f: Frame, a: A) => MaybePromise<R>): Compiled<R> {
  return (f) => {
    const x = a(f);
    return x instanceof Promise ? x.then((v) => fn(f, v)) : fn(f, x);
  };
}

export function map2<A, B, R>(a: Compiled<A>, b: Compiled<B>, fn: (f: Frame, a: A, b: B) => MaybePromise<R>): Compiled<R> {
  return (f) => {
    const x = a(f);
    if (x instanceof Promise) {
      return x.then((xv) => {
        const y = b(f);
        return y instanceof Promise ? y.then((yv) => fn(f, xv, yv)) : fn(f, xv, y);
      });
    }
    const y = b(f);
    return y instanceof Promise ? y.then((yv) => fn(f, x, yv)) : fn(f, x, y);
  };
}

export function mapN<R>(items: Compiled[], fn: (f: Frame, values: unknown[]) => MaybePromise<R>): Compiled<R> {
  if (items.length === 0) return (f) => fn(f, []);
  if (items.length === 1) {
    const [a] = items;
    return map1(a, (f, v) => fn(f, [v]));
  }
  const from = (f: Frame, values: unknown[], i: number): MaybePromise<R> => {
    for (; i < items.length; i++) {
      const r = items[i](f);
      if (r instanceof Promise) {
        const at = i;
        return r.then((v) => {
          values[at] = v;
          return from(f, values, at + 1);
        });
      }
      values[i] = r;
    }
    return fn(f, values);
  };
  return (f) => from(f, new Array(items.length), 0);
}

/** Runs compiled statements in order. */
export function sequenceOf(items: Compiled<void>[]): Compiled<void> {
  if (items.length === 1) return items[0];
  const from = (f: Frame, i: number): MaybePromise<void> => {
    for (; i < items.length; i++) {
      const r = items[i](f);
      if (r instanceof Promise) {
        const at = i;
        return r.then(() => from(f, at + 1));
      }
    }
    return undefined;
  };
  return (f) => from(f, 0);
}
