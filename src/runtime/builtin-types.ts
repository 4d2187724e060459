// The built-in types: primitives, collections, value types and PowerShell's type accelerators.
// Installed lazily by types.ts on first use; nothing here runs at import time.
import { builtinEnums } from './builtin-enums.ts';
import { installObjectTypes } from './builtin-object-types.ts';
import { castFailure, toArrayOf, toBool, toByteArray } from './conversion.ts';
import { toChar, toDateTime, toDouble, toEnum, toGuid, toInteger, toIPAddress, toNumber, toTimeSpan, toVersion } from './conversion-scalars.ts';
import { DotNetType } from './dotnet-type.ts';
import type { PSType, StaticMethod } from './dotnet-type.ts';
import { PSGuid, PSIPAddress, PSVersion, arrayElementType, PSList } from './dotnet-values.ts';
import type { IntegerKind } from './numeric.ts';
import { bankersRound, integerKinds, normalizeInteger, numberTypeName } from './numeric.ts';
import { doubleStatics, integerStatics } from './static-numbers.ts';
import { charStatics, stringStatics } from './static-text.ts';
import { dateTimeStatics, guidStatics, ipAddressStatics, timeSpanStatics, versionStatics } from './static-values.ts';
import { toPSString } from './to-string.ts';
import { registerEnum, registerType, setArrayTypeFactory, setEnumTypeFactory } from './types.ts';
import { EnumValue, TimeSpan } from './values.ts';
import type { EnumType } from './values.ts';

function enumType(e: EnumType): PSType {
  const members: Record<string, () => unknown> = {};
  for (const m of e.members()) members[m.name] = () => e.value(m.value);
  return new DotNetType({
    fullName: e.fullName,
    isInstance: (v) => v instanceof EnumValue && v.type === e,
    convert: (v) => toEnum(v, e),
    fromNull: () => toEnum(null, e),
    enumType: e,
    isValueType: true,
    baseTypeName: 'System.Enum',
    staticMembers: members,
  });
}

function arrayType(element: PSType): PSType {
  const isByte = element.fullName === 'System.Byte';
  return new DotNetType({
    fullName: `${element.fullName}[]`,
    name: `${element.name}[]`,
    isInstance: (v) => {
      if (isByte) return v instanceof Uint8Array;
      if (!Array.isArray(v) || v instanceof PSList) return false;
      return element.fullName === 'System.Object' || arrayElementType(v) === element;
    },
    convert: (v) => (isByte ? toByteArray(v, element) : toArrayOf(v, element)),
    elementType: element,
    baseTypeName: 'System.Array',
  });
}

function integerType(fullName: string, k: IntegerKind): PSType {
  const statics = integerStatics(k);
  return new DotNetType({
    fullName,
    isInstance: (v) => (typeof v === 'number' || typeof v === 'bigint') && numberTypeName(v) === fullName,
    convert: (v) => toInteger(v, k),
    fromNull: () => 0,
    isValueType: true,
    staticMembers: statics.members,
    staticMethods: statics.methods,
  });
}

function floatType(fullName: string, maxValue: number, epsilon: number): PSType {
  const statics = doubleStatics(maxValue, epsilon);
  return new DotNetType({
    fullName,
    isInstance: (v) => typeof v === 'number' && numberTypeName(v) === fullName,
    convert: (v) => toDouble(v, fullName),
    fromNull: () => 0,
    isValueType: true,
    staticMembers: statics.members,
    staticMethods: statics.methods,
  });
}

