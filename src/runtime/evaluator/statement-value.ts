// The value of a statement used as an expression: `$x = <statement>`, `( <statement> )`, `$( ... )`, `@( ... )`.
// A bare expression keeps its value as is (`@(1)` stays an array); command output is collected:
// nothing → AutomationNull, one object → that object, several → an array.
//
// "Nothing" survives only where PowerShell keeps it apart from $null: stored in a variable, as a
// pipeline or foreach/switch source, in an array literal, written as output (the "keep" contexts,
// compiled with `keepNothing`). Everywhere else (operands, arguments, conditions) it reads as $null, so
// the value model's consumers rarely meet the symbol.
import type { ExpressionAst, StatementAst, StatementBlockAst } from '../../../grammar/ast.ts';
import type { MaybePromise } from '../maybe-promise.ts';
import { compileExpression, compileExpressionKeepingNothing } from './compile-expression.ts';
import { map1 } from './combinators.ts';
import { compileAssignmentValue } from './assignment.ts';
import { compileStatement, compileStatementBlock } from './compile-statement.ts';
import type { Compiled, Frame } from './frame.ts';
import { AutomationNull } from '../values.ts';

export function collectValue(items: unknown[]): unknown {
  if (items.length === 0) return AutomationNull;
  if (items.length === 1) return items[0];
  return items;
}

/** collectValue where "nothing" reads as $null (an operand, an argument). */
export function collectScalar(items: unknown[]): unknown {
  if (items.length === 0) return null;
  if (items.length === 1) return items[0];
  return items;
}

/** $null for AutomationNull: the value of "nothing" in an expression. */
export function nothingAsNull(_f: Frame, v: unknown): unknown {
  return v === AutomationNull ? null : v;
}

/** Runs `body` with output captured into an array. */
export function captureOutput(f: Frame, body: (f: Frame) => MaybePromise<void>): MaybePromise<unknown[]> {
  const items: unknown[] = [];
  const inner: Frame = { ...f, out: (v) => void items.push(v) };
  const r = body(inner);
  return r instanceof Promise ? r.then(() => items) : items;
}

/**
 * The value of a statement; with `keepNothing` a statement that wrote nothing yields AutomationNull
 * (`$v = Get-None`, `(Get-None) | ...`), otherwise $null (`(Get-None) -eq $null`, `f (Get-None)`).
 */
export function compileStatementValue(stmt: StatementAst, keepNothing = false): Compiled {
  if (stmt.kind === 'Pipeline' && stmt.elements.length === 1) {
    const only = stmt.elements[0];
    if (only.kind === 'CommandExpression' && only.redirections.length === 0) {
      return keepNothing ? compileExpressionKeepingNothing(only.expression) : compileExpression(only.expression);
    }
  }
  if (stmt.kind === 'Assignment') {
    const assign = compileAssignmentValue(stmt);
    return keepNothing ? assign : map1(assign, nothingAsNull);
  }
  const run = compileStatement(stmt);
  const collect = keepNothing ? collectValue : collectScalar;
  return (f) => {
    const r = captureOutput(f, run);
    return r instanceof Promise ? r.then(collect) : collect(r);
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

/** Writes a value to the frame's output, enumerating arrays as PowerShell does; AutomationNull writes nothing. */
export function writeEnumerated(f: Frame, value: unknown): MaybePromise<void> {
  if (typeof value !== 'object' || value === null) return value === AutomationNull ? undefined : f.out(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (item === AutomationNull) continue; // `1, (Get-None), 2` writes 1 and 2
      const r = f.out(item);
      if (r instanceof Promise) return r.then(() => writeEnumerated(f, value.slice(i + 1)));
    }
    return undefined;
  }
  if (value instanceof Uint8Array || value instanceof Set) return writeEnumerated(f, Array.from(value as Iterable<unknown>));
  return f.out(value);
}
