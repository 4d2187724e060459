// Loops and switch: foreach, for, while, do/while, do/until, switch (-Wildcard -Regex -Exact -CaseSensitive),
// with labelled break/continue.
import type { ExpressionAst, ForAst, ForEachAst, StatementAst, SwitchAst, WhileAst, DoLoopAst } from '../../../grammar/ast.ts';
import { toBool } from '../conversion.ts';
import { then, type MaybePromise } from '../maybe-promise.ts';
import { binaryOperation } from '../operators.ts';
import { ScriptBlock } from '../scriptblock.ts';
import { toPSString } from '../to-string.ts';
import { AutomationNull, enumerate } from '../values.ts';
import { compileExpression } from './compile-expression.ts';
import { compileStatement, compileStatementBlock } from './compile-statement.ts';
import { BreakSignal, ContinueSignal, labelMatches, type Compiled, type Frame } from './frame.ts';
import { lazyRange } from './lazy-range.ts';
import { compileStatementValue } from './statement-value.ts';
import { captureOutput } from './statement-value.ts';
import { compileScriptBlockBody } from './invoke-block.ts';
import { compileAssignVariable } from './variables.ts';
import { IntRange } from '../../pipeline/int-range.ts';
import { abortFlag, checkpoint, pipelineStopped } from '../../pipeline/interrupt.ts';

type LoopAst = SwitchAst | ForEachAst | ForAst | WhileAst | DoLoopAst;

export function compileLoop(stmt: LoopAst): Compiled<void> {
  switch (stmt.kind) {
    case 'ForEach':
      return compileForEach(stmt);
    case 'For':
      return compileFor(stmt);
    case 'While':
      return compileWhile(stmt.label, undefined, stmt.condition, stmt.body, false, false);
    case 'DoLoop':
      return compileWhile(stmt.label, undefined, stmt.condition, stmt.body, true, stmt.until);
    case 'Switch':
      return compileSwitch(stmt);
  }
}

/** Result of running a loop body once: keep going, or stop the loop. */
const STOP = Symbol('stop');

function loopSignal(e: unknown, label: string | undefined): typeof STOP | void {
  if (e instanceof BreakSignal && labelMatches(e.label, label)) return STOP;
  if (e instanceof ContinueSignal && labelMatches(e.label, label)) return undefined;
  throw e;
}

function runBody(body: Compiled<void>, f: Frame, label: string | undefined): MaybePromise<typeof STOP | void> {
  try {
    const r = body(f);
    return r instanceof Promise ? bodyLater(r, label) : undefined;
  } catch (e) {
    return loopSignal(e, label);
  }
}

/** Continuations live outside the per-iteration functions (see combinators.ts). */
function bodyLater(pending: Promise<void>, label: string | undefined): Promise<typeof STOP | void> {
  return pending.then(ignore, (e) => loopSignal(e, label));
}

function ignore(): undefined {
  return undefined;
}

function notStoppedLater(pending: Promise<typeof STOP | void>): Promise<boolean> {
  return pending.then((x) => x !== STOP);
}

function testLater(f: Frame, pending: Promise<unknown>, until: boolean, then: (f: Frame) => MaybePromise<boolean>): Promise<boolean> {
  return pending.then((x) => toBool(x) !== until && then(f));
}

function iteratorLater(f: Frame, pending: Promise<void>, next: (f: Frame, skipTest: boolean) => MaybePromise<boolean>): Promise<boolean> {
  return pending.then(() => next(f, false));
}

function iterableOf(stmt: ForEachAst): Compiled<Iterable<unknown>> {
  const only = stmt.iterable.elements.length === 1 ? stmt.iterable.elements[0] : undefined;
  if (only?.kind === 'CommandExpression' && only.expression.kind === 'Binary' && only.expression.operator === '..') {
    return lazyRange(only.expression);
  }
  if (!only || only.kind !== 'CommandExpression' || only.redirections.length > 0) {
    // `foreach ($x in Get-Thing)`: the command's output as written, so one $null written is one turn
    // (PowerShell issue 5674) and nothing written is none.
    const run = compileStatement(stmt.iterable);
    return (f) => captureOutput(f, run);
  }
  const value = compileStatementValue(stmt.iterable, true);
  // An array is walked by index (see start below), not through enumerate's generator.
  return (f) => then(value(f), (v) => (v === null || v === undefined || v === AutomationNull ? [] : Array.isArray(v) ? v : enumerate(v)));
}

