// Running a script block without the binder: ForEach-Object / Where-Object bodies, calculated
// properties, `.Where({})`, switch conditions. (Functions and `& { param() ... }` go through the binder:
// see script-command.ts.)
import type { ExpressionAst, ScriptBlockAst } from '../../../grammar/ast.ts';
import type { PreparedBlock } from '../../pipeline/cmdlet-processor.ts';
import { synchronousOnly } from '../../pipeline/interrupt.ts';
import { PSException } from '../errors.ts';
import type { MaybePromise } from '../maybe-promise.ts';
import { Scope, variableLayout, type Variable } from '../scope.ts';
import type { ScriptBlock } from '../scriptblock.ts';
import { sequenceOf } from './combinators.ts';
import { compileExpressionValue, compileStatementBlock } from './compile-statement.ts';
import { writtenExpression } from './statement-value.ts';
import { usesDollarInput, withCurrentInput } from './dollar-input.ts';
import { ReturnSignal, type Compiled, type Frame } from './frame.ts';

const bodies = new WeakMap<ScriptBlockAst, Compiled<void>>();

/** The whole body of a block run as one unit: begin, process and end statements in order. */
export function compileScriptBlockBody(ast: ScriptBlockAst): Compiled<void> {
  let c = bodies.get(ast);
  if (!c) {
    const parts = [ast.begin, ast.process, ast.end].filter((b) => b !== undefined).map((b) => compileStatementBlock(b!));
    c = parts.length === 0 ? () => undefined : sequenceOf(parts);
    bodies.set(ast, c);
  }
  return c;
}

export interface InvokeOptions {
  dollarUnder?: unknown;
  args?: unknown[];
  /** Run in a new child scope (`& { }`) rather than in the caller's (ForEach-Object, Where-Object). */
  newScope?: boolean;
  out: (value: unknown) => MaybePromise<void>;
}

export function invokeScriptBlock(f: Frame, sb: ScriptBlock, options: InvokeOptions): MaybePromise<void> {
  const scope = options.newScope ? new Scope(f.scope) : f.scope;
  if (options.args) {
    scope.setLocal('args', options.args);
    const params = sb.ast.paramBlock?.parameters ?? [];
    params.forEach((p, i) => scope.setLocal(p.name, options.args![i] ?? null));
  }
  const frame: Frame = { session: f.session, scope, source: sb.source, streams: f.streams, out: options.out };
  return runWithDollarUnder(frame, compileScriptBlockBody(sb.ast), options.dollarUnder);
}

/**
 * A script block made ready to run once per pipeline object in the caller's scope (ForEach-Object,
 * Where-Object): the frame and the compiled body are made once, not per object.
 */
export function prepareScriptBlock(f: Frame, sb: ScriptBlock, out: (value: unknown) => MaybePromise<void>): PreparedBlock {
  const frame: Frame = { session: f.session, scope: f.scope, source: sb.source, streams: f.streams, out };
  const body = compileScriptBlockBody(sb.ast);
  if (usesDollarInput(sb.ast)) return prepareBody(frame, withCurrentInput(body));
  const prepared = prepareBody(frame, body);
  const expression = onlyExpression(sb.ast);
  if (!expression) return prepared;
  let valued: { run: (dollarUnder: unknown) => MaybePromise<unknown>; release: () => void } | undefined;
  return {
    run: prepared.run,
    release: () => {
      prepared.release();
      valued?.release();
    },
    valueRun: () => (valued ??= prepareBody(frame, compileExpressionValue(expression))).run,
  };
}

/** The expression of a block that is nothing but one expression statement, without traps or parameters. */
function onlyExpression(ast: ScriptBlockAst): ExpressionAst | undefined {
  if (ast.paramBlock || ast.begin || ast.process || !ast.end) return undefined;
  const { statements, traps } = ast.end;
  return statements.length === 1 && traps.length === 0 ? writtenExpression(statements[0]) : undefined;
}

