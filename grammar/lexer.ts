// The Chevrotain lexer plus a retyping pass: identifiers that spell a keyword and dash-words that spell an
// operator get their specific token type (a keyword is still an Identifier, an operator still a DashWord).
import { Lexer, tokenMatcher, type IToken, type TokenType } from 'chevrotain';
import {
  allTokens, AndAnd, ArgAtom, At, AtParen, BlockComment, ColonColon, DashWord, Dollar, DollarParen, Dot, DotSource, Escape, Exclaim,
  GenericChars, GluedDashWord, Identifier, Keywords, Label, LBracket, LCurly, LoopLabel, LParen, MinusMinus, NewLine, NumberToken, OrOr, Pipe, Semi,
  QuestionDot, SplatVariable, SplatWord, StringDQ, StringSQ, Variable, VariableWord, WordStart, OpBitwise, OpComparison, OpFormat, OpLogical, OpSplitJoin, OpUnaryWord,
} from './tokens.ts';
import { scanTokens } from './scanner.ts';

export interface OperatorInfo {
  /** Normalised operator: lower case, case prefix removed (`-ceq` is `-eq`). */
  operator: string;
  caseSensitive: boolean;
  type: TokenType;
}

const KEYWORD_TYPES = new Map<string, TokenType>(Object.entries(Keywords));
const OPERATORS = new Map<string, OperatorInfo>();

function addOperators(names: string, type: TokenType, withCaseVariants: boolean): void {
  for (const name of names.split(' ')) {
    OPERATORS.set(name, { operator: '-' + name, caseSensitive: false, type });
    if (withCaseVariants) {
      OPERATORS.set('i' + name, { operator: '-' + name, caseSensitive: false, type });
      OPERATORS.set('c' + name, { operator: '-' + name, caseSensitive: true, type });
    }
  }
}
addOperators('eq ne gt ge lt le like notlike match notmatch replace contains notcontains in notin', OpComparison, true);
addOperators('is isnot as', OpComparison, false);
addOperators('split', OpSplitJoin, true);
addOperators('join', OpSplitJoin, false);
addOperators('f', OpFormat, false);
addOperators('band bor bxor shl shr', OpBitwise, false);
addOperators('and or xor', OpLogical, false);
addOperators('not bnot', OpUnaryWord, false);

/** The operator spelled by a dash-word token (`-CEQ` → `-eq`, case-sensitive), if any. */
export function operatorOf(token: IToken): OperatorInfo | undefined {
  const image = token.image;
  if (image.length > 13 || image.endsWith(':')) return undefined;
  return OPERATORS.get(image.slice(1).toLowerCase());
}

const KEYWORD_INITIALS = new Set([...KEYWORD_TYPES.keys()].map((k) => k.charCodeAt(0)));

/** A cheap filter before the case-insensitive keyword lookup (most identifiers are not keywords). */
function couldBeKeyword(image: string): boolean {
  return image.length >= 2 && image.length <= 12 && KEYWORD_INITIALS.has(image.charCodeAt(0) | 0x20);
}

export function isKeywordText(text: string): boolean {
  return KEYWORD_TYPES.has(text.toLowerCase());
}

/** A problem found while lexing (offsets into the whole text). */
export interface LexProblem {
  id: string;
  start: number;
  end: number;
  incomplete: boolean;
}

export interface LexResult {
  tokens: IToken[];
  comments: IToken[];
  problems: LexProblem[];
}

/** Chevrotain's own lexer over the same definitions: tests use it to validate them and to cross-check scanTokens. */
export function createLexer(validate: boolean): Lexer {
  return new Lexer(allTokens, {
    positionTracking: 'onlyOffset',
    skipValidations: !validate,
    ensureOptimizations: validate,
    recoveryEnabled: true,
  });
}

