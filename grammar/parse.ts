// Entry point of the language front end: text in, typed AST and PowerShell parse diagnostics out.
import type { IRecognitionException } from 'chevrotain';
import type { ScriptBlockAst, StatementBlockAst } from './ast.ts';
import { messageFor, type Diagnostic } from './diagnostics.ts';
import { tokenize } from './lexer.ts';
import { PsParser } from './parser.ts';

export type { Diagnostic } from './diagnostics.ts';

export interface ParseResult {
  ast: ScriptBlockAst;
  diagnostics: Diagnostic[];
}

let shared: PsParser | undefined;

function parser(): PsParser {
  shared ??= new PsParser(false);
  return shared;
}

export function parseScript(text: string, options?: { fileName?: string }): ParseResult {
  void options;
  const p = parser();
  const lexed = tokenize(text);
  p.begin(text, lexed.tokens);
  for (const problem of lexed.problems) {
    p.report(problem.id, p.span(problem.start, problem.end), [], problem.incomplete);
  }
  let ast: ScriptBlockAst;
  // Chevrotain's own errors would mean a gap in the grammar (resuming clears them, so they are kept here).
  const grammarErrors: IRecognitionException[] = [];
  try {
    ast = p.script();
    // `$( )` inside strings: their text is parsed after the main pass, one region at a time.
    for (let next = 0; next < p.pending.length; next++) {
      const job = p.pending[next];
      grammarErrors.push(...p.errors);
      const inner = tokenize(text.slice(job.start, job.end), job.start);
      for (const problem of inner.problems) {
        p.report(problem.id, p.span(problem.start, problem.end), [], problem.incomplete && problem.end >= text.length);
      }
      p.resume(inner.tokens);
      const block = p.script();
      job.node.body = block.end ?? emptyBlock(p, job.start);
    }
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    p.report('ScriptTooComplicated', p.span(0, 0), [], false);
    ast = { kind: 'ScriptBlock', text, span: p.span(0, text.length), end: emptyBlock(p, 0) };
  }
  grammarErrors.push(...p.errors);
  for (const e of grammarErrors) {
    // Reported as PowerShell reports any stray token.
    const token = e.token;
    const start = Number.isNaN(token.startOffset) ? text.length : token.startOffset;
    p.report('UnexpectedToken', p.span(start, start + token.image.length), [token.image], false);
  }
  const diagnostics = p.diagnostics.slice();
  p.end();
  return { ast, diagnostics };
}

function emptyBlock(p: PsParser, at: number): StatementBlockAst {
  return { kind: 'StatementBlock', statements: [], traps: [], span: p.span(at, at) };
}

/**
 * True when the text is valid so far but unfinished (an open `{`, `(`, string or here-string, a trailing `|`
 * or backtick): the REPL then asks for a continuation line.
 */
export function isIncompleteInput(text: string): boolean {
  // A REPL may hand over the line with its newline: a backtick before it still asks for more.
  const lastLine = /`\r?\n[ \t]*$/.exec(text);
  if (lastLine) return isIncompleteInput(text.slice(0, lastLine.index + 1));
  const { diagnostics } = parseScript(text);
  return diagnostics.length > 0 && diagnostics[0].incomplete;
}

export { messageFor };
