// Conversions ([type]value) and truthiness. Cases follow PowerShell's Parser.Tests.ps1 ("Boolean Tests",
// "Numerical Notations Tests" for banker's rounding), engine/ParameterBinding/BooleanParameterDCR.Tests.ps1
// (0, 0x00, 0.00 are false), Language/Scripting/HashtableToPSCustomObjectConversion.Tests.ps1 (key order)
// and the ExtendedTypeSystem.resx message templates (InvalidCastExceptionWithInnerException,
// InvalidCastExceptionEnumerationNoValue, InvalidCastException, InvalidCastFromNull).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertTo, toBool, toNumber, tryConvertTo } from '../../src/runtime/conversion.ts';
import { dateParts, dateKind } from '../../src/runtime/datetime.ts';
import { PSGuid, PSReference, PSVersion, PSList } from '../../src/runtime/dotnet-values.ts';
import { NetRegex } from '../../src/runtime/regex-engine.ts';
import { typeOf } from '../../src/runtime/types.ts';
import { AutomationNull, EnumType, EnumValue, PSHashtable, PSObject, SecureString, TimeSpan } from '../../src/runtime/values.ts';
import { assertPSError, show } from './helpers.ts';

test('toBool: PowerShell truthiness', () => {
  const cases: [unknown, boolean][] = [
    [null, false],
    [undefined, false],
    [AutomationNull, false],
    ['', false],
    ['False', true],
    ['false', true],
    ['0', true],
    [' ', true],
    [0, false],
    [0.0, false],
    [0n, false],
    [1, true],
    [-1, true],
    [true, true],
    [false, false],
    [[], false],
    [[0], false],
    [[1], true],
    [[''], false],
    [['a'], true],
    [[[]], false],
    [[[0]], true],
    [[0, 0], true],
    [new Uint8Array(0), false],
    [new PSHashtable(), true],
    [PSObject.from({}), true],
    [new PSObject(undefined, 0), false],
    [new EnumType('T', { A: 0, B: 1 }).value(0), false],
    [new EnumType('T', { A: 0, B: 1 }).value(1), true],
    [new Date(), true],
  ];
  for (const [v, expected] of cases) assert.equal(toBool(v), expected, show(v));
});

test('toNumber: strings as PowerShell numbers', () => {
  const cases: [unknown, number | bigint][] = [
    ['42', 42],
    [' 42 ', 42],
    ['-7', -7],
    ['+7', 7],
    ['0x10', 16],
    ['0xFFFFFFFF', -1],
    ['0b101', 5],
    ['1e3', 1000],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['1kb', 1024],
    ['2GB', 2147483648],
    ['1tb', 1099511627776],
    ['', 0],
    ['   ', 0],
    ['12345678901234567890', 12345678901234567890n],
    [null, 0],
    [true, 1],
    [false, 0],
    [7, 7],
  ];
  for (const [v, expected] of cases) assert.equal(toNumber(v), expected, show(v));
  assertPSError(
    () => toNumber('abc'),
    'Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format."',
    'InvalidCastFromStringToInteger',
    'System.Management.Automation.PSInvalidCastException',
  );
  assertPSError(() => toNumber('abc', 'System.Double'), 'Cannot convert value "abc" to type "System.Double". Error: "Input string was not in a correct format."');
});

