// Token types. The lexer is mode-free: it cuts the text into small tokens that mean the same in argument
// and expression mode, and the parser glues adjacent tokens into barewords where argument mode needs it.
import { createToken, Lexer, type CustomPatternMatcherFunc, type TokenType } from 'chevrotain';
import { scanDoubleQuoted, scanHereString, scanSingleQuoted } from './scan-strings.ts';
import {
  scanBlockComment, scanDashWord, scanEscape, scanGenericChars, scanIdentifier, scanLabel, scanLineComment,
  scanLineContinuation, scanNewLine, scanNumber, scanRedirection, scanSplatVariable, scanVariable, scanWhitespace,
} from './scan-words.ts';
import { isDash } from './chars.ts';

type Scanner = (text: string, start: number) => number;

/** A pattern function that also exposes its scanner, which grammar/scanner.ts calls without allocating. */
export interface ScanningPattern extends CustomPatternMatcherFunc {
  /** The end of the token at `offset`, or -1. */
  scanEnd: Scanner;
}

/** A custom pattern: `scan` runs only when the text at the offset starts with one of `first` (unless `anyStart`). */
function custom(first: readonly (string | number)[], scan: Scanner, anyStart = false): ScanningPattern {
  const starts = new Set(first.map((ch) => (typeof ch === 'string' ? ch.charCodeAt(0) : ch)));
  const scanEnd: Scanner = anyStart ? scan : (text, offset) => (starts.has(text.charCodeAt(offset)) ? scan(text, offset) : -1);
  const pattern = ((text: string, offset: number) => {
    const end = scanEnd(text, offset);
    return end < 0 ? null : ([text.slice(offset, end)] as unknown as RegExpExecArray);
  }) as unknown as ScanningPattern;
  pattern.scanEnd = scanEnd;
  return pattern;
}

// Chevrotain indexes codes below 256 one by one and higher codes in buckets of 256: one code per bucket is enough.
const HIGH_CHARS: number[] = [];
for (let c = 0x80; c < 0x100; c++) HIGH_CHARS.push(c);
for (let c = 0x100; c <= 0xffff; c += 0x100) HIGH_CHARS.push(c);
const chars = (s: string): string[] => Array.from(s);
const LETTERS = chars('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_');
const DASHES = ['-', '\u2013', '\u2014', '\u2015'];
const SINGLE_QUOTES = ["'", '\u2018', '\u2019', '\u201a', '\u201b'];
const DOUBLE_QUOTES = ['"', '\u201c', '\u201d', '\u201e'];

// ---------------------------------------------------------------- categories

/** Tokens that can be part of a bareword (generic token) in argument mode. */
export const ArgAtom = createToken({ name: 'ArgAtom', pattern: Lexer.NA });
export const BinaryOperator = createToken({ name: 'BinaryOperator', pattern: Lexer.NA });
export const UnaryOperator = createToken({ name: 'UnaryOperator', pattern: Lexer.NA });
export const AssignmentOperator = createToken({ name: 'AssignmentOperator', pattern: Lexer.NA });
export const StringToken = createToken({ name: 'StringToken', pattern: Lexer.NA });
/** `;` and newline. */
export const Separator = createToken({ name: 'Separator', pattern: Lexer.NA });
/** `-name` words: parameters in argument mode; operator words are retyped into subtypes of it. */
export const DashWord = createToken({
  name: 'DashWord', pattern: custom(DASHES, scanDashWord), start_chars_hint: DASHES, line_breaks: false, categories: [ArgAtom],
});

// ---------------------------------------------------------------- trivia

const WHITESPACE = [' ', '\t', '\v', '\f', 0xa0, 0x85, 0xfeff, ...Array.from({ length: 11 }, (_, i) => 0x2000 + i), 0x202f, 0x205f, 0x3000];
export const WhiteSpace = createToken({
  name: 'WhiteSpace', pattern: custom(WHITESPACE, scanWhitespace), start_chars_hint: WHITESPACE, line_breaks: false,
  group: Lexer.SKIPPED,
});
export const LineContinuation = createToken({
  name: 'LineContinuation', pattern: custom(['`'], scanLineContinuation), start_chars_hint: ['`'], line_breaks: true,
  group: Lexer.SKIPPED,
});
export const LineComment = createToken({
  name: 'LineComment', pattern: custom(['#'], scanLineComment), start_chars_hint: ['#'], line_breaks: false, group: 'comments',
});
export const BlockComment = createToken({
  name: 'BlockComment', pattern: custom(['<'], (t, i) => (t.startsWith('<#', i) ? scanBlockComment(t, i) : -1)),
  start_chars_hint: ['<'], line_breaks: true, group: 'comments',
});
export const NewLine = createToken({
  name: 'NewLine', pattern: custom(['\r', '\n'], scanNewLine), start_chars_hint: ['\r', '\n'], line_breaks: true, categories: [Separator],
});

