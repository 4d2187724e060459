// Compiles statements. A statement-terminating error (a cmdlet's terminating error, a runtime exception)
// is reported and execution goes on with the next statement, unless a try/trap is active or
// $ErrorActionPreference is Stop; `throw` and -ErrorAction Stop end the script.
import type { ExpressionAst, FunctionDefinitionAst, IfAst, StatementAst, StatementBlockAst, TrapAst, TryAst } from '../../../grammar/ast.ts';
import { toBool } from '../conversion.ts';
import { ErrorRecord, PSException, TerminatingError } from '../errors.ts';
import { then, tryCatch, type MaybePromise } from '../maybe-promise.ts';
import { ScriptBlock } from '../scriptblock.ts';
import { toPSString } from '../to-string.ts';
import { AutomationNull } from '../values.ts';
import { compileAssignment } from './assignment.ts';
import { sequenceOf } from './combinators.ts';
import { compileLoop } from './compile-loops.ts';
import { compilePipeline } from './compile-pipeline.ts';
import { BreakSignal, ContinueSignal, ExitSignal, ReturnSignal, toTerminating, type Compiled, type Frame } from './frame.ts';
import { captureOutput, compileStatementValue, collectValue, writeEnumerated, writtenExpression } from './statement-value.ts';
import { compileExpression, compileExpressionKeepingNothing } from './compile-expression.ts';
import { tryState } from './try-state.ts';
import { convertTo } from '../conversion.ts';

const cache = new WeakMap<object, Compiled<void>>();

export function compileStatementBlock(block: StatementBlockAst): Compiled<void> {
  let c = cache.get(block);
  if (!c) {
    const traps = block.traps;
    c = sequenceOf(block.statements.map((s) => guardStatement(s, traps)));
    if (block.statements.length === 0) c = () => undefined;
    cache.set(block, c);
  }
  return c;
}

export function compileStatement(stmt: StatementAst): Compiled<void> {
  let c = cache.get(stmt);
  if (!c) {
    c = compileUncached(stmt);
    cache.set(stmt, c);
  }
  return c;
}

function compileUncached(stmt: StatementAst): Compiled<void> {
  switch (stmt.kind) {
    case 'Pipeline':
      return compilePipeline(stmt);
    case 'Assignment':
      return compileAssignment(stmt);
    case 'If':
      return compileIf(stmt);
    case 'Switch':
    case 'ForEach':
    case 'For':
    case 'While':
    case 'DoLoop':
      return compileLoop(stmt);
    case 'FunctionDefinition':
      return compileFunctionDefinition(stmt);
    case 'Try':
      return compileTry(stmt);
    case 'Trap':
      return () => undefined; // traps are attached to their block
    case 'Break':
    case 'Continue': {
      const label = stmt.label ? compileStatementValue({ kind: 'Pipeline', span: stmt.span, elements: [{ kind: 'CommandExpression', span: stmt.span, expression: stmt.label, redirections: [] }] }) : undefined;
      const Signal = stmt.kind === 'Break' ? BreakSignal : ContinueSignal;
      return (f) => {
        if (!label) throw new Signal();
        return then(label(f), (v) => {
          throw new Signal(toPSString(v));
        });
      };
    }
    case 'Return': {
      const value = stmt.value ? compilePipeline(stmt.value) : undefined;
      return (f) =>
        then(value ? value(f) : undefined, () => {
          throw new ReturnSignal();
        });
    }
    case 'Exit': {
      const value = stmt.value ? compileStatementValue(stmt.value) : undefined;
      return (f) =>
        then(value ? value(f) : 0, (v) => {
          throw new ExitSignal(v === null || v === undefined ? 0 : Number(convertTo(v, 'int')));
        });
    }
    case 'Throw':
      return compileThrow(stmt);
  }
}

function compileIf(stmt: IfAst): Compiled<void> {
  const clauses = stmt.clauses.map((c) => ({ cond: compileStatementValue(c.condition), body: compileStatementBlock(c.body) }));
  const elseBody = stmt.elseBody ? compileStatementBlock(stmt.elseBody) : undefined;
  const from = (f: Frame, i: number): MaybePromise<void> => {
    for (; i < clauses.length; i++) {
      const c = clauses[i].cond(f);
      if (c instanceof Promise) return clauseLater(f, c, i, clauses[i].body, from);
      if (toBool(c)) return clauses[i].body(f);
    }
    return elseBody ? elseBody(f) : undefined;
  };
  return (f) => from(f, 0);
}

function clauseLater(
  f: Frame,
  pending: Promise<unknown>,
  at: number,
  body: Compiled<void>,
  from: (f: Frame, i: number) => MaybePromise<void>,
): Promise<void> {
  return pending.then((v) => (toBool(v) ? body(f) : from(f, at + 1)));
}

