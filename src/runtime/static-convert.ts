// [Convert] and [Environment] static members.
import { hostname, userInfo, cpus, EOL, release, arch } from 'node:os';
import type { StaticMethod } from './dotnet-type.ts';
import { PSVersion } from './dotnet-values.ts';
import { VOID, argBytes, argString, expectArgs, unwrapArg } from './method-support.ts';
import type { IntegerKind } from './numeric.ts';
import { bankersRound, fitsKind, integerKinds, normalizeInteger } from './numeric.ts';
import { argumentError, dotNetError } from './runtime-error.ts';
import { toBool } from './conversion.ts';
import { toChar, toDateTime, toDouble, toNumber } from './conversion-scalars.ts';
import { toPSString } from './to-string.ts';
import { parseDoubleStrict, parseIntegerStrict } from './static-numbers.ts';
import { PSHashtable, PSObject } from './values.ts';

const BASE64_ERROR =
  'The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters. ';

function fromBase(text: string, base: number, k: IntegerKind): number | bigint {
  if (![2, 8, 10, 16].includes(base)) throw dotNetError('System.ArgumentException', 'Invalid Base.');
  let s = text.trim();
  if (base === 16) s = s.replace(/^0x/i, '');
  const digits = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^-?\d+$/, 16: /^[0-9a-f]+$/i }[base as 2 | 8 | 10 | 16];
  if (!digits.test(s)) throw dotNetError('System.FormatException', 'Could not find any recognizable digits.');
  if (base === 10) return parseIntegerStrict(s, k);
  let v = BigInt(base === 16 ? `0x${s}` : base === 8 ? `0o${s}` : `0b${s}`);
  const bits = k === integerKinds.int64 || k === integerKinds.uint64 ? 64 : k.max > 65535n ? 32 : k.max > 255n ? 16 : 8;
  if (v >= 2n ** BigInt(bits)) throw dotNetError('System.OverflowException', k.overflowMessage);
  if (k.min < 0n) v = BigInt.asIntN(bits, v);
  return normalizeInteger(v);
}

/** Convert.ToInt32(value) and friends: numbers round half to even, strings parse strictly. */
function toIntegerStatic(name: string, k: IntegerKind): StaticMethod {
  return (args) => {
    expectArgs(name, args, 1, 2);
    const v = unwrapArg(args[0]);
    if (args.length === 2) {
      const base = Number(toNumber(args[1]));
      if (typeof v === 'string') return fromBase(v, base, k);
    }
    if (v === null) return 0;
    if (typeof v === 'string') return parseIntegerStrict(v, k);
    const n = toNumber(v, k.fullName);
    const r = typeof n === 'bigint' ? n : bankersRound(n);
    if (!fitsKind(r, k)) throw dotNetError('System.OverflowException', k.overflowMessage);
    return typeof r === 'bigint' ? normalizeInteger(r) : r;
  };
}

function toStringInBase(value: number | bigint, base: number): string {
  if (![2, 8, 10, 16].includes(base)) throw dotNetError('System.ArgumentException', 'Invalid Base.');
  let b = BigInt(value);
  if (base !== 10 && b < 0n) b = b >= -(2n ** 31n) ? BigInt.asUintN(32, b) : BigInt.asUintN(64, b);
  return b.toString(base);
}