// ---------------------------------------------------------------- strings and variables

export const HereStringSQ = createToken({
  name: 'HereStringSQ', categories: [StringToken], line_breaks: true, start_chars_hint: ['@'],
  pattern: custom(['@'], (t, i) => (isQuoteAt(t, i + 1, SINGLE_QUOTES) ? scanHereString(t, i).end : -1)),
});
export const HereStringDQ = createToken({
  name: 'HereStringDQ', categories: [StringToken], line_breaks: true, start_chars_hint: ['@'],
  pattern: custom(['@'], (t, i) => (isQuoteAt(t, i + 1, DOUBLE_QUOTES) ? scanHereString(t, i).end : -1)),
});
export const AtParen = createToken({ name: 'AtParen', pattern: '@(' });
export const AtCurly = createToken({ name: 'AtCurly', pattern: '@{' });
export const SplatVariable = createToken({
  name: 'SplatVariable', pattern: custom(['@'], scanSplatVariable), start_chars_hint: ['@'], line_breaks: false,
});
export const StringSQ = createToken({
  name: 'StringSQ', categories: [StringToken], line_breaks: true, start_chars_hint: SINGLE_QUOTES,
  pattern: custom(SINGLE_QUOTES, (t, i) => scanSingleQuoted(t, i).end),
});
export const StringDQ = createToken({
  name: 'StringDQ', categories: [StringToken], line_breaks: true, start_chars_hint: DOUBLE_QUOTES,
  pattern: custom(DOUBLE_QUOTES, (t, i) => scanDoubleQuoted(t, i).end),
});
export const DollarParen = createToken({ name: 'DollarParen', pattern: '$(' });
export const Variable = createToken({
  name: 'Variable', pattern: custom(['$'], scanVariable), start_chars_hint: ['$'], line_breaks: false,
});
/** `$a` glued to bareword text (`$a/H`): a bareword in argument mode, still a variable in expressions. */
export const VariableWord = createToken({ name: 'VariableWord', pattern: Lexer.NA, categories: [Variable] });
/** `@a` glued to bareword text (`user@domain.com`). */
export const SplatWord = createToken({ name: 'SplatWord', pattern: Lexer.NA, categories: [SplatVariable] });

const REDIRECTION_STARTS = chars('>*123456');
const NUMBER_STARTS = chars('0123456789.');

function isQuoteAt(text: string, i: number, quotes: string[]): boolean {
  return quotes.includes(text.charAt(i));
}

// ---------------------------------------------------------------- punctuation and operators

function punct(name: string, pattern: string, categories: TokenType[] = [ArgAtom]): TokenType {
  return createToken({ name, pattern, categories });
}

/** Operators spelled with `-` or a typographic dash. */
function dashPunct(name: string, scan: Scanner, categories: TokenType[]): TokenType {
  return createToken({ name, pattern: custom(DASHES, scan), start_chars_hint: DASHES, line_breaks: false, categories });
}

