// Arithmetic and bitwise operators with PowerShell's left-operand-typed semantics:
// `'1' + 2` → '12', `1 + '2'` → 3, `@(1,2) + 3` → array, `'ab' * 3`, hashtable + hashtable,
// integer division that yields a double when inexact, Int32 → Int64 → Double widening.
import { castFailure } from './conversion.ts';
import { toInteger, toNumber, toTimeSpan } from './conversion-scalars.ts';
import { addMilliseconds, subtractDates } from './datetime.ts';
import { integerKinds, integerArithmetic, integerDivide, integerRemainder, isIntegral, normalizeInteger, numberTypeName, bankersRound } from './numeric.ts';
import { RuntimeError, divideByZero, dotNetError, methodNotFound } from './runtime-error.ts';
import { toPSString } from './to-string.ts';
import { typeOf } from './types.ts';
import { AutomationNull, EnumValue, PSHashtable, PSObject, TimeSpan } from './values.ts';

function unwrap(v: unknown): unknown {
  if (v === undefined || v === AutomationNull) return null;
  return v instanceof PSObject && v.baseObject !== undefined ? v.baseObject : v;
}

/** Arrays, byte arrays and lists: the values `+` and `*` treat as collections. */
export function isArrayLike(v: unknown): v is ArrayLike<unknown> & Iterable<unknown> {
  return Array.isArray(v) || v instanceof Uint8Array;
}

function isNumeric(v: unknown): boolean {
  return typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' || v instanceof EnumValue;
}

/** The type name a right operand is converted to, after the left operand's type. */
function targetName(left: number | bigint): string {
  const name = numberTypeName(left);
  return name === 'System.Numerics.BigInteger' ? 'System.Int64' : name;
}

function numericOperand(v: unknown, target: string): number | bigint {
  if (isArrayLike(v) || v instanceof PSHashtable || (v instanceof PSObject && v.baseObject === undefined) || v instanceof Date || v instanceof TimeSpan) {
    throw castFailure(v, { fullName: target });
  }
  return toNumber(v, target);
}

type NumericOp = '+' | '-' | '*' | '/' | '%';

function numeric(op: NumericOp, a: number | bigint, b: number | bigint): number | bigint {
  if (isIntegral(a) && isIntegral(b)) {
    if ((op === '/' || op === '%') && (b === 0 || b === 0n)) throw divideByZero();
    if (op === '/') return integerDivide(a, b);
    if (op === '%') return integerRemainder(a, b);
    return integerArithmetic(op, a, b);
  }
  const x = Number(a);
  const y = Number(b);
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return x / y;
    case '%':
      return x % y;
  }
}

function numericBinary(op: NumericOp, l: unknown, r: unknown): number | bigint {
  const a = l === null ? 0 : toNumber(l);
  const b = numericOperand(r, targetName(a));
  return numeric(op, a, b);
}

const opMethodNames: Record<NumericOp, string> = {
  '+': 'op_Addition',
  '-': 'op_Subtraction',
  '*': 'op_Multiply',
  '/': 'op_Division',
  '%': 'op_Modulus',
};

function noOperator(op: NumericOp, l: unknown): RuntimeError {
  return methodNotFound(typeOf(l).fullName, opMethodNames[op]);
}

function addHashtables(l: PSHashtable, r: unknown): PSHashtable {
  if (!(r instanceof PSHashtable)) {
    throw new RuntimeError('A hash table can only be added to another hash table.', 'AddHashTableToNonHashTable', 'System.Management.Automation.RuntimeException', 'InvalidOperation');
  }
  const result = l.clone();
  for (const [k, v] of r.entries()) {
    if (result.has(k)) {
      const existing = result.keys().find((x) => (typeof x === 'string' && typeof k === 'string' ? x.toLowerCase() === k.toLowerCase() : x === k));
      throw dotNetError('System.ArgumentException', `Item has already been added. Key in dictionary: '${toPSString(existing)}'  Key being added: '${toPSString(k)}'`, 'OperationStopped');
    }
    result.set(k, v);
  }
  return result;
}

/** `left + right`. */
export function add(left: unknown, right: unknown): unknown {
  const l = unwrap(left);
  const r = unwrap(right);
  if (l === null) return isArrayLike(r) ? [...r] : r;
  if (isArrayLike(l)) return [...l, ...(isArrayLike(r) ? [...r] : [r])];
  if (l instanceof PSHashtable) return addHashtables(l, r);
  if (typeof l === 'string') return l + toPSString(r);
  if (l instanceof Date) return addMilliseconds(l, toTimeSpan(r).totalMilliseconds);
  if (l instanceof TimeSpan) return new TimeSpan(l.totalMilliseconds + toTimeSpan(r).totalMilliseconds);
  if (isNumeric(l)) return numericBinary('+', l, r);
  throw noOperator('+', l);
}

