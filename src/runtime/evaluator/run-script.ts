// Running source text: interactive input and `-Command` run in the global scope; a .ps1 file runs in
// its own script scope with its param() block bound from the command-line arguments.
import { parseScript } from '../../../grammar/parse.ts';
import type { CommandArgument } from '../../pipeline/binder.ts';
import { runPipeline } from '../../pipeline/run-pipeline.ts';
import { TerminatingError } from '../errors.ts';
import type { MaybePromise } from '../maybe-promise.ts';
import { ScriptBlock } from '../scriptblock.ts';
import type { Session } from '../session.ts';
import type { Streams } from '../streams.ts';
import { asTerminating, reportError } from './compile-statement.ts';
import { loadScriptFile } from './command-resolution.ts';
import { BreakSignal, ContinueSignal, ExitSignal, ReturnSignal, type Frame } from './frame.ts';
import { compileScriptBlockBody, invokeScriptBlockCollect, prepareScriptBlock } from './invoke-block.ts';
import { InvocationInfoObject } from '../invocation-info.ts';
import { parseErrorRecord } from './parse-error.ts';
import { preloadCommands } from './preload-commands.ts';
import { createScriptCommand } from './script-command.ts';

export interface RunOptions {
  out: (value: unknown) => MaybePromise<void>;
  streams: Streams;
}

export interface RunResult {
  /** False when a terminating error ended the run or the input did not parse. */
  ok: boolean;
  /** Set by `exit N`. */
  exitCode?: number;
  parseFailed?: boolean;
}

function topFrame(session: Session, source: ScriptBlock['source'], options: RunOptions): Frame {
  return { session, scope: session.globalScope, source, streams: options.streams, out: options.out };
}

async function guardTop(f: Frame, run: () => MaybePromise<void>): Promise<RunResult> {
  try {
    await run();
    return { ok: true };
  } catch (e) {
    if (e instanceof ExitSignal) return { ok: true, exitCode: e.code };
    if (e instanceof ReturnSignal || e instanceof BreakSignal || e instanceof ContinueSignal) return { ok: true };
    const err = asTerminating(e, f);
    if (err instanceof TerminatingError) {
      reportError(f, err.record);
      return { ok: false };
    }
    throw e;
  }
}

/** Runs text in the global scope (the REPL, `-Command`, a script on standard input). */
export async function runText(session: Session, text: string, options: RunOptions & { fileName?: string }): Promise<RunResult> {
  const source = { text, fileName: options.fileName };
  const f = topFrame(session, source, options);
  const parsed = parseScript(text, { fileName: options.fileName });
  if (parsed.diagnostics.length > 0) {
    reportError(f, parseErrorRecord(parsed.diagnostics, source));
    return { ok: false, parseFailed: true };
  }
  await preloadCommands(session, parsed.ast);
  // The text run is a script block; its $MyInvocation (MyCommand: the text) is what Write-Error at the top reports.
  const block = new ScriptBlock(parsed.ast, source);
  session.globalScope.setLocal('MyInvocation', new InvocationInfoObject({ command: { kind: 'Script', name: '', scriptBlock: block } }));
  const body = compileScriptBlockBody(parsed.ast);
  session.abort = new AbortController();
  return guardTop(f, () => body(f));
}

/** Turns command-line words into binder arguments: `-Name value`, `-Name:value`, positional words. */
export function argumentsFromWords(words: string[]): CommandArgument[] {
  return words.map((w): CommandArgument => {
    const m = /^-([A-Za-z_][\w-]*)(:(.*))?$/s.exec(w);
    if (m) return m[2] !== undefined ? { kind: 'parameter', name: m[1], value: m[3], usedColon: true } : { kind: 'parameter', name: m[1], usedColon: false };
    return { kind: 'positional', value: w };
  });
}

/** Runs a .ps1 file with arguments, as `emsh script.ps1 -Name value` does. */
export async function runFile(session: Session, file: string, words: string[], options: RunOptions): Promise<RunResult> {
  const f = topFrame(session, { text: '' }, options);
  let block: ScriptBlock;
  try {
    block = loadScriptFile(file);
  } catch (e) {
    const err = asTerminating(e, f);
    if (err instanceof TerminatingError) {
      reportError(f, err.record);
      return { ok: false, parseFailed: true };
    }
    throw e;
  }
  await preloadCommands(session, block.ast);
  session.abort = new AbortController();
  const site = {
    session,
    scope: session.globalScope,
    streams: options.streams,
    source: block.source,
    invokeScriptBlock: (sb: ScriptBlock, o: { dollarUnder?: unknown; args?: unknown[] }) => invokeScriptBlockCollect(f, sb, o),
    prepareScriptBlock: (sb: ScriptBlock, out: (value: unknown) => MaybePromise<void>) => prepareScriptBlock(f, sb, out),
  };
  const stage = createScriptCommand(block, { name: file, dotSource: false, scriptFile: file }, argumentsFromWords(words), f, site);
  return guardTop(f, () => runPipeline([stage], undefined, options.out, session.abort.signal));
}
