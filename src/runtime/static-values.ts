// Static members of [datetime], [timespan], [guid], [version], [ipaddress], [enum] and [array].
import { psEquals, sortCompare } from './comparison.ts';
import { collectionItems, requireType } from './conversion.ts';
import { toDouble, toEnum, toInt32, toNumber, toVersion } from './conversion-scalars.ts';
import { daysInMonth, isLeapYear, makeDate, dateParts, parseDateTime, parseTimeSpan, withKind } from './datetime.ts';
import type { DateKind } from './datetime.ts';
import { isPSType } from './dotnet-type.ts';
import type { PSType, StaticMethod } from './dotnet-type.ts';
import { PSGuid, PSIPAddress, PSReference, PSVersion } from './dotnet-values.ts';
import { VOID, argString, expectArgs, unwrapArg } from './method-support.ts';
import { parseExactDate } from './date-parse-exact.ts';
import { argumentError, dotNetError } from './runtime-error.ts';
import { toPSString } from './to-string.ts';
import { EnumValue, TimeSpan } from './values.ts';

type Statics = { members: Record<string, () => unknown>; methods: Record<string, StaticMethod> };

const MAX_DATE_MS = makeDate(9999, 12, 31, 23, 59, 59, 999).getTime();

function dateArgs(args: unknown[], kind: DateKind = 'Local'): Date {
  const n = args.map((a) => toInt32(a));
  const [y, mo, d, h = 0, mi = 0, s = 0, ms = 0] = n;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || y < 1 || y > 9999 || h > 23 || mi > 59 || s > 59) {
    throw dotNetError('System.ArgumentOutOfRangeException', 'Year, Month, and Day parameters describe an un-representable DateTime.');
  }
  return makeDate(y, mo, d, h, mi, s, ms, kind);
}

export const dateTimeStatics: Statics = {
  members: {
    Now: () => new Date(),
    UtcNow: () => withKind(new Date(), 'Utc'),
    Today: () => {
      const p = dateParts(new Date());
      return makeDate(p.year, p.month, p.day);
    },
    MinValue: () => withKind(makeDate(1, 1, 1), 'Unspecified'),
    MaxValue: () => withKind(new Date(MAX_DATE_MS), 'Unspecified'),
  },
  methods: {
    Parse: (args) => {
      expectArgs('Parse', args, 1, 2, 3);
      const s = argString(args[0]);
      if (s === null) throw argumentError('System.ArgumentNullException', 'String reference not set to an instance of a String.', 's');
      const d = parseDateTime(s);
      if (!d) throw dotNetError('System.FormatException', 'String was not recognized as a valid DateTime.');
      return d;
    },
    TryParse: (args) => {
      expectArgs('TryParse', args, 2, 4);
      const d = parseDateTime(argString(args[0]) ?? '');
      const ref = args[args.length - 1];
      if (ref instanceof PSReference) ref.value = d ?? withKind(makeDate(1, 1, 1), 'Unspecified');
      return d !== undefined;
    },
    ParseExact: (args) => {
      expectArgs('ParseExact', args, 3, 4);
      const s = argString(args[0]);
      const formats = collectionItems(unwrapArg(args[1])).map((f) => toPSString(f));
      for (const f of formats) {
        const d = parseExactDate(s ?? '', f);
        if (d) return d;
      }
      throw dotNetError('System.FormatException', 'String was not recognized as a valid DateTime.');
    },
    DaysInMonth: (args) => (expectArgs('DaysInMonth', args, 2), daysInMonth(toInt32(args[0]), toInt32(args[1]))),
    IsLeapYear: (args) => (expectArgs('IsLeapYear', args, 1), isLeapYear(toInt32(args[0]))),
    SpecifyKind: (args) => {
      expectArgs('SpecifyKind', args, 2);
      const d = unwrapArg(args[0]) as Date;
      const p = dateParts(d);
      const kind = String(unwrapArg(args[1]) instanceof EnumValue ? (unwrapArg(args[1]) as EnumValue).toString() : unwrapArg(args[1]));
      const k = (['Utc', 'Local', 'Unspecified'].find((x) => x.toLowerCase() === kind.toLowerCase()) ?? 'Unspecified') as DateKind;
      return makeDate(p.year, p.month, p.day, p.hour, p.minute, p.second, p.millisecond, k);
    },
    new: (args) => {
      expectArgs('new', args, 1, 3, 6, 7);
      if (args.length === 1) return requireType('datetime').convert(toNumber(args[0], 'System.Int64'));
      return dateArgs(args);
    },
  },
};

