// Numbers as PowerShell sees them: parsing numeric strings, banker's rounding, .NET integer ranges,
// and integer arithmetic that widens Int32 → Int64 → Double instead of losing precision.
// Integral values live in JS numbers while they are safe integers and in bigint beyond 2^53.

const MULTIPLIERS: Record<string, bigint> = {
  kb: 1024n,
  mb: 1024n ** 2n,
  gb: 1024n ** 3n,
  tb: 1024n ** 4n,
  pb: 1024n ** 5n,
};

export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;

/** A .NET integral type: its full name, range and OverflowException text. */
export interface IntegerKind {
  fullName: string;
  min: bigint;
  max: bigint;
  overflowMessage: string;
}

function kind(fullName: string, min: bigint, max: bigint, what: string): IntegerKind {
  return { fullName, min, max, overflowMessage: `Value was either too large or too small for ${what}.` };
}

export const integerKinds = {
  byte: kind('System.Byte', 0n, 255n, 'an unsigned byte'),
  sbyte: kind('System.SByte', -128n, 127n, 'a signed byte'),
  int16: kind('System.Int16', -(2n ** 15n), 2n ** 15n - 1n, 'an Int16'),
  uint16: kind('System.UInt16', 0n, 2n ** 16n - 1n, 'a UInt16'),
  int32: kind('System.Int32', -(2n ** 31n), 2n ** 31n - 1n, 'an Int32'),
  uint32: kind('System.UInt32', 0n, 2n ** 32n - 1n, 'a UInt32'),
  int64: kind('System.Int64', INT64_MIN, INT64_MAX, 'an Int64'),
  uint64: kind('System.UInt64', 0n, 2n ** 64n - 1n, 'a UInt64'),
  decimal: kind('System.Decimal', -(2n ** 96n - 1n), 2n ** 96n - 1n, 'a Decimal'),
  char: kind('System.Char', 0n, 65535n, 'a character'),
} satisfies Record<string, IntegerKind>;

/** A bigint as a number when it is a safe integer, else kept as bigint. */
export function normalizeInteger(b: bigint): number | bigint {
  return b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;
}

export function isIntegral(v: number | bigint): boolean {
  return typeof v === 'bigint' || Number.isInteger(v);
}

/** Round half to even, as .NET's Convert.ToInt32 and PowerShell's `[int]2.5` (2) and `[int]3.5` (4). */
export function bankersRound(x: number): number {
  if (!Number.isFinite(x)) return x;
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

export interface ParseNumberOptions {
  /** Width a hex literal is read at (two's complement): 32 reads `0xFFFFFFFF` as -1 (PowerShell's default). */
  hexWidth?: 32 | 64;
  /** Read hex digits as unsigned (for [uint32]/[uint64] targets). */
  hexUnsigned?: boolean;
}

/**
 * Parses a string as PowerShell converts strings to numbers: surrounding white space, sign, decimal,
 * exponent, `0x` hex, `0b` binary, multiplier suffixes (`1kb`), `Infinity`/`NaN`. Empty → 0.
 * Returns undefined when the text is not a number.
 */
export function parseNumber(text: string, options: ParseNumberOptions = {}): number | bigint | undefined {
  const s = text.trim();
  if (s === '') return 0;
  let m = /^([+-]?)0x([0-9a-f]+)$/i.exec(s);
  if (m) {
    const digits = m[2].replace(/^0+(?=.)/, '');
    if (digits.length > 16) return undefined;
    let v = BigInt(`0x${digits}`);
    if (!options.hexUnsigned) {
      v = digits.length <= 8 && (options.hexWidth ?? 32) === 32 ? BigInt.asIntN(32, v) : BigInt.asIntN(64, v);
    }
    return normalizeInteger(m[1] === '-' ? -v : v);
  }
  m = /^([+-]?)0b([01]+)$/i.exec(s);
  if (m) {
    const digits = m[2].replace(/^0+(?=.)/, '');
    if (digits.length > 64) return undefined;
    let v = BigInt(`0b${digits}`);
    if (!options.hexUnsigned) v = digits.length <= 32 ? BigInt.asIntN(32, v) : BigInt.asIntN(64, v);
    return normalizeInteger(m[1] === '-' ? -v : v);
  }
  m = /^([+-]?)(\d+\.?\d*|\.\d+)(e[+-]?\d+)?(kb|mb|gb|tb|pb)?$/i.exec(s);
  if (m) {
    const [, sign, mantissa, exponent, suffix] = m;
    const multiplier = suffix ? MULTIPLIERS[suffix.toLowerCase()] : 1n;
    if (!exponent && !mantissa.includes('.')) {
      const v = BigInt(mantissa) * multiplier;
      return normalizeInteger(sign === '-' ? -v : v);
    }
    return Number(`${sign}${mantissa}${exponent ?? ''}`) * Number(multiplier);
  }
  if (/^[+-]?infinity$/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (/^nan$/i.test(s)) return NaN;
  return undefined;
}

/** True when the integral value fits the kind. */
export function fitsKind(v: number | bigint, k: IntegerKind): boolean {
  if (typeof v === 'number' && !Number.isFinite(v)) return false;
  const b = typeof v === 'bigint' ? v : BigInt(v);
  return b >= k.min && b <= k.max;
}

/** Rounds (banker's) and range-checks a number for an integral kind; undefined on overflow. */
export function toIntegerKind(v: number | bigint, k: IntegerKind): number | bigint | undefined {
  const rounded = typeof v === 'bigint' ? v : bankersRound(v);
  if (!fitsKind(rounded, k)) return undefined;
  return typeof rounded === 'bigint' ? normalizeInteger(rounded) : rounded === 0 ? 0 : rounded;
}

function inInt64(b: bigint): boolean {
  return b >= INT64_MIN && b <= INT64_MAX;
}

/** Integer result of + - * on integral operands: exact while it fits Int64, Double beyond (as PowerShell). */
export function integerArithmetic(op: '+' | '-' | '*', a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = op === '+' ? a + b : op === '-' ? a - b : a * b;
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
  }
  const x = BigInt(a);
  const y = BigInt(b);
  const r = op === '+' ? x + y : op === '-' ? x - y : x * y;
  return inInt64(r) ? normalizeInteger(r) : Number(r);
}

/** Integer division: exact quotient stays integral, otherwise a double (`5/2` is 2.5, `4/2` is 2). */
export function integerDivide(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === 'number' && typeof b === 'number') {
    const q = a / b;
    if (Number.isInteger(q) && Number.isSafeInteger(a)) return q === 0 ? 0 : q;
    if (!Number.isInteger(q)) return q;
  }
  const x = BigInt(a);
  const y = BigInt(b);
  if (x % y === 0n) {
    const q = x / y;
    return inInt64(q) ? normalizeInteger(q) : Number(q);
  }
  return Number(x) / Number(y);
}

export function integerRemainder(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a % b;
    return r === 0 ? 0 : r;
  }
  return normalizeInteger(BigInt(a) % BigInt(b));
}

/** The .NET type name of a JS number as typeOf reports it: Int32, Int64 or Double. */
export function numberTypeName(v: number | bigint): 'System.Int32' | 'System.Int64' | 'System.Double' | 'System.Numerics.BigInteger' {
  if (typeof v === 'bigint') return inInt64(v) ? 'System.Int64' : 'System.Numerics.BigInteger';
  if (!Number.isInteger(v)) return 'System.Double';
  if (v >= -2147483648 && v <= 2147483647) return 'System.Int32';
  if (Math.abs(v) < 2 ** 63) return 'System.Int64';
  return 'System.Double';
}
