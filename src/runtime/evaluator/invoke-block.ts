// Running a script block without the binder: ForEach-Object / Where-Object bodies, calculated
// properties, `.Where({})`, switch conditions. (Functions and `& { param() ... }` go through the binder:
// see script-command.ts.)
import type { ScriptBlockAst } from '../../../grammar/ast.ts';
import { PSException } from '../errors.ts';
import type { MaybePromise } from '../maybe-promise.ts';
import { Scope } from '../scope.ts';
import type { ScriptBlock } from '../scriptblock.ts';
import { sequenceOf } from './combinators.ts';
import { compileStatementBlock } from './compile-statement.ts';
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

function catchReturn(r: MaybePromise<void>): MaybePromise<void> {
  if (r instanceof Promise) return r.catch((e) => (e instanceof ReturnSignal ? undefined : Promise.reject(e)));
  return r;
}

export function invokeScriptBlock(f: Frame, sb: ScriptBlock, options: InvokeOptions): MaybePromise<void> {
  const scope = options.newScope ? new Scope(f.scope) : f.scope;
  if (options.dollarUnder !== undefined) scope.setLocal('_', options.dollarUnder);
  if (options.args) {
    scope.setLocal('args', options.args);
    const params = sb.ast.paramBlock?.parameters ?? [];
    params.forEach((p, i) => scope.setLocal(p.name, options.args![i] ?? null));
  }
  const frame: Frame = { session: f.session, scope, source: sb.source, streams: f.streams, out: options.out };
  const body = compileScriptBlockBody(sb.ast);
  try {
    return catchReturn(body(frame));
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
  const r = invokeScriptBlockCollect(f, sb, options);
  if (r instanceof Promise) {
    r.catch(() => {});
    throw new PSException(
      'A script block passed to a method ran a command that waits for input or the network; use ForEach-Object or Where-Object in a pipeline instead.',
      'System.NotSupportedException',
    );
  }
  return r;
}
