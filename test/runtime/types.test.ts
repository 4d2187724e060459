// The type registry: literals as written, accelerators, arrays, generics, enums and typeOf.
// Accelerator names follow PowerShell's test/powershell/Language/Parser/TypeAccelerator.Tests.ps1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PSList, PSVersion } from '../../src/runtime/dotnet-values.ts';
import { PSException, ErrorRecord } from '../../src/runtime/errors.ts';
import { NetRegex } from '../../src/runtime/regex-engine.ts';
import { DotNetType } from '../../src/runtime/dotnet-type.ts';
import { registerEnum, registerType, resolveType, typeOf, isScriptBlock } from '../../src/runtime/types.ts';
import { convertTo } from '../../src/runtime/conversion.ts';
import { EnumType, PSHashtable, PSObject, SecureString, TimeSpan } from '../../src/runtime/values.ts';

test('resolveType: accelerators, full names, System. omitted, case-insensitive', () => {
  const cases: [string, string][] = [
    ['int', 'System.Int32'],
    ['Int32', 'System.Int32'],
    ['System.Int32', 'System.Int32'],
    ['INT', 'System.Int32'],
    ['long', 'System.Int64'],
    ['double', 'System.Double'],
    ['float', 'System.Single'],
    ['decimal', 'System.Decimal'],
    ['bool', 'System.Boolean'],
    ['switch', 'System.Management.Automation.SwitchParameter'],
    ['char', 'System.Char'],
    ['byte', 'System.Byte'],
    ['string', 'System.String'],
    ['datetime', 'System.DateTime'],
    ['timespan', 'System.TimeSpan'],
    ['hashtable', 'System.Collections.Hashtable'],
    ['ordered', 'System.Collections.Specialized.OrderedDictionary'],
    ['pscustomobject', 'System.Management.Automation.PSCustomObject'],
    ['psobject', 'System.Management.Automation.PSObject'],
    ['object', 'System.Object'],
    ['regex', 'System.Text.RegularExpressions.Regex'],
    ['scriptblock', 'System.Management.Automation.ScriptBlock'],
    ['securestring', 'System.Security.SecureString'],
    ['array', 'System.Array'],
    ['guid', 'System.Guid'],
    ['version', 'System.Version'],
    ['ipaddress', 'System.Net.IPAddress'],
    ['ref', 'System.Management.Automation.PSReference'],
    ['type', 'System.Type'],
    ['void', 'System.Void'],
    ['bigint', 'System.Numerics.BigInteger'],
    ['Math', 'System.Math'],
    ['System.IO.Path', 'System.IO.Path'],
    ['IO.Path', 'System.IO.Path'],
    ['System.IO.File', 'System.IO.File'],
    ['System.Text.Encoding', 'System.Text.Encoding'],
    ['Convert', 'System.Convert'],
    ['Environment', 'System.Environment'],
    ['System.Collections.ArrayList', 'System.Collections.ArrayList'],
    ['DivideByZeroException', 'System.DivideByZeroException'],
    ['System.Management.Automation.RuntimeException', 'System.Management.Automation.RuntimeException'],
    ['Exception', 'System.Exception'],
    ['System.IO.FileNotFoundException', 'System.IO.FileNotFoundException'],
    ['DayOfWeek', 'System.DayOfWeek'],
    ['System.Text.RegularExpressions.RegexOptions', 'System.Text.RegularExpressions.RegexOptions'],
    ['[int]', 'System.Int32'],
    ['string[]', 'System.String[]'],
    ['byte[]', 'System.Byte[]'],
    ['int[][]', 'System.Int32[][]'],
    ['System.Collections.Generic.List[string]', 'System.Collections.Generic.List[System.String]'],
    ['Collections.Generic.List[int]', 'System.Collections.Generic.List[System.Int32]'],
    ['System.Collections.Generic.List`1[[System.String]]', 'System.Collections.Generic.List[System.String]'],
  ];
  for (const [name, fullName] of cases) assert.equal(resolveType(name)?.fullName, fullName, name);
  assert.equal(resolveType('NoSuchType'), undefined);
  assert.equal(resolveType('List[NoSuchType]'), undefined);
  assert.equal(resolveType('int[]'), resolveType('Int32[]'), 'array types are cached');
});

test('exception types carry the name catch [T] matches', () => {
  assert.equal(resolveType('DivideByZeroException')?.exceptionTypeName, 'System.DivideByZeroException');
  const t = resolveType('System.ArithmeticException')!;
  assert.equal(t.isInstance(new PSException('x', 'System.DivideByZeroException')), true);
  assert.equal(t.isInstance(new PSException('x', 'System.IO.IOException')), false);
});

