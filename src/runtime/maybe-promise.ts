// The evaluator returns plain values on the synchronous fast path and Promises only when a step
// really waits (a cmdlet doing crypto or I/O). These helpers keep that contract without `await` on every step.

export type MaybePromise<T> = T | Promise<T>;

export function isPromise<T>(v: MaybePromise<T>): v is Promise<T> {
  return v instanceof Promise;
}

/** Applies `fn` to a value that may still be pending. */
export function then<T, R>(v: MaybePromise<T>, fn: (value: T) => MaybePromise<R>): MaybePromise<R> {
  return v instanceof Promise ? v.then(fn) : fn(v);
}

/** Runs `steps` in order, each possibly async. */
export function sequence(count: number, step: (i: number) => MaybePromise<void>, start = 0): MaybePromise<void> {
  for (let i = start; i < count; i++) {
    const r = step(i);
    if (r instanceof Promise) return r.then(() => sequence(count, step, i + 1));
  }
  return undefined;
}

/** Evaluates all thunks in order and collects their values. */
export function all<T>(thunks: readonly (() => MaybePromise<T>)[]): MaybePromise<T[]> {
  const out: T[] = new Array(thunks.length);
  const go = (i: number): MaybePromise<T[]> => {
    for (; i < thunks.length; i++) {
      const r = thunks[i]();
      if (r instanceof Promise) {
        const at = i;
        return r.then((v) => {
          out[at] = v;
          return go(at + 1);
        });
      }
      out[i] = r;
    }
    return out;
  };
  return go(0);
}

/** try/catch/finally over a possibly-async body. */
export function tryCatch<T>(
  body: () => MaybePromise<T>,
  onError: ((e: unknown) => MaybePromise<T>) | undefined,
  onFinally?: () => MaybePromise<void>,
): MaybePromise<T> {
  let result: MaybePromise<T>;
  try {
    result = body();
  } catch (e) {
    if (!onError) return finallyThenThrow(e, onFinally);
    try {
      result = onError(e);
    } catch (e2) {
      return finallyThenThrow(e2, onFinally);
    }
    return withFinally(result, onFinally);
  }
  if (result instanceof Promise) {
    return withFinally(onError ? result.catch(onError) : result, onFinally);
  }
  return withFinally(result, onFinally);
}

function finallyThenThrow<T>(error: unknown, onFinally?: () => MaybePromise<void>): MaybePromise<T> {
  const f = onFinally?.();
  if (f instanceof Promise) return f.then(() => Promise.reject(error));
  throw error;
}

function withFinally<T>(v: MaybePromise<T>, onFinally?: () => MaybePromise<void>): MaybePromise<T> {
  if (!onFinally) return v;
  if (v instanceof Promise) {
    return v.then(
      (value) => then(onFinally(), () => value),
      (err) => then(onFinally(), () => Promise.reject(err)),
    );
  }
  return then(onFinally(), () => v);
}