/** `left - right`. */
export function subtract(left: unknown, right: unknown): unknown {
  const l = unwrap(left);
  const r = unwrap(right);
  if (l instanceof Date) return r instanceof Date ? subtractDates(l, r) : addMilliseconds(l, -toTimeSpan(r).totalMilliseconds);
  if (l instanceof TimeSpan) return new TimeSpan(l.totalMilliseconds - toTimeSpan(r).totalMilliseconds);
  if (l === null || typeof l === 'string' || isNumeric(l)) return numericBinary('-', l, r);
  throw noOperator('-', l);
}

/** `left * right`: numbers, string repetition, array repetition. */
export function multiply(left: unknown, right: unknown): unknown {
  const l = unwrap(left);
  const r = unwrap(right);
  if (typeof l === 'string') {
    const n = Number(toInteger(r, integerKinds.int32));
    return n > 0 ? l.repeat(n) : '';
  }
  if (isArrayLike(l)) {
    const n = Number(toInteger(r, integerKinds.int32));
    const items = [...l];
    const out: unknown[] = [];
    for (let i = 0; i < n; i++) out.push(...items);
    return out;
  }
  if (l === null || isNumeric(l)) return numericBinary('*', l, r);
  throw noOperator('*', l);
}

/** `left / right`: an exact integer quotient stays integral (`4/2` is 2), otherwise a double (`5/2` is 2.5). */
export function divide(left: unknown, right: unknown): unknown {
  const l = unwrap(left);
  if (l === null || typeof l === 'string' || isNumeric(l)) return numericBinary('/', l, unwrap(right));
  throw noOperator('/', l);
}

/** `left % right`. */
export function remainder(left: unknown, right: unknown): unknown {
  const l = unwrap(left);
  if (l === null || typeof l === 'string' || isNumeric(l)) return numericBinary('%', l, unwrap(right));
  throw noOperator('%', l);
}

/** Unary `-`. */
export function negate(operand: unknown): unknown {
  const v = unwrap(operand);
  if (v instanceof TimeSpan) return new TimeSpan(-v.totalMilliseconds);
  if (v === null || typeof v === 'string' || isNumeric(v)) {
    const n = v === null ? 0 : toNumber(v);
    return typeof n === 'bigint' ? normalizeInteger(-n) : n === 0 ? 0 : -n;
  }
  throw methodNotFound(typeOf(v).fullName, 'op_UnaryNegation');
}

/** Unary `+`: strings become numbers. */
export function unaryPlus(operand: unknown): unknown {
  const v = unwrap(operand);
  if (v === null || typeof v === 'string' || isNumeric(v)) return v === null ? 0 : toNumber(v);
  throw methodNotFound(typeOf(v).fullName, 'op_UnaryPlus');
}

// ---------------------------------------------------------------- bitwise

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

function bitOperand(v: unknown): number | bigint {
  const u = unwrap(v);
  const n = u instanceof EnumValue ? u.value : toNumber(u, 'System.Int64');
  return typeof n === 'number' && !Number.isInteger(n) ? bankersRound(n) : n;
}

function fitsInt32(n: number | bigint): boolean {
  return typeof n === 'number' && n >= INT32_MIN && n <= INT32_MAX;
}

function enumResult(left: unknown, value: number | bigint): unknown {
  const l = unwrap(left);
  return l instanceof EnumValue ? l.type.value(Number(value)) : value;
}

/** -band, -bor, -bxor: 32-bit when both operands fit Int32, 64-bit otherwise; enum on the left stays enum. */
export function bitwise(op: '-band' | '-bor' | '-bxor', left: unknown, right: unknown): unknown {
  const a = bitOperand(left);
  const b = bitOperand(right);
  if (fitsInt32(a) && fitsInt32(b)) {
    const x = a as number;
    const y = b as number;
    return enumResult(left, op === '-band' ? x & y : op === '-bor' ? x | y : x ^ y);
  }
  const x = BigInt.asIntN(64, BigInt(a));
  const y = BigInt.asIntN(64, BigInt(b));
  return enumResult(left, normalizeInteger(BigInt.asIntN(64, op === '-band' ? x & y : op === '-bor' ? x | y : x ^ y)));
}

/** -shl, -shr: the count is masked to 5 bits for Int32 and 6 bits for Int64, as .NET does. */
export function shift(op: '-shl' | '-shr', left: unknown, right: unknown): unknown {
  const a = bitOperand(left);
  const count = Number(bitOperand(right));
  if (fitsInt32(a)) return op === '-shl' ? (a as number) << (count & 31) : (a as number) >> (count & 31);
  const x = BigInt.asIntN(64, BigInt(a));
  const c = BigInt(count & 63);
  return normalizeInteger(BigInt.asIntN(64, op === '-shl' ? x << c : x >> c));
}

/** -bnot. */
export function bitwiseNot(operand: unknown): unknown {
  const a = bitOperand(operand);
  if (fitsInt32(a)) return enumResult(operand, ~(a as number));
  return enumResult(operand, normalizeInteger(BigInt.asIntN(64, ~BigInt(a))));
}
