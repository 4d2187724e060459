// The state of running code: session, scope, source (for error positions), streams and output sink;
// and the control-flow signals (break, continue, return, exit) that unwind through it.
import type { Span } from '../../../grammar/ast.ts';
import { ErrorRecord, PSException, TerminatingError, type ErrorCategory } from '../errors.ts';
import type { MaybePromise } from '../maybe-promise.ts';
import { isRuntimeExceptionType, RUNTIME_EXCEPTION } from '../runtime-error.ts';
import type { Scope } from '../scope.ts';
import type { SourceInfo } from '../scriptblock.ts';
import type { Session } from '../session.ts';
import type { Streams } from '../streams.ts';

export interface Frame {
  session: Session;
  scope: Scope;
  source: SourceInfo;
  streams: Streams;
  /** Where statement output goes. */
  out: (value: unknown) => MaybePromise<void>;
}

export type Compiled<T = unknown> = (f: Frame) => MaybePromise<T>;

export class BreakSignal {
  constructor(public readonly label?: string) {}
}
export class ContinueSignal {
  constructor(public readonly label?: string) {}
}
export class ReturnSignal {}
export class ExitSignal {
  constructor(public readonly code: number) {}
}

/** True when a break/continue with this label targets a loop labelled `loopLabel`. */
export function labelMatches(signalLabel: string | undefined, loopLabel: string | undefined): boolean {
  return signalLabel === undefined || (loopLabel !== undefined && signalLabel.toLowerCase() === loopLabel.toLowerCase());
}

/** Turns a runtime exception raised while evaluating `span` into a statement-terminating error. */
export function toTerminating(e: unknown, f: Frame, span: Span | undefined): unknown {
  if (e instanceof TerminatingError) return e;
  if (e instanceof PSException) {
    const x = e as PSException & { errorId?: string; category?: ErrorCategory };
    const record =
      e.errorRecord ??
      new ErrorRecord({
        exception: asRuntimeException(e),
        errorId: x.errorId ?? e.typeName.split('.').pop() ?? 'RuntimeException',
        category: x.category ?? 'NotSpecified',
        invocation: { source: f.source.text, scriptName: f.source.fileName, span },
      });
    record.invocation ??= { source: f.source.text, scriptName: f.source.fileName, span };
    return new TerminatingError(record);
  }
  return e;
}

/**
 * PowerShell reports a .NET exception raised by an expression (`[int]'x'`: PSInvalidCastException) as a
 * RuntimeException around it, keeping the inner one's ErrorId and category; `catch` matches either.
 */
function asRuntimeException(e: PSException): PSException {
  return isRuntimeExceptionType(e.typeName) ? e : new PSException(e.message, RUNTIME_EXCEPTION, e);
}

/** Wraps a compiled node so that runtime exceptions carry its position. */
export function positioned<T>(span: Span, fn: Compiled<T>): Compiled<T> {
  return (f) => {
    try {
      const r = fn(f);
      return r instanceof Promise ? positionedLater(f, span, r) : r;
    } catch (e) {
      throw toTerminating(e, f, span);
    }
  };
}

/** The asynchronous half of positioned(), apart so that the synchronous path allocates no context. */
export function positionedLater<T>(f: Frame, span: Span, pending: Promise<T>): Promise<T> {
  return pending.catch((e) => Promise.reject(toTerminating(e, f, span)));
}
