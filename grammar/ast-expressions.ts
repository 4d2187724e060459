// The typed syntax tree, expressions: constants, strings, variables, arrays, hashtables, script
// block literals, operators, conversions, member access and invocation, indexing (the rest of the
// tree: ast.ts).
import type { AstNode, ScriptBlockAst, Span, StatementAst, StatementBlockAst, TypeNameAst } from './ast.ts';

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
export interface ConstantAst extends AstNode {
  kind: 'Constant';
  value: number | bigint;
  /** 'int' | 'long' | 'double' | 'decimal' | 'byte' | 'sbyte' | 'short' | 'ushort' | 'uint' | 'ulong' | 'bigint' */
  type: string;
  /** The literal as written (PowerShell keeps it for bareword arguments such as `007`). */
  text: string;
}

export type StringQuote = 'single' | 'double' | 'bare' | 'hereSingle' | 'hereDouble';

export interface StringConstantAst extends AstNode {
  kind: 'StringConstant';
  value: string;
  quote: StringQuote;
}

/** A double-quoted (or bareword) string with `$var`, `${var}` or `$(...)` parts. */
export interface ExpandableStringAst extends AstNode {
  kind: 'ExpandableString';
  /** Literal text (escapes already applied) alternating with embedded expressions. */
  parts: (string | ExpressionAst)[];
  quote: StringQuote;
}

export interface VariableAst extends AstNode {
  kind: 'Variable';
  /** Name without `$` and without scope: `x`, `_`, `true`, `HOME`, `a b`. */
  name: string;
  /** Scope or drive qualifier in lower case: 'global', 'script', 'local', 'private', 'env', 'variable', 'function'... */
  scope?: string;
  /** `@name` (splatting) rather than `$name`. */
  splat: boolean;
}

/** `a, b, c` */
export interface ArrayLiteralAst extends AstNode {
  kind: 'ArrayLiteral';
  elements: ExpressionAst[];
}

/** `@( ... )` */
export interface ArrayExpressionAst extends AstNode {
  kind: 'ArrayExpression';
  body: StatementBlockAst;
}

/** `$( ... )` */
export interface SubExpressionAst extends AstNode {
  kind: 'SubExpression';
  body: StatementBlockAst;
}

/** `( pipeline )` */
export interface ParenAst extends AstNode {
  kind: 'Paren';
  pipeline: StatementAst;
}

export interface HashtableAst extends AstNode {
  kind: 'Hashtable';
  entries: { key: ExpressionAst; value: StatementAst; span: Span }[];
}

export interface ScriptBlockExpressionAst extends AstNode {
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
export interface BinaryAst extends AstNode {
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
export interface UnaryAst extends AstNode {
  kind: 'Unary';
  operator: string;
  postfix: boolean;
  caseSensitive: boolean;
  operand: ExpressionAst;
}

/** `[type] operand` */
export interface ConvertAst extends AstNode {
  kind: 'Convert';
  type: TypeNameAst;
  operand: ExpressionAst;
}

/** `[type]` on its own (e.g. before `::`). */
export interface TypeLiteralAst extends AstNode {
  kind: 'TypeLiteral';
  type: TypeNameAst;
}

/** `target.name`, `target.$name`, `target::name` (static), `target?.name` (nullConditional). */
export interface MemberAst extends AstNode {
  kind: 'Member';
  target: ExpressionAst;
  /** A StringConstant for a plain name; any expression for `.$x` or `.(expr)`. */
  member: ExpressionAst;
  static: boolean;
  nullConditional: boolean;
}

/** `target.Method(args)` or `[type]::Method(args)`. */
export interface InvokeMemberAst extends AstNode {
  kind: 'InvokeMember';
  target: ExpressionAst;
  member: ExpressionAst;
  args: ExpressionAst[];
  static: boolean;
  nullConditional: boolean;
}

/** `target[index]` (the index may be an array literal: `$a[0, 2]`). */
export interface IndexAst extends AstNode {
  kind: 'Index';
  target: ExpressionAst;
  index: ExpressionAst;
  nullConditional: boolean;
}

/** PS7 `cond ? a : b`. */
export interface TernaryAst extends AstNode {
  kind: 'Ternary';
  condition: ExpressionAst;
  ifTrue: ExpressionAst;
  ifFalse: ExpressionAst;
}
