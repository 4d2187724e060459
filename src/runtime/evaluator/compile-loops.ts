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
import { pipelineStopped } from '../../pipeline/run-pipeline.ts';

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

function runBody(body: Compiled<void>, f: Frame, label: string | undefined): MaybePromise<typeof STOP | void> {
  const handle = (e: unknown): typeof STOP | void => {
    if (e instanceof BreakSignal && labelMatches(e.label, label)) return STOP;
    if (e instanceof ContinueSignal && labelMatches(e.label, label)) return undefined;
    throw e;
  };
  try {
    const r = body(f);
    return r instanceof Promise ? r.then(() => undefined, handle) : undefined;
  } catch (e) {
    return handle(e);
  }
}

function iterableOf(stmt: ForEachAst): Compiled<Iterable<unknown>> {
  const only = stmt.iterable.elements.length === 1 ? stmt.iterable.elements[0] : undefined;
  if (only?.kind === 'CommandExpression' && only.expression.kind === 'Binary' && only.expression.operator === '..') {
    return lazyRange(only.expression);
  }
  const value = compileStatementValue(stmt.iterable);
  return (f) => then(value(f), (v) => (v === null || v === undefined || v === AutomationNull ? [] : enumerate(v)));
}

function compileForEach(stmt: ForEachAst): Compiled<void> {
  const source = iterableOf(stmt);
  const body = compileStatementBlock(stmt.body);
  const name = stmt.variable.name;
  return (f) =>
    then(source(f), (items) => {
      const it = items[Symbol.iterator]();
      const loop = (): MaybePromise<void> => {
        for (;;) {
          if (f.session.abort.signal.aborted) throw pipelineStopped();
          const n = it.next();
          if (n.done) return undefined;
          f.scope.assign(name, n.value);
          const r = runBody(body, f, stmt.label);
          if (r instanceof Promise) return r.then((x) => (x === STOP ? undefined : loop()));
          if (r === STOP) return undefined;
        }
      };
      return loop();
    });
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
  return (f) => {
    let first = true;
    const test = (): MaybePromise<boolean> => (condition ? then(condition(f), (v) => toBool(v) !== until) : true);
    const iteration = (): MaybePromise<boolean> => {
      const skipTest = first && bodyFirst;
      const runIterator = !first && iterator;
      first = false;
      return then(runIterator ? captureOutput(f, iterator!) : undefined, () =>
        then(skipTest ? true : test(), (ok) => (ok ? then(runBody(body, f, label), (x) => x !== STOP) : false)),
      );
    };
    const loop = (): MaybePromise<void> => {
      for (;;) {
        if (f.session.abort.signal.aborted) throw pipelineStopped();
        const r = iteration();
        if (r instanceof Promise) return r.then((more) => (more ? loop() : undefined));
        if (!r) return undefined;
      }
    };
    return loop();
  };
}

function compileSwitch(stmt: SwitchAst): Compiled<void> {
  const subject = compileStatementValue(stmt.subject);
  const clauses = stmt.clauses.map((c) => ({ test: compileClauseTest(c.pattern, stmt), body: compileStatementBlock(c.body) }));
  const defaultBody = stmt.defaultBody ? compileStatementBlock(stmt.defaultBody) : undefined;
  return (f) =>
    then(subject(f), (value) => {
      const items = Array.isArray(value) ? value : [value];
      const each = (i: number): MaybePromise<void> => {
        for (; i < items.length; i++) {
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