function compileFunctionDefinition(stmt: FunctionDefinitionAst): Compiled<void> {
  return (f) => {
    let name = stmt.name;
    let scope = f.scope;
    const m = /^(global|script|local|private):(.+)$/i.exec(name);
    if (m) {
      scope = f.scope.byQualifier(m[1].toLowerCase()) ?? scope;
      name = m[2];
    }
    const block = new ScriptBlock(stmt.body, f.source, stmt.isFilter);
    if (stmt.parameters) (block as ScriptBlock & { declaredParameters?: unknown }).declaredParameters = stmt.parameters;
    scope.functions.set(name.toLowerCase(), { name, scriptBlock: block, isFilter: stmt.isFilter, options: new Set() });
  };
}

function compileThrow(stmt: StatementAst & { kind: 'Throw' }): Compiled<void> {
  const value = stmt.value ? compileStatementValue(stmt.value) : undefined;
  return (f) =>
    then(value ? value(f) : undefined, (v) => {
      const record = throwRecord(f, v, stmt.span);
      (record as ErrorRecord & { wasThrownFromThrowStatement?: boolean }).wasThrownFromThrowStatement = true;
      throw new TerminatingError(record, true);
    });
}

function throwRecord(f: Frame, v: unknown, span: StatementAst['span']): ErrorRecord {
  const invocation = { source: f.source.text, scriptName: f.source.fileName, span };
  if (v instanceof ErrorRecord) return v;
  if (v instanceof PSException) {
    return v.errorRecord ?? new ErrorRecord({ exception: v, errorId: v.typeName.split('.').pop()!, category: 'OperationStopped', invocation, targetObject: v });
  }
  if (v === undefined) {
    const current = tryState.currentError;
    if (current) return current;
    const e = new PSException('ScriptHalted', 'System.Management.Automation.RuntimeException');
    return new ErrorRecord({ exception: e, errorId: 'ScriptHalted', category: 'OperationStopped', invocation });
  }
  const message = toPSString(v);
  const e = new PSException(message, 'System.Management.Automation.RuntimeException');
  return new ErrorRecord({ exception: e, errorId: message, category: 'OperationStopped', invocation, targetObject: v, activity: '' });
}

function compileTry(stmt: TryAst): Compiled<void> {
  const body = compileStatementBlock(stmt.body);
  const catches = stmt.catches.map((c) => ({ types: c.types.map((t) => t.name), body: compileStatementBlock(c.body) }));
  const finallyBody = stmt.finallyBody ? compileStatementBlock(stmt.finallyBody) : undefined;
  return (f) =>
    tryCatch<void>(
      () => {
        tryState.depth++;
        return tryCatch(() => body(f), undefined, () => {
          tryState.depth--;
        });
      },
      (e) => {
        const err = asTerminating(e, f);
        if (!(err instanceof TerminatingError)) throw err;
        if (f.session.abort.signal.aborted) throw err; // Ctrl+C is not caught (finally blocks still run)
        const handler = catches.find((c) => c.types.length === 0 || c.types.some((t) => catchClauseTakes(err.record.exception, t)));
        if (!handler) throw err;
        const previous = tryState.currentError;
        tryState.currentError = err.record;
        // `$_` is the error inside the catch block only; setLocal changes the variable in place, so keep its value.
        const savedUnder = f.scope.vars.get('_');
        const savedValue = savedUnder?.value;
        f.scope.setLocal('_', err.record);
        return tryCatch(() => handler.body(f), undefined, () => {
          tryState.currentError = previous;
          if (savedUnder) {
            savedUnder.value = savedValue;
            f.scope.vars.set('_', savedUnder);
          } else f.scope.vars.delete('_');
        });
      },
      finallyBody ? () => finallyBody(f) : undefined,
    );
}

/** Any exception that is not control flow, as a TerminatingError. */
export function asTerminating(e: unknown, f: Frame): unknown {
  if (e instanceof BreakSignal || e instanceof ContinueSignal || e instanceof ReturnSignal || e instanceof ExitSignal) return e;
  const t = toTerminating(e, f, undefined);
  if (t instanceof TerminatingError) return t;
  if (t instanceof Error && !(t as { psSignal?: boolean }).psSignal) {
    if (process.env.EMSH_DEBUG_JS) console.error(t.stack);
    // A JavaScript error escaping a cmdlet is a bug; still report it as PowerShell would report an exception.
    const ex = new PSException(t.message, 'System.Exception');
    return new TerminatingError(new ErrorRecord({ exception: ex, errorId: 'System.Exception', category: 'NotSpecified' }));
  }
  return t;
}

/** Statement-level handling of terminating errors: traps, then report-and-continue. */
function guardStatement(stmt: StatementAst, traps: TrapAst[]): Compiled<void> {
  const onError = statementErrorHandler(traps);
  const expression = writtenExpression(stmt);
  if (expression) return guardedExpressionStatement(compileExpressionKeepingNothing(expression), onError);
  const run = compileStatement(stmt);
  // Runs once per statement per loop iteration: a plain try/catch, no closures on the synchronous path.
  return (f) => {
    let r: MaybePromise<void>;
    try {
      r = run(f);
    } catch (e) {
      return onError(f, e);
    }
    return r instanceof Promise ? onErrorLater(f, r, onError) : r;
  };
}

