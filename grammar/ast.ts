// The typed syntax tree of the emsh language. Every node has a source span.
// The parser (grammar/parser.ts) produces it; the evaluator (src/runtime/) walks it.
// This file: spans, script blocks and statements. Pipeline elements (commands, parameters,
// redirections) are in ast-commands.ts, expressions in ast-expressions.ts; they are re-exported
// here so that `./ast.ts` stays the one place to import any node type from.
import type { CommandParameterAst, PipelineElementAst, RedirectionAst } from './ast-commands.ts';
import type { ExpressionAst, VariableAst } from './ast-expressions.ts';

export type * from './ast-commands.ts';
export type * from './ast-expressions.ts';

/** A source range. Offsets are 0-based (end exclusive); lines and columns are 1-based. */
export interface Span {
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** What every node has. */
export interface AstNode {
  span: Span;
}

// ---------------------------------------------------------------- script blocks

/** A script, a `{ ... }` script block, or a function body. */
export interface ScriptBlockAst extends AstNode {
  kind: 'ScriptBlock';
  paramBlock?: ParamBlockAst;
  /** Named blocks. A body without named blocks puts its statements in `end`. */
  begin?: StatementBlockAst;
  process?: StatementBlockAst;
  end?: StatementBlockAst;
  /** The source text of the block, braces excluded (what `$sb.ToString()` shows). */
  text: string;
}

export interface StatementBlockAst extends AstNode {
  kind: 'StatementBlock';
  statements: StatementAst[];
  /** `trap` statements of this block (they apply to the whole block, wherever they appear). */
  traps: TrapAst[];
}

export interface ParamBlockAst extends AstNode {
  kind: 'ParamBlock';
  /** Attributes before `param(`, e.g. `[CmdletBinding()]`. */
  attributes: AttributeAst[];
  parameters: ParameterAst[];
}

export interface ParameterAst extends AstNode {
  kind: 'Parameter';
  /** Variable name without `$`. */
  name: string;
  /** Type constraint such as `[string[]]` (the last type literal before the variable). */
  type?: TypeNameAst;
  attributes: AttributeAst[];
  defaultValue?: ExpressionAst;
}

/** `[Name(positional, ..., Named = value, Flag)]` */
export interface AttributeAst extends AstNode {
  kind: 'Attribute';
  name: string;
  positional: ExpressionAst[];
  /** A named argument without `= value` (e.g. `Mandatory`) has no `value`: it means `$true`. */
  named: { name: string; value?: ExpressionAst; span: Span }[];
}

export interface TypeNameAst extends AstNode {
  kind: 'TypeName';
  /** As written, without brackets: `int`, `string[]`, `System.IO.Path`, `System.Collections.Generic.List[string]`. */
  name: string;
}

// ---------------------------------------------------------------- statements

export type StatementAst =
  | PipelineAst
  | AssignmentAst
  | IfAst
  | SwitchAst
  | ForEachAst
  | ForAst
  | WhileAst
  | DoLoopAst
  | FunctionDefinitionAst
  | TryAst
  | TrapAst
  | BreakAst
  | ContinueAst
  | ReturnAst
  | ExitAst
  | ThrowAst;

/** One or more pipeline elements joined by `|`. A bare expression statement is a one-element pipeline. */
export interface PipelineAst extends AstNode {
  kind: 'Pipeline';
  elements: PipelineElementAst[];
}

export type AssignmentOperator = '=' | '+=' | '-=' | '*=' | '/=' | '%=';

export interface AssignmentAst extends AstNode {
  kind: 'Assignment';
  /** A variable, member, index, a cast around a variable (`[int]$x = ...`), or an array literal of those. */
  target: ExpressionAst;
  operator: AssignmentOperator;
  value: StatementAst;
}

export interface IfAst extends AstNode {
  kind: 'If';
  clauses: { condition: PipelineAst | AssignmentAst; body: StatementBlockAst }[];
  elseBody?: StatementBlockAst;
}

export interface SwitchAst extends AstNode {
  kind: 'Switch';
  label?: string;
  flags: { regex: boolean; wildcard: boolean; exact: boolean; caseSensitive: boolean; file: boolean };
  subject: PipelineAst;
  clauses: { pattern: ExpressionAst; body: StatementBlockAst }[];
  defaultBody?: StatementBlockAst;
}

export interface ForEachAst extends AstNode {
  kind: 'ForEach';
  label?: string;
  variable: VariableAst;
  iterable: PipelineAst;
  body: StatementBlockAst;
}

export interface ForAst extends AstNode {
  kind: 'For';
  label?: string;
  init?: StatementAst;
  condition?: StatementAst;
  iterator?: StatementAst;
  body: StatementBlockAst;
}

export interface WhileAst extends AstNode {
  kind: 'While';
  label?: string;
  condition: StatementAst;
  body: StatementBlockAst;
}

/** `do { } while (...)` (until = false) and `do { } until (...)` (until = true). */
export interface DoLoopAst extends AstNode {
  kind: 'DoLoop';
  label?: string;
  until: boolean;
  condition: StatementAst;
  body: StatementBlockAst;
}

export interface FunctionDefinitionAst extends AstNode {
  kind: 'FunctionDefinition';
  /** As written, may include a scope: `global:Get-Thing`. */
  name: string;
  isFilter: boolean;
  /** Parameters declared in parentheses after the name: `function f($a, [int]$b = 2) { }`. */
  parameters?: ParameterAst[];
  body: ScriptBlockAst;
}

export interface TryAst extends AstNode {
  kind: 'Try';
  body: StatementBlockAst;
  /** A catch with no types catches everything. */
  catches: { types: TypeNameAst[]; body: StatementBlockAst; span: Span }[];
  finallyBody?: StatementBlockAst;
}

export interface TrapAst extends AstNode {
  kind: 'Trap';
  type?: TypeNameAst;
  body: StatementBlockAst;
}

export interface BreakAst extends AstNode {
  kind: 'Break';
  label?: ExpressionAst;
}

export interface ContinueAst extends AstNode {
  kind: 'Continue';
  label?: ExpressionAst;
}

export interface ReturnAst extends AstNode {
  kind: 'Return';
  value?: PipelineAst;
}

export interface ExitAst extends AstNode {
  kind: 'Exit';
  value?: PipelineAst;
}

export interface ThrowAst extends AstNode {
  kind: 'Throw';
  value?: PipelineAst;
}

export type AnyAst =
  | ScriptBlockAst
  | StatementBlockAst
  | ParamBlockAst
  | ParameterAst
  | AttributeAst
  | TypeNameAst
  | StatementAst
  | PipelineElementAst
  | CommandParameterAst
  | RedirectionAst
  | ExpressionAst;
