// Static members of the numeric types and [Math]: `[int]::MaxValue`, `[int]::Parse('42')`,
// `[double]::TryParse($s, [ref]$x)`, `[Math]::Round(2.5)` (banker's), `[Math]::Max(1, 2)`...
import type { StaticMethod } from './dotnet-type.ts';
import { PSReference } from './dotnet-values.ts';
import { argString, expectArgs, unwrapArg } from './method-support.ts';
import type { IntegerKind } from './numeric.ts';
import { bankersRound, fitsKind, isIntegral, normalizeInteger } from './numeric.ts';
import { argumentError, dotNetError } from './runtime-error.ts';
import { toDouble, toNumber } from './conversion-scalars.ts';
import { EnumValue } from './values.ts';

const FORMAT = 'Input string was not in a correct format.';

/** Int32.Parse-style strict parsing: optional sign and digits only (or hex with NumberStyles.HexNumber). */
export function parseIntegerStrict(text: string | null, k: IntegerKind, hex = false): number | bigint {
  if (text === null) throw argumentError('System.ArgumentNullException', 'Value cannot be null.', 's');
  const s = text.trim();
  let value: bigint;
  if (hex) {
    if (!/^[0-9a-f]+$/i.test(s)) throw dotNetError('System.FormatException', FORMAT);
    value = BigInt(`0x${s}`);
    const bits = k.max > 2n ** 32n ? 64 : k.max > 2n ** 16n ? 32 : k.max > 256n ? 16 : 8;
    if (value >= 2n ** BigInt(bits)) throw dotNetError('System.OverflowException', k.overflowMessage);
    if (k.min < 0n) value = BigInt.asIntN(bits, value);
  } else {
    if (!/^[+-]?\d+$/.test(s)) throw dotNetError('System.FormatException', FORMAT);
    value = BigInt(s);
  }
  if (!fitsKind(value, k)) throw dotNetError('System.OverflowException', k.overflowMessage);
  return normalizeInteger(value);
}

