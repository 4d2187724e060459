// The Chevrotain lexer plus a retyping pass: identifiers that spell a keyword and dash-words that spell an
// operator get their specific token type (a keyword is still an Identifier, an operator still a DashWord).
import { Lexer, type IToken, type TokenType } from 'chevrotain';
import {
  allTokens, BlockComment, DashWord, Escape, Identifier, Keywords, OpBitwise, OpComparison, OpFormat, OpLogical, OpSplitJoin, OpUnaryWord,
} from './tokens.ts';

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

let sharedLexer: Lexer | undefined;

export function createLexer(validate: boolean): Lexer {
  return new Lexer(allTokens, {
    positionTracking: 'onlyOffset',
    skipValidations: !validate,
    ensureOptimizations: validate,
    recoveryEnabled: true,
  });
}

export function tokenize(text: string, base = 0): LexResult {
  sharedLexer ??= createLexer(false);
  const result = sharedLexer.tokenize(text);
  const tokens = result.tokens;
  const identifierIdx = Identifier.tokenTypeIdx;
  const dashWordIdx = DashWord.tokenTypeIdx;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.tokenTypeIdx === identifierIdx) {
      if (token.image.length <= 12) retype(token, KEYWORD_TYPES.get(token.image.toLowerCase()));
    } else if (token.tokenTypeIdx === dashWordIdx) {
      retype(token, operatorOf(token)?.type);
    }
    if (base !== 0) shift(token, base);
  }
  const comments = (result.groups.comments ?? []) as IToken[];
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

function retype(token: IToken, type: TokenType | undefined): void {
  if (type === undefined) return;
  token.tokenType = type;
  token.tokenTypeIdx = type.tokenTypeIdx!;
}

function shift(token: IToken, base: number): void {
  token.startOffset += base;
}