export const Redirection = createToken({
  name: 'Redirection', pattern: custom(REDIRECTION_STARTS, scanRedirection), start_chars_hint: REDIRECTION_STARTS,
  line_breaks: false,
});
export const NumberToken = createToken({
  name: 'Number', pattern: custom(NUMBER_STARTS, scanNumber), start_chars_hint: NUMBER_STARTS, line_breaks: false,
  categories: [ArgAtom],
});
export const DotDot = punct('DotDot', '..', [ArgAtom, BinaryOperator]);
export const Dot = punct('Dot', '.');
/** A `.` that cannot be member access (white space before it): at the start of a command it dot-sources. */
export const DotSource = createToken({ name: 'DotSource', pattern: Lexer.NA, categories: [Dot, ArgAtom] });
export const LParen = createToken({ name: 'LParen', pattern: '(' });
export const RParen = createToken({ name: 'RParen', pattern: ')' });
export const LCurly = createToken({ name: 'LCurly', pattern: '{' });
export const RCurly = createToken({ name: 'RCurly', pattern: '}' });
export const LBracket = punct('LBracket', '[');
export const RBracket = punct('RBracket', ']');
export const Comma = createToken({ name: 'Comma', pattern: ',', categories: [UnaryOperator] });
export const Semi = createToken({ name: 'Semi', pattern: ';', categories: [Separator] });
export const OrOr = createToken({ name: 'OrOr', pattern: '||' });
export const Pipe = createToken({ name: 'Pipe', pattern: '|' });
export const AndAnd = createToken({ name: 'AndAnd', pattern: '&&' });
export const Ampersand = createToken({ name: 'Ampersand', pattern: '&' });
export const ColonColon = punct('ColonColon', '::');
/** A `-word` glued to more text (`-FileName"x"`, `-a*`): bareword text, not a parameter. */
export const GluedDashWord = createToken({ name: 'GluedDashWord', pattern: Lexer.NA, categories: [ArgAtom] });
/** A `:label` before a loop keyword (decided by the lexer, which sees what follows). */
export const LoopLabel = createToken({ name: 'LoopLabel', pattern: Lexer.NA, categories: [ArgAtom] });
/** A number glued to letters (`7z.exe`) or `!` glued to a name: the start of a bareword, not an operand. */
export const WordStart = createToken({ name: 'WordStart', pattern: Lexer.NA, categories: [ArgAtom] });
export const Label = createToken({
  name: 'Label', pattern: custom([':'], scanLabel), start_chars_hint: [':'], line_breaks: false, categories: [ArgAtom],
});
export const Colon = punct('Colon', ':');
export const PlusPlus = punct('PlusPlus', '++', [ArgAtom, UnaryOperator]);
export const PlusEquals = punct('PlusEquals', '+=', [ArgAtom, AssignmentOperator]);
export const Plus = punct('Plus', '+', [ArgAtom, BinaryOperator, UnaryOperator]);
export const MinusMinus = dashPunct('MinusMinus', (t, i) => (isDash(t.charCodeAt(i + 1)) ? i + 2 : -1), [ArgAtom, UnaryOperator]);
export const MinusEquals = dashPunct('MinusEquals', (t, i) => (t.charCodeAt(i + 1) === 0x3d ? i + 2 : -1), [ArgAtom, AssignmentOperator]);
export const Minus = dashPunct('Minus', (_t, i) => i + 1, [ArgAtom, BinaryOperator, UnaryOperator]);
export const StarEquals = punct('StarEquals', '*=', [ArgAtom, AssignmentOperator]);
export const Star = punct('Star', '*', [ArgAtom, BinaryOperator]);
export const SlashEquals = punct('SlashEquals', '/=', [ArgAtom, AssignmentOperator]);
export const Slash = punct('Slash', '/', [ArgAtom, BinaryOperator]);
export const PercentEquals = punct('PercentEquals', '%=', [ArgAtom, AssignmentOperator]);
export const Percent = punct('Percent', '%', [ArgAtom, BinaryOperator]);
export const Equals = punct('Equals', '=', [ArgAtom, AssignmentOperator]);
export const Exclaim = punct('Exclaim', '!', [ArgAtom, UnaryOperator]);
export const QuestionQuestionEquals = punct('QuestionQuestionEquals', '??=', [ArgAtom]);
export const QuestionQuestion = punct('QuestionQuestion', '??', [ArgAtom]);
export const QuestionDot = punct('QuestionDot', '?.');
export const Question = punct('Question', '?');
export const LessThan = createToken({ name: 'LessThan', pattern: '<' });
// A custom pattern so Chevrotain's definition check does not call it unreachable behind LineComment.
export const Hash = createToken({ name: 'Hash', pattern: custom(['#'], (_t, i) => i + 1), start_chars_hint: ['#'], categories: [ArgAtom] });
export const At = punct('At', '@');
export const Dollar = punct('Dollar', '$');
export const Escape = createToken({
  name: 'Escape', pattern: custom(['`'], scanEscape), start_chars_hint: ['`'], line_breaks: true, categories: [ArgAtom],
});
export const Identifier = createToken({
  name: 'Identifier', pattern: custom([], scanIdentifier, true), start_chars_hint: [...LETTERS, ...HIGH_CHARS],
  line_breaks: false, categories: [ArgAtom],
});
export const GenericChars = createToken({
  name: 'GenericChars', pattern: custom([], scanGenericChars, true),
  start_chars_hint: ['\\', '~', '^', ...Array.from({ length: 32 }, (_, i) => i), 0x7f, ...HIGH_CHARS],
  line_breaks: false, categories: [ArgAtom],
});