export const convertStatics: Record<string, StaticMethod> = {
  ToBase64String: (args) => {
    expectArgs('ToBase64String', args, 1, 2, 3, 4);
    const bytes = argBytes(args[0]);
    if (args.length >= 3) {
      const offset = Number(toNumber(args[1]));
      const length = Number(toNumber(args[2]));
      return Buffer.from(bytes.subarray(offset, offset + length)).toString('base64');
    }
    return Buffer.from(bytes).toString('base64');
  },
  FromBase64String: (args) => {
    expectArgs('FromBase64String', args, 1);
    const s = (argString(args[0]) ?? '').replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) throw dotNetError('System.FormatException', BASE64_ERROR);
    return new Uint8Array(Buffer.from(s, 'base64'));
  },
  ToInt32: toIntegerStatic('ToInt32', integerKinds.int32),
  ToInt64: toIntegerStatic('ToInt64', integerKinds.int64),
  ToInt16: toIntegerStatic('ToInt16', integerKinds.int16),
  ToByte: toIntegerStatic('ToByte', integerKinds.byte),
  ToSByte: toIntegerStatic('ToSByte', integerKinds.sbyte),
  ToUInt16: toIntegerStatic('ToUInt16', integerKinds.uint16),
  ToUInt32: toIntegerStatic('ToUInt32', integerKinds.uint32),
  ToUInt64: toIntegerStatic('ToUInt64', integerKinds.uint64),
  ToDouble: (args) => {
    expectArgs('ToDouble', args, 1, 2);
    const v = unwrapArg(args[0]);
    return typeof v === 'string' ? parseDoubleStrict(v) : toDouble(v);
  },
  ToDecimal: (args) => (expectArgs('ToDecimal', args, 1, 2), convertStatics.ToDouble(args.slice(0, 1), undefined)),
  ToSingle: (args) => (expectArgs('ToSingle', args, 1, 2), convertStatics.ToDouble(args.slice(0, 1), undefined)),
  ToBoolean: (args) => {
    expectArgs('ToBoolean', args, 1, 2);
    const v = unwrapArg(args[0]);
    if (typeof v === 'string') {
      const t = v.trim().toLowerCase();
      if (t === 'true') return true;
      if (t === 'false') return false;
      throw dotNetError('System.FormatException', 'String was not recognized as a valid Boolean.');
    }
    return toBool(v);
  },
  ToString: (args) => {
    expectArgs('ToString', args, 1, 2);
    const v = unwrapArg(args[0]);
    if (args.length === 2 && (typeof v === 'number' || typeof v === 'bigint')) {
      const base = unwrapArg(args[1]);
      if (typeof base === 'number') return toStringInBase(v, base);
    }
    return toPSString(v);
  },
  ToChar: (args) => (expectArgs('ToChar', args, 1, 2), toChar(args[0])),
  ToDateTime: (args) => (expectArgs('ToDateTime', args, 1, 2), toDateTime(args[0])),
};

// ---------------------------------------------------------------- [Environment]

function expandEnvironmentVariables(text: string): string {
  return text.replace(/%([^%]+)%/g, (whole, name: string) => process.env[name] ?? whole);
}

export const environmentStatics: { members: Record<string, () => unknown>; methods: Record<string, StaticMethod> } = {
  members: {
    NewLine: () => EOL,
    MachineName: () => hostname().split('.')[0].toUpperCase(),
    UserName: () => userInfo().username,
    UserDomainName: () => hostname().split('.')[0].toUpperCase(),
    ProcessorCount: () => cpus().length,
    Is64BitProcess: () => arch().includes('64'),
    Is64BitOperatingSystem: () => arch().includes('64'),
    CurrentDirectory: () => process.cwd(),
    TickCount: () => Math.floor(performance.now()) | 0,
    Version: () => new PSVersion(4, 0, 30319, 42000),
    OSVersion: () =>
      PSObject.from(
        [
          ['Platform', process.platform === 'win32' ? 'Win32NT' : 'Unix'],
          ['Version', PSVersion.parse(release().replace(/[^\d.].*$/, '')) ?? new PSVersion(0, 0)],
          ['VersionString', `${process.platform} ${release()}`],
        ],
        ['System.OperatingSystem', 'System.Object'],
      ),
  },
  methods: {
    GetEnvironmentVariable: (args) => {
      expectArgs('GetEnvironmentVariable', args, 1, 2);
      const name = argString(args[0]);
      if (name === null) throw argumentError('System.ArgumentNullException', 'Value cannot be null.', 'variable');
      return process.env[name] ?? null;
    },
    SetEnvironmentVariable: (args) => {
      expectArgs('SetEnvironmentVariable', args, 2, 3);
      const name = argString(args[0]);
      if (!name) throw argumentError('System.ArgumentException', 'String cannot be of zero length.', 'variable');
      const value = argString(args[1]);
      if (value === null || value === '') delete process.env[name];
      else process.env[name] = value;
      return VOID;
    },
    GetEnvironmentVariables: (args) => {
      expectArgs('GetEnvironmentVariables', args, 0, 1);
      const h = new PSHashtable();
      for (const [k, v] of Object.entries(process.env)) h.set(k, v ?? '');
      return h;
    },
    ExpandEnvironmentVariables: (args) => (expectArgs('ExpandEnvironmentVariables', args, 1), expandEnvironmentVariables(argString(args[0]) ?? '')),
  },
};