test('integer casts: banker\'s rounding, ranges, overflow text', () => {
  const cases: [unknown, string, unknown][] = [
    [2.5, 'int', 2],
    [3.5, 'int', 4],
    [-2.5, 'int', -2],
    [-3.5, 'int', -4],
    [2.4999, 'int', 2],
    ['2.5', 'int', 2],
    ['3.72', 'byte', 4],
    ['1e3', 'int', 1000],
    [true, 'int', 1],
    [null, 'int', 0],
    ['0xFFFFFFFF', 'long', 4294967295],
    ['0xFFFFFFFF', 'uint32', 4294967295],
    [2.5, 'long', 2],
    [255, 'byte', 255],
    [-128, 'sbyte', -128],
    ['9223372036854775807', 'long', 9223372036854775807n],
    [1.9, 'decimal', 1.9],
    [2.5, 'bigint', 2],
    ['123456789012345678901234567890', 'bigint', 123456789012345678901234567890n],
  ];
  for (const [v, t, expected] of cases) assert.equal(convertTo(v, t), expected, `[${t}]${show(v)}`);
  assertPSError(() => convertTo(300, 'byte'), 'Cannot convert value "300" to type "System.Byte". Error: "Value was either too large or too small for an unsigned byte."', 'InvalidCastIConvertible');
  assertPSError(() => convertTo('99999999999', 'int'), 'Cannot convert value "99999999999" to type "System.Int32". Error: "Value was either too large or too small for an Int32."');
  assertPSError(() => convertTo(-1, 'uint16'), 'Cannot convert value "-1" to type "System.UInt16". Error: "Value was either too large or too small for a UInt16."');
  assertPSError(() => convertTo('abc', 'int'), 'Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format."', 'InvalidCastFromStringToInteger');
  assertPSError(() => convertTo([1, 2], 'int'), 'Cannot convert the "System.Object[]" value of type "System.Object[]" to type "System.Int32".', 'ConvertToFinalInvalidCastException');
  assertPSError(() => convertTo(new PSHashtable(), 'int'), 'Cannot convert the "System.Collections.Hashtable" value of type "System.Collections.Hashtable" to type "System.Int32".');
});

test('strings, chars and booleans', () => {
  assert.equal(convertTo(null, 'string'), '');
  assert.equal(convertTo(5, 'string'), '5');
  assert.equal(convertTo([1, 2, 3], 'string'), '1 2 3');
  assert.equal(convertTo(true, 'string'), 'True');
  assert.equal(convertTo(65, 'char'), 'A');
  assert.equal(convertTo('x', 'char'), 'x');
  assertPSError(() => convertTo('ab', 'char'), 'Cannot convert value "ab" to type "System.Char". Error: "String must be exactly one character long."');
  assert.equal(convertTo('false', 'bool'), true);
  assert.equal(convertTo('', 'bool'), false);
  assert.equal(convertTo(0, 'bool'), false);
  assert.equal(convertTo(0.0, 'switch'), false);
  assert.equal(convertTo(null, 'bool'), false);
});

test('enums: names, case, comma lists for flags, numbers, errors', () => {
  const colors = new EnumType('Test.Color', { Red: 0, Green: 1, Blue: 2 });
  const flags = new EnumType('Test.Services', { None: 0, IMAP: 1, POP: 2, SMTP: 4 }, true);
  const color = (v: unknown) => convertTo(v, typeOf(colors.value(0)));
  assert.equal(String(color('green')), 'Green');
  assert.equal(String(color(' BLUE ')), 'Blue');
  assert.equal(String(color(2)), 'Blue');
  assert.equal(String(color('1')), 'Green');
  assert.equal(String(color('Gr*')), 'Green');
  const svc = typeOf(flags.value(0));
  assert.equal(String(svc.convert('pop,smtp')), 'POP, SMTP');
  assert.equal((svc.convert(['IMAP', 'SMTP']) as EnumValue).value, 5);
  assert.equal((svc.convert(6) as EnumValue).value, 6);
  assertPSError(
    () => color('Purple'),
    'Cannot convert value "Purple" to type "Test.Color" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are "Red,Green,Blue".',
    'InvalidCastEnumStringNotFound',
  );
  assertPSError(() => color('Red,Blue'), 'Cannot convert value "Red,Blue" to type "Test.Color" because no commas are allowed for this enumeration.');
  assertPSError(() => color(7), /^Cannot convert value "7" to type "Test.Color" due to enumeration values that are not valid/);
  assertPSError(() => svc.convert(8), /^Cannot convert value "8" to type "Test.Services"/);
  assertPSError(() => convertTo('Someday', 'DayOfWeek'), /The possible enumeration values are "Sunday,Monday,Tuesday,Wednesday,Thursday,Friday,Saturday"\.$/);
});