function compileForEach(stmt: ForEachAst): Compiled<void> {
  const source = iterableOf(stmt);
  const body = compileStatementBlock(stmt.body);
  const name = stmt.variable.name;
  const setLoopVariable = compileAssignVariable(name);
  const label = stmt.label;
  /** `foreach ($i in 1..N)`: counts with a plain number, no iterator. */
  const countRange = (f: Frame, range: IntRange, from: number): MaybePromise<void> => {
    const interrupt = abortFlag(f.session.abort.signal);
    const { step, to } = range;
    for (let i = from; step === 1 ? i <= to : i >= to; i += step) {
      const c = checkpoint(interrupt);
      if (c) {
        const at = i;
        return c.then(() => countRange(f, range, at));
      }
      setLoopVariable(f, i);
      const r = runBody(body, f, label);
      if (r instanceof Promise) {
        const next = i + step;
        return r.then((x) => (x === STOP ? undefined : countRange(f, range, next)));
      }
      if (r === STOP) return undefined;
    }
    return undefined;
  };
  /** `foreach ($x in $list)`: by index, reading the length each time as the array iterator would. */
  const countArray = (f: Frame, items: unknown[], from: number): MaybePromise<void> => {
    const interrupt = abortFlag(f.session.abort.signal);
    for (let i = from; i < items.length; i++) {
      const c = checkpoint(interrupt);
      if (c) {
        const at = i;
        return c.then(() => countArray(f, items, at));
      }
      setLoopVariable(f, items[i]);
      const r = runBody(body, f, label);
      if (r instanceof Promise) {
        const next = i + 1;
        return r.then((x) => (x === STOP ? undefined : countArray(f, items, next)));
      }
      if (r === STOP) return undefined;
    }
    return undefined;
  };
  const iterate = (f: Frame, it: Iterator<unknown>): MaybePromise<void> => {
    const interrupt = abortFlag(f.session.abort.signal);
    for (;;) {
      const c = checkpoint(interrupt);
      if (c) return c.then(() => iterate(f, it));
      const n = it.next();
      if (n.done) return undefined;
      setLoopVariable(f, n.value);
      const r = runBody(body, f, label);
      if (r instanceof Promise) return r.then((x) => (x === STOP ? undefined : iterate(f, it)));
      if (r === STOP) return undefined;
    }
  };
  const start = (f: Frame, items: Iterable<unknown>): MaybePromise<void> => {
    if (abortFlag(f.session.abort.signal).aborted) throw pipelineStopped();
    if (items instanceof IntRange) return countRange(f, items, items.from);
    return Array.isArray(items) ? countArray(f, items, 0) : iterate(f, items[Symbol.iterator]());
  };
  return (f) => {
    const items = source(f);
    return items instanceof Promise ? items.then((x) => start(f, x)) : start(f, items);
  };
}

function optional(stmt: StatementAst | undefined): Compiled | undefined {
  return stmt ? compileStatementValue(stmt) : undefined;
}

function compileFor(stmt: ForAst): Compiled<void> {
  const init = stmt.init ? compileStatement(stmt.init) : undefined;
  const iterator = stmt.iterator ? compileStatement(stmt.iterator) : undefined;
  const loop = compileWhile(stmt.label, iterator, stmt.condition, stmt.body, false, false);
  return (f) => then(init ? captureOutput(f, init) : undefined, () => loop(f));
}

function compileWhile(
  label: string | undefined,
  iterator: Compiled<void> | undefined,
  conditionAst: StatementAst | undefined,
  bodyAst: Parameters<typeof compileStatementBlock>[0],
  bodyFirst: boolean,
  until: boolean,
): Compiled<void> {
  const condition = optional(conditionAst);
  const body = compileStatementBlock(bodyAst);
  // Each step continues synchronously unless a part of it waits; no closures per iteration otherwise.
  const runBodyStep = (f: Frame): MaybePromise<boolean> => {
    const r = runBody(body, f, label);
    return r instanceof Promise ? notStoppedLater(r) : r !== STOP;
  };
  const testThenBody = (f: Frame, skipTest: boolean): MaybePromise<boolean> => {
    if (!skipTest && condition) {
      const v = condition(f);
      if (v instanceof Promise) return testLater(f, v, until, runBodyStep);
      if (toBool(v) === until) return false;
    }
    return runBodyStep(f);
  };
  /** One iteration; false when the loop is over. `quiet` is the frame whose output is discarded (the for iterator). */
  const iteration = (f: Frame, quiet: Frame, first: boolean): MaybePromise<boolean> => {
    if (!first && iterator) {
      const r = iterator(quiet);
      if (r instanceof Promise) return iteratorLater(f, r, testThenBody);
    }
    return testThenBody(f, first && bodyFirst);
  };
  const loop = (f: Frame, quiet: Frame, first: boolean): MaybePromise<void> => {
    const interrupt = abortFlag(f.session.abort.signal);
    for (;; first = false) {
      const c = checkpoint(interrupt);
      if (c) return c.then(() => loop(f, quiet, first));
      const r = iteration(f, quiet, first);
      if (r instanceof Promise) return r.then((more) => (more ? loop(f, quiet, false) : undefined));
      if (!r) return undefined;
    }
  };
  return (f) => {
    if (abortFlag(f.session.abort.signal).aborted) throw pipelineStopped();
    return loop(f, iterator ? { ...f, out: ignore } : f, true);
  };
}

