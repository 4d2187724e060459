// The typed syntax tree, pipeline elements: commands with their parameters and arguments,
// expressions at the head of a pipeline, and redirections (the rest of the tree: ast.ts).
import type { AstNode } from './ast.ts';
import type { ExpressionAst } from './ast-expressions.ts';

export type PipelineElementAst = CommandAst | CommandExpressionAst;

export interface CommandAst extends AstNode {
  kind: 'Command';
  /** `&` (call), `.` (dot-source) or plain. */
  invocation: 'plain' | 'call' | 'dot';
  /** The command name: a bareword (StringConstant with quote 'bare'), a string, or an expression after & / . */
  name: ExpressionAst;
  /** Arguments and parameters in source order. */
  elements: CommandElementAst[];
  redirections: RedirectionAst[];
}

/** An expression used as the first element of a pipeline. */
export interface CommandExpressionAst extends AstNode {
  kind: 'CommandExpression';
  expression: ExpressionAst;
  redirections: RedirectionAst[];
}

export type CommandElementAst = CommandParameterAst | ExpressionAst;

/** `-Name`, `-Name:value`. */
export interface CommandParameterAst extends AstNode {
  kind: 'CommandParameter';
  /** Name without the dash, as written. */
  name: string;
  /** The value attached with a colon (`-Enabled:$true`). */
  argument?: ExpressionAst;
  /** True when written with a colon. */
  usedColon: boolean;
}

export type StreamName = 'output' | 'error' | 'warning' | 'verbose' | 'debug' | 'information' | 'all';

/** `> file`, `>> file`, `2> file`, `2>&1`, `*> $null`. */
export interface RedirectionAst extends AstNode {
  kind: 'Redirection';
  from: StreamName;
  /** A file target (`> file`); absent for a merge (`2>&1`). */
  target?: ExpressionAst;
  append: boolean;
  /** For merges: the stream merged into (always 'output' in practice). */
  mergeTo?: StreamName;
}