/**
 * Runs of a block body (a `return` ends just the block) with `$_` set in the frame's scope, each putting
 * the scope's previous `$_` back afterwards, as PowerShell does for dot-sourced blocks: so
 * `1..2 | % { 'a' | % { $_ }; $_ }` still sees 1 and 2 after the inner pipeline. When the scope has no
 * `$_`, the variable added for the first run stays (holding nothing between runs) until release(): adding
 * and deleting a Map entry per object is slow (V8 rehashes the scope's table).
 */
function prepareBody<T>(frame: Frame, body: Compiled<T>): { run: (dollarUnder: unknown) => MaybePromise<T | undefined>; release: () => void } {
  const vars = frame.scope.vars;
  const added: Variable = { name: '_', value: undefined, options: new Set() };
  const release = (): void => {
    if (vars.get('_') === added) vars.delete('_');
  };
  // The scope's `$_` as last seen, trusted while no scope's variable layout has changed since.
  let known: Variable | undefined;
  let knownVersion = -1;
  const run = (dollarUnder: unknown): MaybePromise<T | undefined> => {
    let v = knownVersion === variableLayout.version ? known : vars.get('_');
    if (v === undefined) {
      added.value = undefined;
      vars.set('_', (v = added));
    }
    known = v;
    knownVersion = variableLayout.version;
    const saved = v.value;
    v.value = dollarUnder === undefined ? null : dollarUnder; // a piped undefined is $null, as ForEach-Object makes it
    let r: MaybePromise<T>;
    try {
      r = body(frame);
    } catch (e) {
      v.value = saved;
      release();
      if (e instanceof ReturnSignal) return undefined;
      throw e;
    }
    if (r instanceof Promise) return restoreLater(r, v, saved, release);
    v.value = saved;
    return r;
  };
  return { run, release };
}

/** The asynchronous end of a prepared run, apart so that the per-object path allocates no context. */
function restoreLater<T>(pending: Promise<T>, v: Variable, saved: unknown, release: () => void): Promise<T | undefined> {
  return pending.then(
    (value) => {
      v.value = saved;
      return value;
    },
    (e) => {
      v.value = saved;
      release();
      if (!(e instanceof ReturnSignal)) throw e;
      return undefined;
    },
  );
}

/** One run with `$_` (prepared and released at once); without `$_`, just the body. */
function runWithDollarUnder(frame: Frame, body: Compiled<void>, dollarUnder: unknown): MaybePromise<void> {
  if (dollarUnder === undefined) return catchReturn(frame, body);
  const once = prepareBody(frame, body);
  const r = once.run(dollarUnder);
  if (r instanceof Promise) return r.finally(once.release);
  once.release();
  return r;
}

function catchReturn(frame: Frame, body: Compiled<void>): MaybePromise<void> {
  try {
    const r = body(frame);
    if (r instanceof Promise) return r.catch((e) => (e instanceof ReturnSignal ? undefined : Promise.reject(e)));
    return r;
  } catch (e) {
    if (e instanceof ReturnSignal) return undefined;
    throw e;
  }
}

export function invokeScriptBlockCollect(f: Frame, sb: ScriptBlock, options: Omit<InvokeOptions, 'out'>): MaybePromise<unknown[]> {
  const items: unknown[] = [];
  const r = invokeScriptBlock(f, sb, { ...options, out: (v) => void items.push(v) });
  return r instanceof Promise ? r.then(() => items) : items;
}

/** For method calls, which cannot wait: a block that runs a waiting command is refused clearly. */
export function invokeScriptBlockSync(f: Frame, sb: ScriptBlock, options: Omit<InvokeOptions, 'out'>): unknown[] {
  let r: MaybePromise<unknown[]>;
  synchronousOnly.depth++;
  try {
    r = invokeScriptBlockCollect(f, sb, options);
  } finally {
    synchronousOnly.depth--;
  }
  if (r instanceof Promise) {
    r.catch(() => {});
    throw new PSException(
      'A script block passed to a method ran a command that waits for input or the network; use ForEach-Object or Where-Object in a pipeline instead.',
      'System.NotSupportedException',
    );
  }
  return r;
}