/** Double.Parse (invariant culture, thousands separators allowed). */
export function parseDoubleStrict(text: string | null): number {
  if (text === null) throw argumentError('System.ArgumentNullException', 'Value cannot be null.', 's');
  const s = text.trim().replace(/,(?=\d{3}(\D|$))/g, '');
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return Number(s);
  if (/^[+-]?infinity$/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (s === 'NaN') return NaN;
  throw dotNetError('System.FormatException', FORMAT);
}

function isHexStyle(v: unknown): boolean {
  const s = v instanceof EnumValue ? v.toString() : String(unwrapArg(v) ?? '');
  return /hex/i.test(s) || s === '515';
}

function tryParse(parse: (s: string | null) => unknown, zero: unknown): StaticMethod {
  return (args) => {
    expectArgs('TryParse', args, 2);
    const ref = args[1];
    try {
      const v = parse(argString(args[0]));
      if (ref instanceof PSReference) ref.value = v;
      return true;
    } catch {
      if (ref instanceof PSReference) ref.value = zero;
      return false;
    }
  };
}

export function integerStatics(k: IntegerKind): { members: Record<string, () => unknown>; methods: Record<string, StaticMethod> } {
  return {
    members: { MaxValue: () => normalizeInteger(k.max), MinValue: () => normalizeInteger(k.min) },
    methods: {
      Parse: (args) => {
        expectArgs('Parse', args, 1, 2, 3);
        return parseIntegerStrict(argString(args[0]), k, args.length > 1 && isHexStyle(args[1]));
      },
      TryParse: tryParse((s) => parseIntegerStrict(s, k), 0),
    },
  };
}

export function doubleStatics(maxValue: number, epsilon: number): { members: Record<string, () => unknown>; methods: Record<string, StaticMethod> } {
  return {
    members: {
      MaxValue: () => maxValue,
      MinValue: () => -maxValue,
      Epsilon: () => epsilon,
      NaN: () => NaN,
      PositiveInfinity: () => Infinity,
      NegativeInfinity: () => -Infinity,
    },
    methods: {
      Parse: (args) => {
        expectArgs('Parse', args, 1, 2, 3);
        return parseDoubleStrict(argString(args[0]));
      },
      TryParse: tryParse(parseDoubleStrict, 0),
      IsNaN: (args) => (expectArgs('IsNaN', args, 1), Number.isNaN(toDouble(args[0]))),
      IsInfinity: (args) => (expectArgs('IsInfinity', args, 1), Math.abs(toDouble(args[0])) === Infinity),
      IsPositiveInfinity: (args) => (expectArgs('IsPositiveInfinity', args, 1), toDouble(args[0]) === Infinity),
      IsNegativeInfinity: (args) => (expectArgs('IsNegativeInfinity', args, 1), toDouble(args[0]) === -Infinity),
    },
  };
}

// ---------------------------------------------------------------- [Math]

function midpointAwayFromZero(v: unknown): boolean {
  const s = v instanceof EnumValue ? v.toString() : String(unwrapArg(v) ?? '');
  return /^awayfromzero$/i.test(s) || s === '1';
}

function roundTo(x: number, digits: number, awayFromZero: boolean): number {
  if (digits < 0 || digits > 15) throw argumentError('System.ArgumentOutOfRangeException', 'Rounding digits must be between 0 and 15, inclusive.', 'digits');
  const scale = 10 ** digits;
  const scaled = x * scale;
  const r = awayFromZero ? Math.sign(scaled) * Math.round(Math.abs(scaled)) : bankersRound(scaled);
  return r / scale;
}

function num(v: unknown): number | bigint {
  return toNumber(v, 'System.Double');
}

function unary(name: string, f: (x: number) => number): StaticMethod {
  return (args) => {
    expectArgs(name, args, 1);
    return f(toDouble(args[0]));
  };
}

export const mathStatics: { members: Record<string, () => unknown>; methods: Record<string, StaticMethod> } = {
  members: { PI: () => Math.PI, E: () => Math.E },
  methods: {
    Round: (args) => {
      expectArgs('Round', args, 1, 2, 3);
      const x = toDouble(args[0]);
      if (args.length === 1) return bankersRound(x);
      if (args.length === 2 && (args[1] instanceof EnumValue || typeof unwrapArg(args[1]) === 'string')) {
        return roundTo(x, 0, midpointAwayFromZero(args[1]));
      }
      return roundTo(x, Number(num(args[1])), args.length === 3 && midpointAwayFromZero(args[2]));
    },
    Floor: unary('Floor', Math.floor),
    Ceiling: unary('Ceiling', Math.ceil),
    Truncate: unary('Truncate', Math.trunc),
    Abs: (args) => {
      expectArgs('Abs', args, 1);
      const v = num(args[0]);
      if (v === -2147483648 && isIntegral(v)) {
        throw dotNetError('System.OverflowException', 'Negating the minimum value of a twos complement number is invalid.');
      }
      return typeof v === 'bigint' ? (v < 0n ? -v : v) : Math.abs(v);
    },
    Max: (args) => {
      expectArgs('Max', args, 2);
      const [a, b] = [num(args[0]), num(args[1])];
      return a >= b ? a : b;
    },
    Min: (args) => {
      expectArgs('Min', args, 2);
      const [a, b] = [num(args[0]), num(args[1])];
      return a <= b ? a : b;
    },
    Pow: (args) => (expectArgs('Pow', args, 2), toDouble(args[0]) ** toDouble(args[1])),
    Sqrt: unary('Sqrt', Math.sqrt),
    Sign: (args) => (expectArgs('Sign', args, 1), Math.sign(Number(num(args[0])))),
    Log: (args) => {
      expectArgs('Log', args, 1, 2);
      const x = toDouble(args[0]);
      return args.length === 1 ? Math.log(x) : Math.log(x) / Math.log(toDouble(args[1]));
    },
    Log10: unary('Log10', Math.log10),
    Exp: unary('Exp', Math.exp),
    Sin: unary('Sin', Math.sin),
    Cos: unary('Cos', Math.cos),
    Tan: unary('Tan', Math.tan),
    Asin: unary('Asin', Math.asin),
    Acos: unary('Acos', Math.acos),
    Atan: unary('Atan', Math.atan),
    Atan2: (args) => (expectArgs('Atan2', args, 2), Math.atan2(toDouble(args[0]), toDouble(args[1]))),
  },
};