test('typeOf: what GetType() reports', () => {
  const cases: [unknown, string][] = [
    [1, 'System.Int32'],
    [2147483648, 'System.Int64'],
    [2 ** 63, 'System.Double'],
    [2.5, 'System.Double'],
    [9007199254740993n, 'System.Int64'],
    [2n ** 70n, 'System.Numerics.BigInteger'],
    ['s', 'System.String'],
    [true, 'System.Boolean'],
    [[1, 2], 'System.Object[]'],
    [new Uint8Array(2), 'System.Byte[]'],
    [new PSHashtable(), 'System.Collections.Hashtable'],
    [new PSHashtable(true), 'System.Collections.Specialized.OrderedDictionary'],
    [PSObject.from({ a: 1 }), 'System.Management.Automation.PSCustomObject'],
    [new PSObject(['Microsoft.Exchange.Data.ExchangeCertificate', 'System.Object']), 'Microsoft.Exchange.Data.ExchangeCertificate'],
    [new PSObject(undefined, 5), 'System.Int32'],
    [new Date(), 'System.DateTime'],
    [new TimeSpan(5), 'System.TimeSpan'],
    [new SecureString('x'), 'System.Security.SecureString'],
    [new NetRegex('a'), 'System.Text.RegularExpressions.Regex'],
    [new PSVersion(1, 2), 'System.Version'],
    [PSList.create([1]), 'System.Collections.ArrayList'],
    [PSList.create([], resolveType('string')), 'System.Collections.Generic.List[System.String]'],
    [convertTo(['1'], 'int[]'), 'System.Int32[]'],
    [resolveType('int'), 'System.RuntimeType'],
    [new PSException('boom', 'System.IO.IOException'), 'System.IO.IOException'],
    [new ErrorRecord({ exception: new PSException('x'), errorId: 'X', category: 'NotSpecified' }), 'System.Management.Automation.ErrorRecord'],
    [null, 'System.Object'],
  ];
  for (const [value, fullName] of cases) assert.equal(typeOf(value).fullName, fullName, String(value));
  assert.equal(typeOf([1]).name, 'Object[]');
  assert.equal(typeOf(1).name, 'Int32');
});

test('isInstance (-is) follows typeOf, with a few documented leniencies', () => {
  const is = (v: unknown, t: string) => resolveType(t)!.isInstance(v);
  assert.equal(is(1, 'int'), true);
  assert.equal(is(1, 'long'), false);
  assert.equal(is(1.5, 'double'), true);
  assert.equal(is('a', 'string'), true);
  assert.equal(is('a', 'char'), true, 'one-character strings are chars (the value model has no char)');
  assert.equal(is('ab', 'char'), false);
  assert.equal(is([1], 'array'), true);
  assert.equal(is([1], 'object[]'), true);
  assert.equal(is([1], 'string[]'), false);
  assert.equal(is(convertTo('x', 'string[]'), 'string[]'), true);
  assert.equal(is(new PSHashtable(), 'hashtable'), true);
  assert.equal(is(new PSHashtable(), 'System.Collections.IDictionary'), true);
  assert.equal(is('x', 'System.Collections.IEnumerable'), true);
  assert.equal(is(5, 'ValueType'), true);
  assert.equal(is(PSObject.from({}), 'pscustomobject'), true);
  assert.equal(is(PSObject.from({}), 'psobject'), true);
  assert.equal(is(5, 'psobject'), false);
  assert.equal(is(null, 'object'), false);
  assert.equal(is(5, 'object'), true);
  assert.equal(is(resolveType('int'), 'type'), true);
});

test('registerEnum and registerType make module types resolvable', () => {
  const allowed = new EnumType('Microsoft.Exchange.Data.AllowedServices', { None: 0, IMAP: 1, POP: 2, SMTP: 4, IIS: 8 }, true);
  const t = registerEnum(allowed);
  assert.equal(resolveType('AllowedServices'), t);
  assert.equal(resolveType('Microsoft.Exchange.Data.AllowedServices'), t);
  assert.equal(String(t.convert('pop, smtp')), 'POP, SMTP');
  assert.equal(typeOf(allowed.value(2)), t);
  const certType = registerType(
    new DotNetType({
      fullName: 'Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate',
      isInstance: (v) => v instanceof PSObject && v.typeNames.includes('Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate'),
    }),
    'ExchangeCertificate',
  );
  assert.equal(resolveType('exchangecertificate'), certType);
  const cert = new PSObject(['Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate', 'System.Object']);
  assert.equal(typeOf(cert), certType);
  assert.equal(certType.isInstance(cert), true);
});

test('isScriptBlock recognises objects of class ScriptBlock', () => {
  class ScriptBlock {}
  assert.equal(isScriptBlock(new ScriptBlock()), true);
  assert.equal(isScriptBlock({}), false);
  assert.equal(isScriptBlock('{ }'), false);
});
