// The value of a statement used as an expression: `$x = <statement>`, `( <statement> )`, `$( ... )`, `@( ... )`.
// A bare expression keeps its value as is (`@(1)` stays an array); command output is collected:
// nothing → $null, one object → that object, several → an array.
import type { ExpressionAst, StatementAst, StatementBlockAst } from '../../../grammar/ast.ts';
import type { MaybePromise } from '../maybe-promise.ts';
import { compileExpression } from './compile-expression.ts';
import { compileAssignmentValue } from './assignment.ts';
import { compileStatement, compileStatementBlock } from './compile-statement.ts';
import type { Compiled, Frame } from './frame.ts';
import { AutomationNull } from '../values.ts';

export function collectValue(items: unknown[]): unknown {
  if (items.length === 0) return null;
  if (items.length === 1) return items[0];
  return items;
}

/** Runs `body` with output captured into an array. */
export function captureOutput(f: Frame, body: (f: Frame) => MaybePromise<void>): MaybePromise<unknown[]> {
  const items: unknown[] = [];
  const inner: Frame = { ...f, out: (v) => void items.push(v) };
  const r = body(inner);
  return r instanceof Promise ? r.then(() => items) : items;
}

export function compileStatementValue(stmt: StatementAst): Compiled {
  if (stmt.kind === 'Pipeline' && stmt.elements.length === 1) {
    const only = stmt.elements[0];
    if (only.kind === 'CommandExpression' && only.redirections.length === 0) return compileExpression(only.expression);
  }
  if (stmt.kind === 'Assignment') return compileAssignmentValue(stmt);
  const run = compileStatement(stmt);
  return (f) => {
    const r = captureOutput(f, run);
    return r instanceof Promise ? r.then(collectValue) : collectValue(r);
  };
}

/** `@( ... )`: the output of the statements, always as an array. */
export function compileStatementBlockCollect(block: StatementBlockAst): Compiled<unknown[]> {
  const run = compileStatementBlock(block);
  return (f) => captureOutput(f, run);
}

/**
 * The expression of a statement that is just an expression whose value is written (`$_ * 2`, `$x`), or
 * undefined. (`$i++` and `1..N` are statements of this shape that compilePipeline treats apart.)
 */
export function writtenExpression(stmt: StatementAst): ExpressionAst | undefined {
  if (stmt.kind !== 'Pipeline' || stmt.elements.length !== 1) return undefined;
  const only = stmt.elements[0];
  if (only.kind !== 'CommandExpression' || only.redirections.length > 0) return undefined;
  const e = only.expression;
  if (e.kind === 'Unary' && (e.operator === '++' || e.operator === '--')) return undefined;
  if (e.kind === 'Binary' && e.operator === '..') return undefined;
  return e;
}

/** Writes a value to the frame's output, enumerating arrays as PowerShell does. */
export function writeEnumerated(f: Frame, value: unknown): MaybePromise<void> {
  if (typeof value !== 'object' || value === null) return value === AutomationNull ? undefined : f.out(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const r = f.out(value[i]);
      if (r instanceof Promise) return r.then(() => writeEnumerated(f, value.slice(i + 1)));
    }
    return undefined;
  }
  if (value instanceof Uint8Array || value instanceof Set) return writeEnumerated(f, Array.from(value as Iterable<unknown>));
  return f.out(value);
}
