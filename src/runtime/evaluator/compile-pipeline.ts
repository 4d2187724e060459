// Compiles a pipeline statement: an expression (written to the output, arrays enumerated) or commands
// connected by `|`, each resolved, bound and streamed by src/pipeline.
import type { CommandAst, CommandElementAst, PipelineAst } from '../../../grammar/ast.ts';
import type { CommandArgument } from '../../pipeline/binder.ts';
import { CmdletProcessor, type InvocationSite } from '../../pipeline/cmdlet-processor.ts';
import type { CommandProcessor } from '../../pipeline/processor.ts';
import { pipelineInput, runPipeline } from '../../pipeline/run-pipeline.ts';
import { then, type MaybePromise } from '../maybe-promise.ts';
import { ScriptBlock } from '../scriptblock.ts';
import { toPSString } from '../to-string.ts';
import { AutomationNull, PSHashtable } from '../values.ts';
import { compileExpression, compileExpressionKeepingNothing } from './compile-expression.ts';
import { commandNotFound, loadScriptFile, resolveCommand } from './command-resolution.ts';
import { mapN } from './combinators.ts';
import type { Compiled, Frame } from './frame.ts';
import { invokeScriptBlockCollect, prepareScriptBlock } from './invoke-block.ts';
import { lazyRange } from './lazy-range.ts';
import { NativeCommandProcessor } from './native-command.ts';
import { applyRedirections, compileRedirections } from './redirection.ts';
import { PassThroughStage } from './pass-through-stage.ts';
import { preloadCommands } from './preload-commands.ts';
import { createScriptCommand } from './script-command.ts';
import { writeEnumerated } from './statement-value.ts';

export function compilePipeline(stmt: PipelineAst): Compiled<void> {
  const first = stmt.elements[0];
  if (stmt.elements.length === 1 && first.kind === 'CommandExpression' && first.redirections.length === 0) {
    const e = first.expression;
    if (e.kind === 'Unary' && (e.operator === '++' || e.operator === '--')) {
      const run = compileExpression(e);
      return (f) => {
        const r = run(f);
        return r instanceof Promise ? r.then(ignore) : undefined;
      };
    }
    if (e.kind === 'Binary' && e.operator === '..') {
      const range = lazyRange(e);
      return (f) => then(range(f), (items) => writeAll(f, items));
    }
    const value = compileExpressionKeepingNothing(e);
    return (f) => {
      const before = f.session.errorWrites;
      const v = value(f);
      if (v instanceof Promise) return writeLater(f, v).then(() => void (f.session.lastSuccess = f.session.errorWrites === before));
      f.session.lastSuccess = f.session.errorWrites === before; // $? after an expression statement
      return writeEnumerated(f, v);
    };
  }
  const source =
    first.kind === 'CommandExpression'
      ? first.expression.kind === 'Binary' && first.expression.operator === '..'
        ? lazyRange(first.expression)
        : (() => {
            const value = compileExpressionKeepingNothing(first.expression);
            return (f: Frame) => then(value(f), pipelineInput);
          })()
      : undefined;
  const commands = stmt.elements.filter((e): e is CommandAst => e.kind === 'Command').map(compileCommand);
  if (first.kind === 'CommandExpression' && first.redirections.length > 0) {
    const redirections = compileRedirections(first.redirections);
    commands.unshift((f) => applyRedirections(f, new PassThroughStage(), redirections));
  }
  return (f) => {
    const before = f.session.errorWrites;
    return then(source ? source(f) : undefined, (items) =>
      then(buildStages(f, commands), (stages) => {
        return then(runPipeline(stages, items as Iterable<unknown> | undefined, f.out, f.session.abort.signal), () => {
          f.session.lastSuccess = f.session.errorWrites === before;
        });
      }),
    );
  };
}

function writeLater(f: Frame, pending: Promise<unknown>): Promise<void> {
  return pending.then((x) => writeEnumerated(f, x));
}

function ignore(): undefined {
  return undefined;
}

function writeAll(f: Frame, items: Iterable<unknown>): MaybePromise<void> {
  const it = items[Symbol.iterator]();
  const loop = (): MaybePromise<void> => {
    for (;;) {
      const n = it.next();
      if (n.done) return undefined;
      const r = f.out(n.value);
      if (r instanceof Promise) return r.then(loop);
    }
  };
  return loop();
}