function installPrimitives(): void {
  registerType(integerType('System.Int32', integerKinds.int32), 'int', 'int32');
  registerType(integerType('System.Int64', integerKinds.int64), 'long', 'int64');
  registerType(integerType('System.Int16', integerKinds.int16), 'short', 'int16');
  registerType(integerType('System.Byte', integerKinds.byte), 'byte');
  registerType(integerType('System.SByte', integerKinds.sbyte), 'sbyte');
  registerType(integerType('System.UInt16', integerKinds.uint16), 'ushort', 'uint16');
  registerType(integerType('System.UInt32', integerKinds.uint32), 'uint', 'uint32');
  registerType(integerType('System.UInt64', integerKinds.uint64), 'ulong', 'uint64');
  registerType(floatType('System.Double', Number.MAX_VALUE, Number.MIN_VALUE), 'double');
  registerType(floatType('System.Single', 3.4028234663852886e38, 1.401298464324817e-45), 'float', 'single');
  registerType(
    new DotNetType({
      fullName: 'System.Decimal',
      isInstance: () => false,
      convert: (v) => {
        const n = toNumber(v, 'System.Decimal');
        if (typeof n === 'bigint' && (n > integerKinds.decimal.max || n < integerKinds.decimal.min)) throw castFailure(v, { fullName: 'System.Decimal' });
        return n;
      },
      fromNull: () => 0,
      isValueType: true,
      staticMembers: { MaxValue: () => 79228162514264337593543950335n, MinValue: () => -79228162514264337593543950335n, Zero: () => 0, One: () => 1 },
    }),
    'decimal',
  );
  registerType(
    new DotNetType({
      fullName: 'System.Numerics.BigInteger',
      isInstance: (v) => typeof v === 'bigint' && numberTypeName(v) === 'System.Numerics.BigInteger',
      convert: (v) => {
        const n = toNumber(v, 'System.Numerics.BigInteger');
        return typeof n === 'bigint' ? n : normalizeInteger(BigInt(bankersRound(n)));
      },
      fromNull: () => 0,
      isValueType: true,
    }),
    'bigint',
  );
  registerType(
    new DotNetType({
      fullName: 'System.Boolean',
      isInstance: (v) => typeof v === 'boolean',
      convert: (v) => toBool(v),
      fromNull: () => false,
      isValueType: true,
      staticMembers: { TrueString: () => 'True', FalseString: () => 'False' },
    }),
    'bool',
  );
  registerType(
    new DotNetType({
      fullName: 'System.Management.Automation.SwitchParameter',
      isInstance: (v) => typeof v === 'boolean',
      convert: (v) => toBool(v),
      fromNull: () => false,
      isValueType: true,
      staticMembers: { Present: () => true },
    }),
    'switch',
  );
  registerType(
    new DotNetType({
      fullName: 'System.String',
      isInstance: (v) => typeof v === 'string',
      convert: (v) => toPSString(v),
      fromNull: () => '',
      staticMembers: stringStatics.members,
      staticMethods: stringStatics.methods,
    }),
    'string',
  );
  registerType(
    new DotNetType({
      fullName: 'System.Char',
      isInstance: (v) => typeof v === 'string' && v.length === 1,
      convert: (v) => toChar(v),
      fromNull: () => '\0',
      isValueType: true,
      staticMembers: charStatics.members,
      staticMethods: charStatics.methods,
    }),
    'char',
  );
}

/** A type whose values are instances of one JavaScript class, with its static members and methods. */
function classType(
  fullName: string,
  valueClass: Function,
  convert: (v: unknown) => unknown,
  statics: { members: Record<string, () => unknown>; methods: Record<string, StaticMethod> },
  isValueType?: true,
): PSType {
  return new DotNetType({
    fullName,
    isInstance: (v) => v instanceof valueClass,
    convert: (v) => convert(v),
    isValueType,
    staticMembers: statics.members,
    staticMethods: statics.methods,
  });
}

function installValueTypes(): void {
  registerType(classType('System.DateTime', Date, toDateTime, dateTimeStatics, true), 'datetime');
  registerType(classType('System.TimeSpan', TimeSpan, toTimeSpan, timeSpanStatics, true), 'timespan');
  registerType(classType('System.Guid', PSGuid, toGuid, guidStatics, true), 'guid');
  registerType(classType('System.Version', PSVersion, toVersion, versionStatics), 'version');
  registerType(classType('System.Net.IPAddress', PSIPAddress, toIPAddress, ipAddressStatics), 'ipaddress');
}

/** Registers every built-in type (called once by types.ts). */
export function installBuiltinTypes(): void {
  setEnumTypeFactory(enumType);
  setArrayTypeFactory(arrayType);
  installPrimitives();
  installValueTypes();
  installObjectTypes();
  for (const e of builtinEnums) registerEnum(e);
}
