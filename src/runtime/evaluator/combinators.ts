// Combining compiled nodes whose results may be pending, without creating Promises on the sync path.
//
// A rule for everything that runs per object or per loop iteration: the synchronous path must not
// mention a closure that captures the function's own parameters or locals. V8 allocates a function's
// context object on entry whenever an inner closure captures something, even when the closure is only
// created on the rare asynchronous branch; so continuations live in separate functions (`...Later`)
// that receive what they need as arguments.
import type { MaybePromise } from '../maybe-promise.ts';
import type { Compiled, Frame } from './frame.ts';

export function map1<A, R>(a: Compiled<A>, fn: (f: Frame, a: A) => MaybePromise<R>): Compiled<R> {
  return (f) => {
    const x = a(f);
    return x instanceof Promise ? map1Later(f, x, fn) : fn(f, x);
  };
}

function map1Later<A, R>(f: Frame, x: Promise<A>, fn: (f: Frame, a: A) => MaybePromise<R>): Promise<R> {
  return x.then((v) => fn(f, v));
}

export function map2<A, B, R>(a: Compiled<A>, b: Compiled<B>, fn: (f: Frame, a: A, b: B) => MaybePromise<R>): Compiled<R> {
  return (f) => {
    const x = a(f);
    if (x instanceof Promise) return map2LeftLater(f, x, b, fn);
    const y = b(f);
    return y instanceof Promise ? map2RightLater(f, x, y, fn) : fn(f, x, y);
  };
}

function map2LeftLater<A, B, R>(f: Frame, x: Promise<A>, b: Compiled<B>, fn: (f: Frame, a: A, b: B) => MaybePromise<R>): Promise<R> {
  return x.then((xv) => {
    const y = b(f);
    return y instanceof Promise ? map2RightLater(f, xv, y, fn) : fn(f, xv, y);
  });
}

function map2RightLater<A, B, R>(f: Frame, x: A, y: Promise<B>, fn: (f: Frame, a: A, b: B) => MaybePromise<R>): Promise<R> {
  return y.then((yv) => fn(f, x, yv));
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
      if (r instanceof Promise) return mapNLater(f, values, i, r, from);
      values[i] = r;
    }
    return fn(f, values);
  };
  return (f) => from(f, new Array(items.length), 0);
}

function mapNLater<R>(
  f: Frame,
  values: unknown[],
  at: number,
  pending: Promise<unknown>,
  from: (f: Frame, values: unknown[], i: number) => MaybePromise<R>,
): Promise<R> {
  return pending.then((v) => {
    values[at] = v;
    return from(f, values, at + 1);
  });
}

/** Runs compiled statements in order. */
export function sequenceOf(items: Compiled<void>[]): Compiled<void> {
  if (items.length === 1) return items[0];
  const from = (f: Frame, i: number): MaybePromise<void> => {
    for (; i < items.length; i++) {
      const r = items[i](f);
      if (r instanceof Promise) return sequenceLater(f, i + 1, r, from);
    }
    return undefined;
  };
  return (f) => from(f, 0);
}

function sequenceLater(f: Frame, next: number, pending: Promise<unknown>, from: (f: Frame, i: number) => MaybePromise<void>): Promise<void> {
  return pending.then(() => from(f, next));
}