test('arrays: scalar to one element, element conversion, byte[], char[]', () => {
  assert.deepEqual(convertTo(2, 'int[]'), [2]);
  assert.deepEqual(convertTo(['1', '2'], 'int[]'), [1, 2]);
  assert.deepEqual(convertTo('abc', 'char[]'), ['a', 'b', 'c']);
  assert.deepEqual(convertTo('abc', 'string[]'), ['abc']);
  assert.equal(convertTo(null, 'int[]'), null);
  assert.deepEqual(convertTo(5, 'array'), [5]);
  assert.equal((convertTo(new PSHashtable(), 'object[]') as unknown[]).length, 1);
  const bytes = convertTo([65, '66', 67.4], 'byte[]');
  assert.ok(bytes instanceof Uint8Array);
  assert.deepEqual([...(bytes as Uint8Array)], [65, 66, 67]);
  assert.deepEqual([...(convertTo('65', 'byte[]') as Uint8Array)], [65]);
  assertPSError(() => convertTo([1, 256], 'byte[]'), /Value was either too large or too small for an unsigned byte/);
  assertPSError(() => convertTo(['x'], 'int[]'), 'Cannot convert value "x" to type "System.Int32". Error: "Input string was not in a correct format."');
});

test('hashtables: [pscustomobject] keeps key order, [ordered], [hashtable]', () => {
  const h = new PSHashtable();
  h.set('Zeta', 1);
  h.set('Alpha', 2);
  h.set('Mid', 3);
  const obj = convertTo(h, 'pscustomobject') as PSObject;
  assert.ok(obj instanceof PSObject);
  assert.deepEqual(obj.propertyNames(), ['Zeta', 'Alpha', 'Mid']);
  assert.equal(obj.getProperty('alpha'), 2);
  assert.equal(convertTo(5, 'pscustomobject'), 5);
  const ordered = convertTo(h, 'ordered') as PSHashtable;
  assert.equal(ordered.ordered, true);
  assert.deepEqual(ordered.keys(), ['Zeta', 'Alpha', 'Mid']);
  assert.equal(convertTo(h, 'hashtable'), h);
  assertPSError(() => convertTo(PSObject.from({ a: 1 }), 'hashtable'), 'Cannot convert the "@{a=1}" value of type "System.Management.Automation.PSCustomObject" to type "System.Collections.Hashtable".');
});

test('[datetime] and [timespan]', () => {
  const d = convertTo('2026-11-27', 'datetime') as Date;
  assert.deepEqual([dateParts(d).year, dateParts(d).month, dateParts(d).day, dateParts(d).hour], [2026, 11, 27, 0]);
  const parse = (s: string) => {
    const p = dateParts(convertTo(s, 'datetime') as Date);
    return [p.year, p.month, p.day, p.hour, p.minute, p.second];
  };
  assert.deepEqual(parse('11/27/2026'), [2026, 11, 27, 0, 0, 0]);
  assert.deepEqual(parse('11/27/2026 3:04:05 PM'), [2026, 11, 27, 15, 4, 5]);
  assert.deepEqual(parse('2026-11-27T10:30:00'), [2026, 11, 27, 10, 30, 0]);
  assert.deepEqual(parse('27 November 2026'), [2026, 11, 27, 0, 0, 0]);
  assert.deepEqual(parse('Friday, November 27, 2026'), [2026, 11, 27, 0, 0, 0]);
  assert.deepEqual(parse('Nov 27 2026 08:00'), [2026, 11, 27, 8, 0, 0]);
  assert.deepEqual(parse('2026/11/27 23:59:59'), [2026, 11, 27, 23, 59, 59]);
  assert.equal((convertTo('2026-11-27T10:00:00Z', 'datetime') as Date).getTime(), Date.UTC(2026, 10, 27, 10));
  assertPSError(() => convertTo('not a date', 'datetime'), 'Cannot convert value "not a date" to type "System.DateTime". Error: "String was not recognized as a valid DateTime."');
  assertPSError(() => convertTo('2026-02-30', 'datetime'), /String was not recognized as a valid DateTime/);
  assertPSError(() => convertTo(null, 'datetime'), 'Cannot convert null to type "System.DateTime".', 'InvalidCastFromNull');
  const fromTicks = convertTo(621355968000000000n, 'datetime') as Date;
  assert.deepEqual([dateParts(fromTicks).year, dateKind(fromTicks)], [1970, 'Unspecified']);
  assert.equal((convertTo('01:30:00', 'timespan') as TimeSpan).totalMilliseconds, 5_400_000);
  assert.equal((convertTo('1.02:03:04', 'timespan') as TimeSpan).totalMilliseconds, ((26 * 60 + 3) * 60 + 4) * 1000);
  assert.equal((convertTo('3', 'timespan') as TimeSpan).totalMilliseconds, 3 * 86_400_000);
  assert.equal((convertTo(10_000_000, 'timespan') as TimeSpan).totalMilliseconds, 1000);
  assertPSError(() => convertTo('25:00', 'timespan'), /String was not recognized as a valid TimeSpan/);
});

