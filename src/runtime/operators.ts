// The evaluator's entry points for operators (names as in grammar/ast.ts BinaryAst/UnaryAst):
//   binaryOperation('-eq', caseSensitive, left, right, ctx?)  unaryOperation('-not', operand)
// Operands are already evaluated; -and/-or short-circuiting and ++/-- assignment stay in the evaluator.
// `$Matches`: -match/-notmatch call ctx.setMatches(hashtable) when a scalar matches (see OperatorContext).
import { add, bitwise, bitwiseNot, divide, multiply, negate, remainder, shift, subtract, unaryPlus } from './arithmetic.ts';
import { psCompare, psEquals } from './comparison.ts';
import { collectionItems, requireType, toBool, tryConvertTo } from './conversion.ts';
import { toInteger } from './conversion-scalars.ts';
import { isPSType } from './dotnet-type.ts';
import type { PSType } from './dotnet-type.ts';
import { integerArithmetic, integerDivide, integerKinds } from './numeric.ts';
import { RuntimeError, divideByZero } from './runtime-error.ts';
import {
  formatOperatorValues,
  isCollection,
  joinOperator,
  likeOperator,
  matchOperator,
  replaceOperator,
  splitOperator,
  unarySplit,
} from './string-operators.ts';
import type { OperatorContext } from './string-operators.ts';
import { tagElementType } from './dotnet-values.ts';
import { resolveType } from './types.ts';
import { AutomationNull, PSObject } from './values.ts';

export type { OperatorContext } from './string-operators.ts';

function unwrap(v: unknown): unknown {
  if (v === undefined || v === AutomationNull) return null;
  return v instanceof PSObject && v.baseObject !== undefined ? v.baseObject : v;
}

type Compare = (l: unknown, r: unknown) => boolean;

/** Comparison with PowerShell's collection rule: an array on the left returns the matching elements. */
function compareOperator(left: unknown, right: unknown, test: Compare): unknown {
  const l = unwrap(left);
  if (isCollection(l)) return [...l].filter((item) => test(item, right));
  return test(l, right);
}

function operandType(right: unknown, op: string): PSType {
  const r = unwrap(right);
  if (isPSType(r)) return r;
  if (typeof r === 'string') return requireType(r);
  throw new RuntimeError(`The right operand of '${op}' must be a type.`, op === '-as' ? 'AsOperatorRequiresType' : 'IsOperatorRequiresType', 'System.Management.Automation.RuntimeException', 'InvalidOperation');
}

function isOperator(left: unknown, right: unknown): boolean {
  const type = operandType(right, '-is');
  const l = left === AutomationNull || left === undefined ? null : left;
  if (l === null) return false;
  if (type.isInstance(l)) return true;
  return l instanceof PSObject && l.baseObject !== undefined && type.isInstance(l.baseObject);
}

function containsOperator(collection: unknown, value: unknown, caseSensitive: boolean): boolean {
  return collectionItems(unwrap(collection)).some((item) => psEquals(item, value, caseSensitive));
}

/** Elements of `left..right`, lazily: ints (rounded as [int]) or, for one-letter strings, characters. */
export function* rangeIterator(left: unknown, right: unknown): Generator<number | string> {
  const l = unwrap(left);
  const r = unwrap(right);
  if (typeof l === 'string' && typeof r === 'string' && l.length === 1 && r.length === 1 && !/\d/.test(l + r)) {
    const a = l.charCodeAt(0);
    const b = r.charCodeAt(0);
    const step = a <= b ? 1 : -1;
    for (let c = a; ; c += step) {
      yield String.fromCharCode(c);
      if (c === b) return;
    }
  }
  const a = Number(toInteger(l, integerKinds.int32));
  const b = Number(toInteger(r, integerKinds.int32));
  const step = a <= b ? 1 : -1;
  for (let i = a; ; i += step) {
    yield i;
    if (i === b) return;
  }
}

/** Number of elements `left..right` produces (to refuse materializing absurd ranges). */
function rangeLength(left: unknown, right: unknown): number {
  const l = unwrap(left);
  const r = unwrap(right);
  if (typeof l === 'string' && typeof r === 'string' && l.length === 1 && r.length === 1 && !/\d/.test(l + r)) {
    return Math.abs(l.charCodeAt(0) - r.charCodeAt(0)) + 1;
  }
  return Math.abs(Number(toInteger(l, integerKinds.int32)) - Number(toInteger(r, integerKinds.int32))) + 1;
}

/** Ranges larger than this are refused by binaryOperation; the evaluator streams them with rangeIterator. */
export const MAX_MATERIALIZED_RANGE = 50_000_000;

function rangeArray(left: unknown, right: unknown): unknown[] {
  if (rangeLength(left, right) > MAX_MATERIALIZED_RANGE) {
    throw new RuntimeError(
      `The range ${String(unwrap(left))}..${String(unwrap(right))} is too large to create as an array; use it in a pipeline or foreach instead.`,
      'RangeTooLarge',
      'System.Management.Automation.RuntimeException',
      'InvalidOperation',
    );
  }
  const out = [...rangeIterator(left, right)];
  const element = typeof out[0] === 'string' ? resolveType('char') : undefined;
  return element ? tagElementType(out, element) : out;
}

type NumberOperator = (a: number, b: number) => unknown;

/**
 * The same operators on two JS numbers, without unwrapping or conversion: what binaryOperation computes
 * for them (integers exact while safe, then Int64/Double through numeric.ts; comparisons as psCompare,
 * NaN included). The evaluator uses these when both operands are numbers, as in `$_ * 2` or `$i -lt 10`.
 */