// ---------------------------------------------------------------- retyped words (never produced by a pattern)

/** break, continue, return, exit, throw. */
export const FlowKeyword = createToken({ name: 'FlowKeyword', pattern: Lexer.NA });
/** begin, process, end, dynamicparam. */
export const BlockKeyword = createToken({ name: 'BlockKeyword', pattern: Lexer.NA });

function keyword(name: string, ...categories: TokenType[]): TokenType {
  return createToken({ name: 'Kw' + name, pattern: Lexer.NA, categories: [Identifier, ...categories] });
}

export const Keywords = {
  if: keyword('If'), elseif: keyword('ElseIf'), else: keyword('Else'), switch: keyword('Switch'),
  foreach: keyword('Foreach'), for: keyword('For'), while: keyword('While'), do: keyword('Do'),
  until: keyword('Until'), function: keyword('Function'), filter: keyword('Filter'),
  return: keyword('Return', FlowKeyword), exit: keyword('Exit', FlowKeyword), throw: keyword('Throw', FlowKeyword),
  break: keyword('Break', FlowKeyword), continue: keyword('Continue', FlowKeyword),
  trap: keyword('Trap'), try: keyword('Try'), catch: keyword('Catch'), finally: keyword('Finally'),
  param: keyword('Param'), begin: keyword('Begin', BlockKeyword), process: keyword('Process', BlockKeyword),
  end: keyword('End', BlockKeyword), dynamicparam: keyword('DynamicParam', BlockKeyword), in: keyword('In'),
};

function operatorWord(name: string, categories: TokenType[]): TokenType {
  return createToken({ name, pattern: Lexer.NA, categories: [DashWord, ...categories] });
}

/** Comparison-level binary operators (`-eq`, `-like`, `-replace`, `-is`, `-as`, ...). */
export const OpComparison = operatorWord('OpComparison', [BinaryOperator]);
/** `-split` and `-join`: binary at comparison level and unary. */
export const OpSplitJoin = operatorWord('OpSplitJoin', [BinaryOperator, UnaryOperator]);
export const OpFormat = operatorWord('OpFormat', [BinaryOperator]);
export const OpBitwise = operatorWord('OpBitwise', [BinaryOperator]);
export const OpLogical = operatorWord('OpLogical', [BinaryOperator]);
/** `-not` and `-bnot`. */
export const OpUnaryWord = operatorWord('OpUnaryWord', [UnaryOperator]);

// Order matters: the first pattern that matches wins.
export const allTokens: TokenType[] = [
  WhiteSpace, LineContinuation, Escape, NewLine, LineComment, BlockComment, Semi,
  HereStringSQ, HereStringDQ, AtParen, AtCurly, SplatVariable, At,
  StringSQ, StringDQ, DollarParen, Variable, Dollar,
  Redirection, NumberToken, DotDot, Dot, LParen, RParen, LCurly, RCurly, LBracket, RBracket, Comma,
  OrOr, Pipe, AndAnd, Ampersand, ColonColon, Label, Colon,
  PlusPlus, PlusEquals, Plus, MinusMinus, MinusEquals, DashWord, Minus,
  StarEquals, Star, SlashEquals, Slash, PercentEquals, Percent, Equals, Exclaim,
  QuestionQuestionEquals, QuestionQuestion, QuestionDot, Question, LessThan, Hash,
  Identifier, GenericChars,
  ArgAtom, BinaryOperator, UnaryOperator, AssignmentOperator, StringToken, Separator, FlowKeyword, BlockKeyword,
  LoopLabel, WordStart, VariableWord, SplatWord, DotSource, GluedDashWord,
  ...Object.values(Keywords), OpComparison, OpSplitJoin, OpFormat, OpBitwise, OpLogical, OpUnaryWord,
];
