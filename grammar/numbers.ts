// Number literals: hex, binary, real, exponent, type suffixes and kb..pb multipliers, typed the way
// PowerShell's tokenizer types them (TryGetNumberValue). Values are JS numbers, except `n` (bigint) literals
// and long/ulong/decimal values beyond 2^53, which are bigints.

export interface NumberValue {
  value: number | bigint;
  /** int, long, double, decimal, byte, sbyte, short, ushort, uint, ulong, bigint */
  type: string;
}

const MULTIPLIERS: Record<string, bigint> = {
  kb: 1024n, mb: 1024n ** 2n, gb: 1024n ** 3n, tb: 1024n ** 4n, pb: 1024n ** 5n,
};

const SUFFIX_TYPES: Record<string, string> = {
  y: 'sbyte', uy: 'byte', s: 'short', us: 'ushort', l: 'long', u: 'uint', ul: 'ulong', n: 'bigint', d: 'decimal',
};

const RANGES: Record<string, [bigint, bigint]> = {
  sbyte: [-128n, 127n],
  byte: [0n, 255n],
  short: [-32768n, 32767n],
  ushort: [0n, 65535n],
  int: [-(2n ** 31n), 2n ** 31n - 1n],
  uint: [0n, 2n ** 32n - 1n],
  long: [-(2n ** 63n), 2n ** 63n - 1n],
  ulong: [0n, 2n ** 64n - 1n],
};

/**
 * The value of a number literal as written (without sign), negated when `negative`. Returns undefined when
 * the text is not a number literal at all, and null when it is one whose value does not fit its type
 * (PowerShell's BadNumericConstant).
 */
export function parseNumberLiteral(image: string, negative = false): NumberValue | null | undefined {
  // The common case, a short run of decimal digits, is an int.
  if (image.length < 10 && /^\d+$/.test(image)) {
    const value = Number(image);
    return { value: negative && value !== 0 ? -value : value, type: 'int' };
  }
  let body = image.toLowerCase();
  let format: 'decimal' | 'hex' | 'binary' = 'decimal';
  if (body.startsWith('0x')) {
    format = 'hex';
    body = body.slice(2);
  } else if (/^0b[01]/.test(body)) {
    format = 'binary';
    body = body.slice(2);
  }
  let multiplier = 1n;
  const tail = body.slice(-2);
  if (tail in MULTIPLIERS && body.length > 2) {
    multiplier = MULTIPLIERS[tail];
    body = body.slice(0, -2);
  }
  let suffix = '';
  for (const candidate of ['ul', 'us', 'uy', 'u', 'y', 's', 'l', 'n', 'd']) {
    if (format === 'hex' && candidate === 'd') continue;
    if (body.endsWith(candidate) && body.length > candidate.length) {
      suffix = candidate;
      body = body.slice(0, -candidate.length);
      break;
    }
  }
  const digits = format === 'hex' ? /^[0-9a-f]+$/ : format === 'binary' ? /^[01]+$/ : /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/;
  if (!digits.test(body)) return undefined;
  const real = format === 'decimal' && /[.e]/.test(body);
  const type = SUFFIX_TYPES[suffix];
  if (real) return realValue(body, negative, multiplier, type);

  let big: bigint;
  if (format === 'hex') {
    big = BigInt('0x' + body);
    if (!suffix.startsWith('u') && body.length % 8 === 0 && parseInt(body[0], 16) >= 8) big -= 16n ** BigInt(body.length);
  } else if (format === 'binary') {
    big = BigInt('0b' + body);
    if (!suffix.startsWith('u') && body.length % 8 === 0 && body[0] === '1') big -= 2n ** BigInt(body.length);
  } else {
    big = BigInt(body);
  }
  big *= multiplier;
  if (negative) big = -big;
  if (type === undefined) {
    // Hex and binary literals of 16 (64) digits are longs even when the value is small.
    const wide = (format === 'hex' && body.length === 16) || (format === 'binary' && body.length === 64);
    if (!wide && fits(big, 'int')) return { value: Number(big), type: 'int' };
    if (fits(big, 'long')) return integer(big, 'long');
    if (format !== 'decimal') return null;
    return Math.abs(Number(big)) < 7.9e28 ? integer(big, 'decimal') : { value: Number(big), type: 'double' };
  }
  return typedInteger(big, type);
}

function realValue(body: string, negative: boolean, multiplier: bigint, type: string | undefined): NumberValue | null {
  let d = Number(body) * Number(multiplier);
  if (negative) d = -d;
  if (type === undefined) return { value: d, type: 'double' };
  if (type === 'decimal') return { value: d, type: 'decimal' };
  if (!Number.isFinite(d)) return null;
  return typedInteger(BigInt(roundHalfEven(d)), type);
}

function typedInteger(big: bigint, type: string): NumberValue | null {
  if (type === 'bigint') return { value: big, type };
  if (type === 'decimal') return integer(big, type);
  if (type === 'uint') {
    if (fits(big, 'uint')) return integer(big, 'uint');
    return fits(big, 'ulong') ? integer(big, 'ulong') : null;
  }
  return fits(big, type) ? integer(big, type) : null;
}

function fits(big: bigint, type: string): boolean {
  const [min, max] = RANGES[type];
  return big >= min && big <= max;
}

function integer(big: bigint, type: string): NumberValue {
  const n = Number(big);
  return { value: Number.isSafeInteger(n) ? n : big, type };
}

/** .NET rounds real literals to the nearest integer, ties to even (`2.5l` is 2). */
function roundHalfEven(d: number): number {
  const floor = Math.floor(d);
  const diff = d - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