function compileSwitch(stmt: SwitchAst): Compiled<void> {
  // A subject that wrote nothing (AutomationNull) runs no clause, not even default; $null runs them once.
  const subject = compileStatementValue(stmt.subject, true);
  const clauses = stmt.clauses.map((c) => ({ test: compileClauseTest(c.pattern, stmt), body: compileStatementBlock(c.body) }));
  const defaultBody = stmt.defaultBody ? compileStatementBlock(stmt.defaultBody) : undefined;
  return (f) =>
    then(subject(f), (value) => {
      const items = Array.isArray(value) ? value : value === AutomationNull ? [] : [value];
      const interrupt = abortFlag(f.session.abort.signal);
      const each = (i: number): MaybePromise<void> => {
        for (; i < items.length; i++) {
          const c = checkpoint(interrupt);
          if (c) {
            const at = i;
            return c.then(() => each(at));
          }
          const r = switchOne(f, items[i]);
          if (r instanceof Promise) {
            const at = i;
            return r.then((x) => (x === STOP ? undefined : each(at + 1)));
          }
          if (r === STOP) return undefined;
        }
        return undefined;
      };
      return each(0);
    });

  function switchOne(f: Frame, item: unknown): MaybePromise<typeof STOP | void> {
    f.scope.setLocal('_', item);
    let matched = false;
    type Outcome = typeof STOP | typeof CONTINUE_SWITCH | 'next' | void;
    const afterClause = (x: Outcome, i: number): MaybePromise<typeof STOP | void> => {
      if (x === STOP) return STOP;
      if (x === CONTINUE_SWITCH) return undefined;
      return tryClause(i + 1);
    };
    const tryClause = (i: number): MaybePromise<typeof STOP | void> => {
      for (; i < clauses.length; i++) {
        const clause = clauses[i];
        const onResult = (yes: boolean): MaybePromise<Outcome> => {
          if (!yes) return 'next';
          matched = true;
          return runSwitchBody(clause.body, f, stmt.label);
        };
        const ok = clause.test(f, item);
        const r: MaybePromise<Outcome> = ok instanceof Promise ? ok.then(onResult) : onResult(ok);
        if (r instanceof Promise) {
          const at = i;
          return r.then((x) => afterClause(x, at));
        }
        if (r === STOP) return STOP;
        if (r === CONTINUE_SWITCH) return undefined;
      }
      if (!matched && defaultBody) return then(runSwitchBody(defaultBody, f, stmt.label), (x) => (x === STOP ? STOP : undefined));
      return undefined;
    };
    return tryClause(0);
  }
}

const CONTINUE_SWITCH = Symbol('continue');

function runSwitchBody(body: Compiled<void>, f: Frame, label: string | undefined): MaybePromise<typeof STOP | typeof CONTINUE_SWITCH | void> {
  const handle = (e: unknown): typeof STOP | typeof CONTINUE_SWITCH => {
    if (e instanceof BreakSignal && labelMatches(e.label, label)) return STOP;
    if (e instanceof ContinueSignal && labelMatches(e.label, label)) return CONTINUE_SWITCH;
    throw e;
  };
  try {
    const r = body(f);
    return r instanceof Promise ? r.then(() => undefined, handle) : undefined;
  } catch (e) {
    return handle(e);
  }
}

function compileClauseTest(pattern: ExpressionAst, stmt: SwitchAst): (f: Frame, item: unknown) => MaybePromise<boolean> {
  if (pattern.kind === 'ScriptBlockExpression') {
    const body = compileScriptBlockBody(pattern.block);
    return (f) => then(captureOutput(f, body), (out) => toBool(out.length === 1 ? out[0] : out));
  }
  const value = compileExpression(pattern);
  const { regex, wildcard, caseSensitive } = stmt.flags;
  return (f, item) =>
    then(value(f), (p) => {
      if (p instanceof ScriptBlock) return false;
      if (regex) {
        return toBool(binaryOperation('-match', caseSensitive, toPSString(item), p, { setMatches: (m: unknown) => f.scope.setLocal('Matches', m) }));
      }
      if (wildcard) return toBool(binaryOperation('-like', caseSensitive, toPSString(item), p));
      return toBool(binaryOperation('-eq', caseSensitive, item, p));
    });
}
