// The typed syntax tree of the emsh language. Every node has a source span.
// The parser (grammar/parser.ts) produces it; the evaluator (src/runtime/) walks it.

/** A source range. Offsets are 0-based (end exclusive); lines and columns are 1-based. */
export interface Span {
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

interface Node {
  span: Span;
}

// ---------------------------------------------------------------- script blocks

/** A script, a `{ ... }` script block, or a function body. */
export interface ScriptBlockAst extends Node {
  kind: 'ScriptBlock';
  paramBlock?: ParamBlockAst;
  /** Named blocks. A body without named blocks puts its statements in `end`. */
  begin?: StatementBlockAst;
  process?: StatementBlockAst;
  end?: StatementBlockAst;
  /** The source text of the block, braces excluded (what `$sb.ToString()` shows). */
  text: string;
}

export interface StatementBlockAst extends Node {
  kind: 'StatementBlock';
  statements: StatementAst[];
  /** `trap` statements of this block (they apply to the whole block, wherever they appear). */
  traps: TrapAst[];
}

export interface ParamBlockAst extends Node {
  kind: 'ParamBlock';
  /** Attributes before `param(`, e.g. `[CmdletBinding()]`. */
  attributes: AttributeAst[];
  parameters: ParameterAst[];
}

export interface ParameterAst extends Node {
  kind: 'Parameter';
  /** Variable name without `$`. */
  name: string;
  /** Type constraint such as `[string[]]` (the last type literal before the variable). */
  type?: TypeNameAst;
  attributes: AttributeAst[];
  defaultValue?: ExpressionAst;
}

/** `[Name(positional, ..., Named = value, Flag)]` */
export interface AttributeAst extends Node {
  kind: 'Attribute';
  name: string;
  positional: ExpressionAst[];
  /** A named argument without `= value` (e.g. `Mandatory`) has no `value`: it means `$true`. */
  named: { name: string; value?: ExpressionAst; span: Span }[];
}

export interface TypeNameAst extends Node {
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
export interface PipelineAst extends Node {
  kind: 'Pipeline';
  elements: PipelineElementAst[];
}

export type AssignmentOperator = '=' | '+=' | '-=' | '*=' | '/=' | '%=';

export interface AssignmentAst extends Node {
  kind: 'Assignment';
  /** A variable, member, index, a cast around a variable (`[int]$x = ...`), or an array literal of those. */
  target: ExpressionAst;
  operator: AssignmentOperator;
  value: StatementAst;
}

export interface IfAst extends Node {
  kind: 'If';
  clauses: { condition: PipelineAst | AssignmentAst; body: StatementBlockAst }[];
  elseBody?: StatementBlockAst;
}

export interface SwitchAst extends Node {
  kind: 'Switch';
  label?: string;
  flags: { regex: boolean; wildcard: boolean; exact: boolean; caseSensitive: boolean; file: boolean };
  subject: PipelineAst;
  clauses: { pattern: ExpressionAst; body: StatementBlockAst }[];
  defaultBody?: StatementBlockAst;
}

export interface ForEachAst extends Node {
  kind: 'ForEach';
  label?: string;
  variable: VariableAst;
  iterable: PipelineAst;
  body: StatementBlockAst;
}

export interface ForAst extends Node {
  kind: 'For';
  label?: string;
  init?: StatementAst;
  condition?: StatementAst;
  iterator?: StatementAst;
  body: StatementBlockAst;
}

export interface WhileAst extends Node {
  kind: 'While';
  label?: string;
  condition: StatementAst;
  body: StatementBlockAst;
}

/** `do { } while (...)` (until = false) and `do { } until (...)` (until = true). */
export interface DoLoopAst extends Node {
  kind: 'DoLoop';
  label?: string;
  until: boolean;
  condition: StatementAst;
  body: StatementBlockAst;
}

export interface FunctionDefinitionAst extends Node {
  kind: 'FunctionDefinition';
  /** As written, may include a scope: `global:Get-Thing`. */
  name: string;
  isFilter: boolean;
  /** Parameters declared in parentheses after the name: `function f($a, [int]$b = 2) { }`. */
  parameters?: ParameterAst[];
  body: ScriptBlockAst;
}

export interface TryAst extends Node {
  kind: 'Try';
  body: StatementBlockAst;
  /** A catch with no types catches everything. */
  catches: { types: TypeNameAst[]; body: StatementBlockAst; span: Span }[];
  finallyBody?: StatementBlockAst;
}

export interface TrapAst extends Node {
  kind: 'Trap';
  type?: TypeNameAst;
  body: StatementBlockAst;
}

export interface BreakAst extends Node {
  kind: 'Break';
  label?: ExpressionAst;
}

export interface ContinueAst extends Node {
  kind: 'Continue';
  label?: ExpressionAst;
}

export interface ReturnAst extends Node {
  kind: 'Return';
  value?: PipelineAst;
}

export interface ExitAst extends Node {
  kind: 'Exit';
  value?: PipelineAst;
}

export interface ThrowAst extends Node {
  kind: 'Throw';
  value?: PipelineAst;
}

// ---------------------------------------------------------------- pipeline elements

export type PipelineElementAst = CommandAst | CommandExpressionAst;

export interface CommandAst extends Node {
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
export interface CommandExpressionAst extends Node {
  kind: 'CommandExpression';
  expression: ExpressionAst;
  redirections: RedirectionAst[];
}

export type CommandElementAst = CommandParameterAst | ExpressionAst;

/** `-Name`, `-Name:value`. */
export interface CommandParameterAst extends Node {
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
export interface RedirectionAst extends Node {
  kind: 'Redirection';
  from: StreamName;
  /** A file target (`> file`); absent for a merge (`2>&1`). */
  target?: ExpressionAst;
  append: boolean;
  /** For merges: the stream merged into (always 'output' in practice). */
  mergeTo?: StreamName;
}

// ---------------------------------------------------------------- expressions

export type ExpressionAst =
  | ConstantAst
  | StringConstantAst
  | ExpandableStringAst
  | VariableAst
  | ArrayLiteralAst
  | ArrayExpressionAst
  | SubExpressionAst
  | ParenAst
  | HashtableAst
  | ScriptBlockExpressionAst
  | BinaryAst
  | UnaryAst
  | ConvertAst
  | TypeLiteralAst
  | MemberAst
  | InvokeMemberAst
  | IndexAst
  | TernaryAst;

/** Numbers (and other literal constants). `type` records a type suffix or the natural type. */
export interface ConstantAst extends Node {
  kind: 'Constant';
  value: number | bigint;
  /** 'int' | 'long' | 'double' | 'decimal' | 'byte' | 'sbyte' | 'short' | 'ushort' | 'uint' | 'ulong' | 'bigint' */
  type: string;
  /** The literal as written (PowerShell keeps it for bareword arguments such as `007`). */
  text: string;
}

export type StringQuote = 'single' | 'double' | 'bare' | 'hereSingle' | 'hereDouble';

export interface StringConstantAst extends Node {
  kind: 'StringConstant';
  value: string;
  quote: StringQuote;
}

/** A double-quoted (or bareword) string with `$var`, `${var}` or `$(...)` parts. */
export interface ExpandableStringAst extends Node {
  kind: 'ExpandableString';
  /** Literal text (escapes already applied) alternating with embedded expressions. */
  parts: (string | ExpressionAst)[];
  quote: StringQuote;
}

export interface VariableAst extends Node {
  kind: 'Variable';
  /** Name without `$` and without scope: `x`, `_`, `true`, `HOME`, `a b`. */
  name: string;
  /** Scope or drive qualifier in lower case: 'global', 'script', 'local', 'private', 'env', 'variable', 'function'... */
  scope?: string;
  /** `@name` (splatting) rather than `$name`. */
  splat: boolean;
}

/** `a, b, c` */
export interface ArrayLiteralAst extends Node {
  kind: 'ArrayLiteral';
  elements: ExpressionAst[];
}

/** `@( ... )` */
export interface ArrayExpressionAst extends Node {
  kind: 'ArrayExpression';
  body: StatementBlockAst;
}

/** `$( ... )` */
export interface SubExpressionAst extends Node {
  kind: 'SubExpression';
  body: StatementBlockAst;
}

/** `( pipeline )` */
export interface ParenAst extends Node {
  kind: 'Paren';
  pipeline: StatementAst;
}

export interface HashtableAst extends Node {
  kind: 'Hashtable';
  entries: { key: ExpressionAst; value: StatementAst; span: Span }[];
}

export interface ScriptBlockExpressionAst extends Node {
  kind: 'ScriptBlockExpression';
  block: ScriptBlockAst;
}

/**
 * Binary operators, lower-cased, with the case prefix removed: `-ceq` is `-eq` with caseSensitive true,
 * `-ieq` and `-eq` are `-eq` with caseSensitive false. Arithmetic: `+ - * / %`; range `..`;
 * format `-f`; comparison `-eq -ne -gt -ge -lt -le -like -notlike -match -notmatch -contains
 * -notcontains -in -notin -replace -split -join -is -isnot -as`; logical `-and -or -xor`;
 * bitwise `-band -bor -bxor -shl -shr`; PS7 `??`.
 */
export interface BinaryAst extends Node {
  kind: 'Binary';
  operator: string;
  caseSensitive: boolean;
  left: ExpressionAst;
  right: ExpressionAst;
  /** Span of the operator token itself (for error positions). */
  operatorSpan: Span;
}

/**
 * Unary operators: `-not`, `!`, `-bnot`, `-` (negate), `+`, `,` (unary comma: one-element array),
 * `-split`, `-join`, prefix `++`/`--` (operator '++' / '--' with postfix false) and postfix (postfix true).
 */
export interface UnaryAst extends Node {
  kind: 'Unary';
  operator: string;
  postfix: boolean;
  caseSensitive: boolean;
  operand: ExpressionAst;
}

/** `[type] operand` */
export interface ConvertAst extends Node {
  kind: 'Convert';
  type: TypeNameAst;
  operand: ExpressionAst;
}

/** `[type]` on its own (e.g. before `::`). */
export interface TypeLiteralAst extends Node {
  kind: 'TypeLiteral';
  type: TypeNameAst;
}

/** `target.name`, `target.$name`, `target::name` (static), `target?.name` (nullConditional). */
export interface MemberAst extends Node {
  kind: 'Member';
  target: ExpressionAst;
  /** A StringConstant for a plain name; any expression for `.$x` or `.(expr)`. */
  member: ExpressionAst;
  static: boolean;
  nullConditional: boolean;
}

/** `target.Method(args)` or `[type]::Method(args)`. */
export interface InvokeMemberAst extends Node {
  kind: 'InvokeMember';
  target: ExpressionAst;
  member: ExpressionAst;
  args: ExpressionAst[];
  static: boolean;
  nullConditional: boolean;
}

/** `target[index]` (the index may be an array literal: `$a[0, 2]`). */
export interface IndexAst extends Node {
  kind: 'Index';
  target: ExpressionAst;
  index: ExpressionAst;
  nullConditional: boolean;
}

/** PS7 `cond ? a : b`. */
export interface TernaryAst extends Node {
  kind: 'Ternary';
  condition: ExpressionAst;
  ifTrue: ExpressionAst;
  ifFalse: ExpressionAst;
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