test('regex, scriptblock, securestring, version, guid, ipaddress, ref, type, void', () => {
  const r = convertTo('a+', 'regex');
  assert.ok(r instanceof NetRegex);
  assert.equal((r as NetRegex).isMatch('caat'), true);
  assertPSError(() => convertTo('(', 'regex'), 'Cannot convert value "(" to type "System.Text.RegularExpressions.Regex". Error: "parsing "(" - Not enough )\'s."');
  assertPSError(
    () => convertTo('Get-Date', 'scriptblock'),
    'Cannot convert the "Get-Date" value of type "System.String" to type "System.Management.Automation.ScriptBlock".',
    'ConvertToFinalInvalidCastException',
  );
  assertPSError(() => convertTo('P@ss', 'securestring'), 'Cannot convert the "P@ss" value of type "System.String" to type "System.Security.SecureString".');
  const secure = new SecureString('x');
  assert.equal(convertTo(secure, 'securestring'), secure);
  assert.equal(String(convertTo('1.2.3', 'version')), '1.2.3');
  assert.ok(convertTo('8.0', 'version') instanceof PSVersion);
  assertPSError(() => convertTo('x', 'version'), /Version string portion was too short or too long/);
  assert.equal(String(convertTo('{0F8FAD5B-D9CB-469F-A165-70867728950E}', 'guid')), '0f8fad5b-d9cb-469f-a165-70867728950e');
  assert.ok(convertTo('0f8fad5bd9cb469fa16570867728950e', 'guid') instanceof PSGuid);
  assertPSError(() => convertTo('xyz', 'guid'), /Guid should contain 32 digits with 4 dashes/);
  assert.equal(String(convertTo('192.168.0.1', 'ipaddress')), '192.168.0.1');
  assertPSError(() => convertTo('300.1.1.1', 'ipaddress'), /An invalid IP address was specified/);
  assert.equal((convertTo(5, 'ref') as PSReference).value, 5);
  assert.equal(convertTo('int', 'type'), convertTo('System.Int32', 'type'));
  assert.equal(convertTo(5, 'void'), AutomationNull);
  assert.ok(convertTo([1, 2], 'System.Collections.ArrayList') instanceof PSList);
  assert.deepEqual([...(convertTo(['1', 2], 'System.Collections.Generic.List[int]') as PSList)], [1, 2]);
});

test('unknown type names and -as', () => {
  assertPSError(() => convertTo(1, 'NoSuchType'), 'Unable to find type [NoSuchType].', 'TypeNotFound');
  assert.equal(tryConvertTo('abc', 'int'), null);
  assert.equal(tryConvertTo('5', 'int'), 5);
  assert.equal(tryConvertTo(1.5, 'int'), 2);
  assert.equal(tryConvertTo('x', 'datetime'), null);
  assert.equal(tryConvertTo(new PSObject(undefined, '7'), 'int'), 7);
});