export function tokenize(text: string, base = 0): LexResult {
  const result = scanTokens(text);
  const tokens = result.tokens;
  const identifierIdx = Identifier.tokenTypeIdx;
  const dashWordIdx = DashWord.tokenTypeIdx;
  let labels = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const type = token.tokenType;
    if (token.tokenTypeIdx === identifierIdx) {
      // A keyword glued to more bareword text is a bareword: `foreach-object`, `if.txt`.
      if (couldBeKeyword(token.image) && !gluedToWord(token, tokens[i + 1])) {
        retype(token, KEYWORD_TYPES.get(token.image.toLowerCase()));
      }
    } else if (token.tokenTypeIdx === dashWordIdx) {
      const operator = operatorOf(token);
      if (operator) retype(token, operator.type);
      else if (!token.image.endsWith(':') && gluedToWord(token, tokens[i + 1])) retype(token, GluedDashWord);
    } else if (type === NumberToken || type === Exclaim) {
      if (startsWord(token, tokens[i + 1])) retype(token, WordStart);
    } else if (type === Variable) {
      const next = tokens[i + 1];
      if (gluedToWord(token, next) && !isPostfixOperator(next.tokenType)) retype(token, VariableWord);
    } else if (type === SplatVariable) {
      if (gluedToWord(token, tokens[i + 1])) retype(token, SplatWord);
    } else if (type === Dot) {
      const next = tokens[i + 1];
      const afterSpace = i === 0 || !touching(tokens[i - 1], token) || COMMAND_STARTERS.has(tokens[i - 1].tokenType);
      if (afterSpace && (!touching(token, next) || next.tokenType === Variable || next.tokenType === StringSQ || next.tokenType === StringDQ)) {
        retype(token, DotSource);
      }
    } else if (type === MinusMinus) {
      const next = tokens[i + 1];
      if (touching(token, next) && (next.tokenType === Identifier || next.tokenType === GenericChars)) retype(token, WordStart);
    } else if (type === Label) labels = true;
  }
  if (labels) retypeLoopLabels(tokens);
  if (base !== 0) for (const token of tokens) shift(token, base);
  const comments = result.comments;
  if (base !== 0) for (const c of comments) shift(c, base);
  const problems: LexProblem[] = [];
  // A backtick at the very end escapes nothing: PowerShell reports an incomplete token and ignores it.
  const last = tokens[tokens.length - 1];
  if (last !== undefined && last.tokenType === Escape && (last.startOffset + last.image.length) === base + text.length && last.image.trim() === '`') {
    tokens.pop();
    problems.push({ id: 'IncompleteString', start: base + text.length, end: base + text.length, incomplete: true });
  }
  for (const c of comments) {
    if (c.tokenType === BlockComment && !c.image.endsWith('#>')) {
      problems.push({ id: 'MissingTerminatorMultiLineComment', start: c.startOffset, end: c.startOffset, incomplete: true });
    }
  }
  for (const e of result.errors) problems.push({ id: 'UnrecognizedToken', start: base + e.offset, end: base + e.offset + e.length, incomplete: false });
  return { tokens, comments, problems };
}

/** Tokens after which a command starts, so a `.` touching them still dot-sources (`x\n. $path`). */
const COMMAND_STARTERS = new Set<TokenType>([NewLine, Semi, LCurly, LParen, DollarParen, AtParen, Pipe, AndAnd, OrOr]);

function touching(a: IToken, b: IToken | undefined): b is IToken {
  return b !== undefined && a.startOffset + a.image.length === b.startOffset;
}

function gluedToWord(token: IToken, next: IToken | undefined): boolean {
  if (!touching(token, next)) return false;
  const t = next.tokenType;
  return t === Variable || t === SplatVariable || t === StringSQ || t === StringDQ || t === DollarParen
    || tokenMatcher(next, ArgAtom) || t === VariableWord || t === SplatWord;
}

function isPostfixOperator(type: TokenType): boolean {
  return type === Dot || type === LBracket || type === ColonColon || type === QuestionDot;
}

/** `7z.exe` and `!name` start barewords (PowerShell scans them as generic tokens). */
function startsWord(token: IToken, next: IToken | undefined): boolean {
  if (!touching(token, next)) return false;
  const t = next.tokenType;
  // The next token has not been retyped yet, so a keyword is still an Identifier here.
  if (token.tokenType === Exclaim) return t === Identifier;
  return t === Identifier || t === GenericChars || t === Escape || t === Variable || t === SplatVariable || t === Dollar
    || t === At || t === DollarParen;
}

const LOOP_KEYWORDS = new Set<TokenType>([Keywords.switch, Keywords.foreach, Keywords.for, Keywords.while, Keywords.do]);

/** A `:label` is a loop label only when a loop keyword follows (possibly on a later line). */
function retypeLoopLabels(tokens: IToken[]): void {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].tokenType !== Label || gluedToWord(tokens[i], tokens[i + 1])) continue;
    let k = i + 1;
    while (k < tokens.length && tokens[k].tokenType === NewLine) k++;
    if (k < tokens.length && LOOP_KEYWORDS.has(tokens[k].tokenType)) retype(tokens[i], LoopLabel);
  }
}

function retype(token: IToken, type: TokenType | undefined): void {
  if (type === undefined) return;
  token.tokenType = type;
  token.tokenTypeIdx = type.tokenTypeIdx!;
}

function shift(token: IToken, base: number): void {
  token.startOffset += base;
}