const numberOperators: Record<string, NumberOperator> = {
  '+': (a, b) => {
    const r = a + b;
    if (Number.isInteger(a) && Number.isInteger(b)) return Number.isSafeInteger(r) ? r + 0 : integerArithmetic('+', a, b);
    return r;
  },
  '-': (a, b) => {
    const r = a - b;
    if (Number.isInteger(a) && Number.isInteger(b)) return Number.isSafeInteger(r) ? r + 0 : integerArithmetic('-', a, b);
    return r;
  },
  '*': (a, b) => {
    const r = a * b;
    if (Number.isInteger(a) && Number.isInteger(b)) return Number.isSafeInteger(r) ? r + 0 : integerArithmetic('*', a, b);
    return r;
  },
  '/': (a, b) => {
    if (!Number.isInteger(a) || !Number.isInteger(b)) return a / b;
    if (b === 0) throw divideByZero();
    return integerDivide(a, b);
  },
  '%': (a, b) => {
    if (!Number.isInteger(a) || !Number.isInteger(b)) return a % b;
    if (b === 0) throw divideByZero();
    const r = a % b; // integerRemainder's number case, without the call
    return r === 0 ? 0 : r;
  },
  '-eq': (a, b) => !(a < b || a > b),
  '-ne': (a, b) => a < b || a > b,
  '-gt': (a, b) => a > b,
  '-ge': (a, b) => !(a < b),
  '-lt': (a, b) => a < b,
  '-le': (a, b) => !(a > b),
};

export function numberOperator(op: string): NumberOperator | undefined {
  return Object.hasOwn(numberOperators, op) ? numberOperators[op] : undefined;
}

/**
 * Applies a binary operator to evaluated operands. `op` is lower case without the case prefix
 * (`-ceq` is `-eq` with caseSensitive true). Throws RuntimeError with PowerShell's messages.
 */
export function binaryOperation(op: string, caseSensitive: boolean, left: unknown, right: unknown, ctx?: OperatorContext): unknown {
  switch (op) {
    case '+':
      return add(left, right);
    case '-':
      return subtract(left, right);
    case '*':
      return multiply(left, right);
    case '/':
      return divide(left, right);
    case '%':
      return remainder(left, right);
    case '-eq':
      return compareOperator(left, right, (l, r) => psEquals(l, r, caseSensitive));
    case '-ne':
      return compareOperator(left, right, (l, r) => !psEquals(l, r, caseSensitive));
    case '-gt':
      return compareOperator(left, right, (l, r) => psCompare(l, r, caseSensitive) > 0);
    case '-ge':
      return compareOperator(left, right, (l, r) => psCompare(l, r, caseSensitive) >= 0);
    case '-lt':
      return compareOperator(left, right, (l, r) => psCompare(l, r, caseSensitive) < 0);
    case '-le':
      return compareOperator(left, right, (l, r) => psCompare(l, r, caseSensitive) <= 0);
    case '-like':
      return likeOperator(left, right, caseSensitive, false);
    case '-notlike':
      return likeOperator(left, right, caseSensitive, true);
    case '-match':
      return matchOperator(left, right, caseSensitive, false, ctx);
    case '-notmatch':
      return matchOperator(left, right, caseSensitive, true, ctx);
    case '-contains':
      return containsOperator(left, right, caseSensitive);
    case '-notcontains':
      return !containsOperator(left, right, caseSensitive);
    case '-in':
      return containsOperator(right, left, caseSensitive);
    case '-notin':
      return !containsOperator(right, left, caseSensitive);
    case '-replace':
      return replaceOperator(left, right, caseSensitive, ctx);
    case '-split':
      return splitOperator(left, right, caseSensitive, ctx);
    case '-join':
      return joinOperator(left, right);
    case '-f':
      return formatOperatorValues(left, right);
    case '-is':
      return isOperator(left, right);
    case '-isnot':
      return !isOperator(left, right);
    case '-as':
      return tryConvertTo(left, operandType(right, '-as'));
    case '..':
      return rangeArray(left, right);
    case '-and':
      return toBool(left) && toBool(right);
    case '-or':
      return toBool(left) || toBool(right);
    case '-xor':
      return toBool(left) !== toBool(right);
    case '-band':
    case '-bor':
    case '-bxor':
      return bitwise(op, left, right);
    case '-shl':
    case '-shr':
      return shift(op, left, right);
    case '??':
      return unwrap(left) === null ? right : left;
  }
  throw new Error(`Unknown binary operator '${op}'`);
}

/**
 * Applies a unary operator: `-not` `!` `-bnot` `-` `+` `,` `-split` `-join`, and `++`/`--` (the new value;
 * the evaluator assigns it and picks the old or new value for postfix/prefix). `caseSensitive` (`-csplit`)
 * changes nothing for unary operators but is accepted for symmetry with binaryOperation.
 */
export function unaryOperation(op: string, operand: unknown, caseSensitive = false): unknown {
  void caseSensitive;
  switch (op) {
    case '-not':
    case '!':
      return !toBool(operand);
    case '-bnot':
      return bitwiseNot(operand);
    case '-':
      return negate(operand);
    case '+':
      return unaryPlus(operand);
    case ',':
      return [operand === AutomationNull ? null : operand];
    case '-split':
      return unarySplit(operand);
    case '-join':
      return joinOperator(operand, '');
    case '++':
      return add(unwrap(operand) === null ? 0 : operand, 1);
    case '--':
      return subtract(unwrap(operand) === null ? 0 : operand, 1);
  }
  throw new Error(`Unknown unary operator '${op}'`);
}