const MS = { day: 86_400_000, hour: 3_600_000, minute: 60_000, second: 1000 };

function fromUnit(name: string, unit: number): StaticMethod {
  return (args) => (expectArgs(name, args, 1), new TimeSpan(toDouble(args[0]) * unit));
}

export const timeSpanStatics: Statics = {
  members: {
    Zero: () => new TimeSpan(0),
    MaxValue: () => new TimeSpan(922337203685477.5807),
    MinValue: () => new TimeSpan(-922337203685477.5808),
    TicksPerMillisecond: () => 10_000,
    TicksPerSecond: () => 10_000_000,
    TicksPerMinute: () => 600_000_000,
    TicksPerHour: () => 36_000_000_000,
    TicksPerDay: () => 864_000_000_000,
  },
  methods: {
    FromDays: fromUnit('FromDays', MS.day),
    FromHours: fromUnit('FromHours', MS.hour),
    FromMinutes: fromUnit('FromMinutes', MS.minute),
    FromSeconds: fromUnit('FromSeconds', MS.second),
    FromMilliseconds: fromUnit('FromMilliseconds', 1),
    FromTicks: (args) => (expectArgs('FromTicks', args, 1), new TimeSpan(Number(toNumber(args[0], 'System.Int64')) / 10_000)),
    Parse: (args) => {
      expectArgs('Parse', args, 1, 2);
      const t = parseTimeSpan(argString(args[0]) ?? '');
      if (!t) throw dotNetError('System.FormatException', 'String was not recognized as a valid TimeSpan.');
      return t;
    },
    new: (args) => {
      expectArgs('new', args, 1, 3, 4, 5);
      if (args.length === 1) return new TimeSpan(Number(toNumber(args[0], 'System.Int64')) / 10_000);
      const n = args.map((a) => toInt32(a));
      if (args.length === 3) return new TimeSpan(n[0] * MS.hour + n[1] * MS.minute + n[2] * MS.second);
      return new TimeSpan(n[0] * MS.day + n[1] * MS.hour + n[2] * MS.minute + n[3] * MS.second + (n[4] ?? 0));
    },
  },
};

export const guidStatics: Statics = {
  members: { Empty: () => PSGuid.fromHex('0'.repeat(32)) },
  methods: {
    NewGuid: (args) => (expectArgs('NewGuid', args, 0), PSGuid.parse(globalThis.crypto.randomUUID())!),
    Parse: (args) => {
      expectArgs('Parse', args, 1);
      const g = PSGuid.parse(argString(args[0]) ?? '');
      if (!g) throw dotNetError('System.FormatException', 'Unrecognized Guid format.');
      return g;
    },
    new: (args) => {
      expectArgs('new', args, 1);
      const g = PSGuid.parse(argString(args[0]) ?? '');
      if (!g) throw dotNetError('System.FormatException', 'Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).');
      return g;
    },
  },
};

export const versionStatics: Statics = {
  members: {},
  methods: {
    Parse: (args) => (expectArgs('Parse', args, 1), toVersion(args[0])),
    new: (args) => {
      expectArgs('new', args, 0, 1, 2, 3, 4);
      if (args.length === 0) return new PSVersion(0, 0);
      if (args.length === 1) return toVersion(args[0]);
      const n = args.map((a) => toInt32(a));
      return new PSVersion(n[0], n[1], n[2] ?? -1, n[3] ?? -1);
    },
  },
};