type ErrorHandler = (f: Frame, e: unknown) => MaybePromise<void>;

/**
 * An expression statement (`$_ * 2` in a ForEach-Object block) with its guard in one closure: the body of
 * a per-object block is often just this, so it costs one call and one try per object rather than two.
 * What it does is compilePipeline's expression statement: the value is written, `$?` set after it.
 */
function guardedExpressionStatement(value: Compiled, onError: ErrorHandler): Compiled<void> {
  return (f) => {
    let r: MaybePromise<void>;
    try {
      const before = f.session.errorWrites;
      const v = value(f);
      if (v instanceof Promise) r = writeExpressionLater(f, v, before);
      else {
        f.session.lastSuccess = f.session.errorWrites === before;
        r = writeEnumerated(f, v);
      }
    } catch (e) {
      return onError(f, e);
    }
    return r instanceof Promise ? onErrorLater(f, r, onError) : r;
  };
}

/**
 * The same statement run for its value instead (a condition such as Where-Object's `{ $_ -gt 1 }`): the
 * value, or AutomationNull (nothing written) after its error was handled as the statement's.
 */
export function compileExpressionValue(expression: ExpressionAst): Compiled<unknown> {
  const value = compileExpression(expression);
  const onError = statementErrorHandler([]);
  return (f) => {
    try {
      const before = f.session.errorWrites;
      const v = value(f);
      if (v instanceof Promise) return expressionValueLater(f, v, before, onError);
      f.session.lastSuccess = f.session.errorWrites === before;
      return v;
    } catch (e) {
      return nothingAfter(onError(f, e));
    }
  };
}

function expressionValueLater(f: Frame, pending: Promise<unknown>, before: number, onError: ErrorHandler): Promise<unknown> {
  return pending.then(
    (v) => {
      f.session.lastSuccess = f.session.errorWrites === before;
      return v;
    },
    (e) => nothingAfter(onError(f, e)),
  );
}

function nothingAfter(handled: MaybePromise<void>): MaybePromise<unknown> {
  return handled instanceof Promise ? handled.then(() => AutomationNull) : AutomationNull;
}

function writeExpressionLater(f: Frame, pending: Promise<unknown>, before: number): Promise<void> {
  return pending.then((v) => {
    f.session.lastSuccess = f.session.errorWrites === before;
    return writeEnumerated(f, v);
  });
}

function statementErrorHandler(traps: TrapAst[]): ErrorHandler {
  const compiledTraps = traps.map((t) => ({ type: t.type?.name, body: compileStatementBlock(t.body) }));
  const onError = (f: Frame, e: unknown): MaybePromise<void> => {
    const err = asTerminating(e, f);
    if (!(err instanceof TerminatingError)) throw err;
    const trap = compiledTraps.find((t) => !t.type || catchClauseTakes(err.record.exception, t.type));
    if (trap) return runTrap(f, trap.body, err);
    if (err.scriptTerminating || tryState.depth > 0) throw err;
    if (f.session.abort.signal.aborted) {
      // Ctrl+C stops the whole script, not just the statement that was running.
      err.scriptTerminating = true;
      throw err;
    }
    if (preference(f, 'ErrorActionPreference') === 'Stop') {
      err.scriptTerminating = true;
      throw err;
    }
    reportError(f, err.record);
    return undefined;
  };
  return onError;
}

function onErrorLater(f: Frame, pending: Promise<void>, onError: ErrorHandler): Promise<void> {
  return pending.catch((e) => onError(f, e));
}

function runTrap(f: Frame, body: Compiled<void>, err: TerminatingError): MaybePromise<void> {
  f.scope.setLocal('_', err.record);
  return tryCatch(
    () =>
      then(body(f), () => {
        reportError(f, err.record);
      }),
    (e) => {
      if (e instanceof ContinueSignal) return undefined;
      if (e instanceof BreakSignal) {
        err.scriptTerminating = true;
        throw err;
      }
      throw e;
    },
  );
}

export function reportError(f: Frame, record: ErrorRecord): void {
  f.session.lastSuccess = false;
  if (f.session.errors[0] !== record) f.session.recordError(record);
  f.streams.error(record);
}

function preference(f: Frame, name: string): string {
  const v = f.scope.get(name);
  return v === undefined || v === null ? '' : toPSString(v);
}

export { captureOutput, collectValue };

/** A catch clause for `typeName` takes the exception or, as PowerShell does, the one it wraps. */
function catchClauseTakes(exception: PSException, typeName: string): boolean {
  return exception.isA(typeName) || (exception.innerException?.isA(typeName) ?? false);
}