function buildStages(f: Frame, commands: ((f: Frame) => MaybePromise<CommandProcessor>)[]): MaybePromise<CommandProcessor[]> {
  return mapN(commands as Compiled[], (_f, stages) => stages as CommandProcessor[])(f);
}

type ArgThunk = (f: Frame) => MaybePromise<CommandArgument[]>;

function compileArguments(elements: CommandElementAst[]): ArgThunk {
  const parts: ArgThunk[] = elements.map((el): ArgThunk => {
    if (el.kind === 'CommandParameter') {
      const arg = el.argument ? compileExpression(el.argument) : undefined;
      return (f) =>
        then(arg ? arg(f) : undefined, (value) => [
          arg
            ? { kind: 'parameter', name: el.name, value, usedColon: true, span: el.span }
            : { kind: 'parameter', name: el.name, usedColon: false, span: el.span },
        ]);
    }
    if (el.kind === 'Variable' && el.splat) {
      const { name, span } = el;
      return (f) => splat(f.scope.get(name), span);
    }
    const value = compileExpression(el);
    return (f) => then(value(f), (v) => [{ kind: 'positional', value: v, span: el.span }]);
  });
  return mapN(parts as Compiled[], (_f, lists) => (lists as CommandArgument[][]).flat()) as ArgThunk;
}

function splat(value: unknown, span: CommandArgument['span']): CommandArgument[] {
  if (value instanceof PSHashtable) {
    return value.entries().map(([k, v]) => ({ kind: 'parameter', name: toPSString(k), value: v, usedColon: true, span, fromSplat: true }));
  }
  if (Array.isArray(value)) return value.map((v) => ({ kind: 'positional', value: v, span, fromSplat: true }));
  if (value === null || value === undefined || value === AutomationNull) return [];
  return [{ kind: 'positional', value, span, fromSplat: true }];
}

function compileCommand(cmd: CommandAst): (f: Frame) => MaybePromise<CommandProcessor> {
  const name = compileExpression(cmd.name);
  const args = compileArguments(cmd.elements);
  const redirections = compileRedirections(cmd.redirections);
  return (f) =>
    then(name(f), (nameValue) =>
      then(args(f), (argList) => {
        const stage = createProcessor(f, cmd, nameValue, argList);
        return redirections.length ? then(stage, (s) => applyRedirections(f, s, redirections)) : stage;
      }),
    );
}

function siteFor(f: Frame, cmd: CommandAst): InvocationSite {
  return {
    session: f.session,
    scope: f.scope,
    streams: f.streams,
    source: f.source,
    span: cmd.span,
    invokeScriptBlock: (block, options) => invokeScriptBlockCollect(f, block, options),
    prepareScriptBlock: (block, out) => prepareScriptBlock(f, block, out),
  };
}

function createProcessor(f: Frame, cmd: CommandAst, nameValue: unknown, args: CommandArgument[]): MaybePromise<CommandProcessor> {
  const site = siteFor(f, cmd);
  const dotSource = cmd.invocation === 'dot';
  if (nameValue instanceof ScriptBlock) {
    return createScriptCommand(nameValue, { name: '', dotSource }, args, f, site);
  }
  const name = toPSString(nameValue);
  const resolved = resolveCommand(f, name);
  if (!resolved) throw commandNotFound(f, name, cmd.name.span);
  switch (resolved.kind) {
    case 'cmdlet':
      // The cmdlet's module is imported on its first use in the session.
      return then(f.session.loadCmdlet(resolved.cmdlet), (cmdlet) => new CmdletProcessor(cmdlet, name, args, site));
    case 'function':
      return createScriptCommand(resolved.fn.scriptBlock as ScriptBlock, { name: resolved.fn.name, invocationName: name, dotSource }, args, f, site);
    case 'script': {
      const block = loadScriptFile(resolved.path);
      const options = { name: resolved.path, dotSource, scriptFile: resolved.path };
      return then(preloadCommands(f.session, block.ast), () => createScriptCommand(block, options, args, f, site));
    }
    case 'native':
      return new NativeCommandProcessor(resolved.path, name, args, site);
  }
}