export const ipAddressStatics: Statics = {
  members: {
    Any: () => PSIPAddress.parse('0.0.0.0'),
    Loopback: () => PSIPAddress.parse('127.0.0.1'),
    Broadcast: () => PSIPAddress.parse('255.255.255.255'),
    IPv6Loopback: () => PSIPAddress.parse('::1'),
    IPv6Any: () => PSIPAddress.parse('::'),
  },
  methods: {
    Parse: (args) => {
      expectArgs('Parse', args, 1);
      const ip = PSIPAddress.parse(argString(args[0]) ?? '');
      if (!ip) throw dotNetError('System.FormatException', 'An invalid IP address was specified.');
      return ip;
    },
    TryParse: (args) => {
      expectArgs('TryParse', args, 2);
      const ip = PSIPAddress.parse(argString(args[0]) ?? '');
      if (args[1] instanceof PSReference) args[1].value = ip ?? null;
      return ip !== undefined;
    },
  },
};

function enumArg(value: unknown): PSType {
  const v = unwrapArg(value);
  const t = isPSType(v) ? v : requireType(toPSString(v));
  if (!t.enumType) throw argumentError('System.ArgumentException', 'Type provided must be an Enum.', 'enumType');
  return t;
}

export const enumStatics: Statics = {
  members: {},
  methods: {
    GetNames: (args) => (expectArgs('GetNames', args, 1), enumArg(args[0]).enumType!.memberNames()),
    GetValues: (args) => {
      expectArgs('GetValues', args, 1);
      const e = enumArg(args[0]).enumType!;
      return e.members().map((m) => e.value(m.value));
    },
    GetName: (args) => {
      expectArgs('GetName', args, 2);
      const e = enumArg(args[0]).enumType!;
      const v = unwrapArg(args[1]);
      const n = v instanceof EnumValue ? v.value : Number(toNumber(v));
      return e.members().find((m) => m.value === n)?.name ?? null;
    },
    Parse: (args) => {
      expectArgs('Parse', args, 2, 3);
      return toEnum(args[1], enumArg(args[0]).enumType!);
    },
    IsDefined: (args) => {
      expectArgs('IsDefined', args, 2);
      const e = enumArg(args[0]).enumType!;
      const v = unwrapArg(args[1]);
      if (typeof v === 'string') return e.members().some((m) => m.name === v);
      const n = v instanceof EnumValue ? v.value : Number(toNumber(v));
      return e.members().some((m) => m.value === n);
    },
    ToObject: (args) => (expectArgs('ToObject', args, 2), enumArg(args[0]).enumType!.value(Number(toNumber(args[1])))),
  },
};

function arrayArg(value: unknown): unknown[] {
  const v = unwrapArg(value);
  if (!Array.isArray(v)) throw argumentError('System.ArgumentNullException', 'Value cannot be null.', 'array');
  return v;
}

export const arrayStatics: Statics = {
  members: {},
  methods: {
    Reverse: (args) => {
      expectArgs('Reverse', args, 1, 3);
      arrayArg(args[0]).reverse();
      return VOID;
    },
    Sort: (args) => {
      expectArgs('Sort', args, 1);
      arrayArg(args[0]).sort((a, b) => sortCompare(a, b));
      return VOID;
    },
    IndexOf: (args) => {
      expectArgs('IndexOf', args, 2, 3);
      const a = arrayArg(args[0]);
      return a.findIndex((x, i) => i >= (args.length > 2 ? toInt32(args[2]) : 0) && psEquals(x, args[1], true) && typeof unwrapArg(x) === typeof unwrapArg(args[1]));
    },
    LastIndexOf: (args) => {
      expectArgs('LastIndexOf', args, 2);
      const a = arrayArg(args[0]);
      for (let i = a.length - 1; i >= 0; i--) if (psEquals(a[i], args[1], true) && typeof unwrapArg(a[i]) === typeof unwrapArg(args[1])) return i;
      return -1;
    },
    Clear: (args) => {
      expectArgs('Clear', args, 3);
      const a = arrayArg(args[0]);
      a.fill(null, toInt32(args[1]), toInt32(args[1]) + toInt32(args[2]));
      return VOID;
    },
  },
};
