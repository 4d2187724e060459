// Static members: [Math], [int], [string], [char], [datetime], [timespan], [regex], [convert],
// [System.Text.Encoding], [System.IO.Path], [System.IO.File], [Environment], [guid], [enum], ::new().
// Expected values are .NET Framework's (Math.Round is banker's by default, Convert.ToInt32 rounds to even).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { getMember, getStaticMember, invokeMethod, invokeStaticMethod } from '../../src/runtime/members.ts';
import { resolveType } from '../../src/runtime/types.ts';
import { dateParts } from '../../src/runtime/datetime.ts';
import { PSGuid, PSList, PSReference, PSStringBuilder } from '../../src/runtime/dotnet-values.ts';
import { PSException } from '../../src/runtime/errors.ts';
import { AutomationNull, PSHashtable, TimeSpan } from '../../src/runtime/values.ts';
import type { MethodContext } from '../../src/runtime/dotnet-type.ts';
import { assertPSError, show } from './helpers.ts';

const S = (type: string, name: string, ...args: unknown[]) => invokeStaticMethod(resolveType(type)!, name, args);
const P = (type: string, name: string) => getStaticMember(resolveType(type)!, name);

test('[Math]', () => {
  const cases: [string, unknown[], unknown][] = [
    ['Round', [2.5], 2],
    ['Round', [3.5], 4],
    ['Round', [-2.5], -2],
    ['Round', [2.567, 2], 2.57],
    ['Round', [2.5, 'AwayFromZero'], 3],
    ['Round', [2.345, 2, 'AwayFromZero'], 2.35],
    ['Floor', [2.7], 2],
    ['Floor', [-2.2], -3],
    ['Ceiling', [2.1], 3],
    ['Truncate', [-2.7], -2],
    ['Abs', [-5], 5],
    ['Max', [3, 7], 7],
    ['Min', [3, '7'], 3],
    ['Pow', [2, 10], 1024],
    ['Sqrt', [16], 4],
    ['Sign', [-3], -1],
    ['Log10', [1000], 3],
    ['Log', [8, 2], 3],
  ];
  for (const [m, args, expected] of cases) assert.equal(S('Math', m, ...args), expected, `[Math]::${m}(${args.map((a) => show(a)).join(', ')})`);
  assert.equal(P('math', 'PI'), Math.PI);
  assert.equal(P('System.Math', 'E'), Math.E);
  assertPSError(() => S('Math', 'Abs', -2147483648), 'Exception calling "Abs" with "1" argument(s): "Negating the minimum value of a twos complement number is invalid."', 'OverflowException');
  assertPSError(() => S('Math', 'Round'), 'Cannot find an overload for "Round" and the argument count: "0".');
  assertPSError(() => S('Math', 'Nope'), "Method invocation failed because [System.Math] does not contain a method named 'Nope'.", 'MethodNotFound');
  assert.equal(P('Math', 'Nope'), null);
});

test('numeric type statics', () => {
  assert.equal(P('int', 'MaxValue'), 2147483647);
  assert.equal(P('int', 'MinValue'), -2147483648);
  assert.equal(P('long', 'MaxValue'), 9223372036854775807n);
  assert.equal(P('byte', 'MaxValue'), 255);
  assert.equal(P('double', 'MaxValue'), Number.MAX_VALUE);
  assert.equal(S('int', 'Parse', '42'), 42);
  assert.equal(S('int', 'Parse', ' -7 '), -7);
  assert.equal(S('int', 'Parse', 'ff', 'HexNumber'), 255);
  assertPSError(() => S('int', 'Parse', 'abc'), 'Exception calling "Parse" with "1" argument(s): "Input string was not in a correct format."', 'FormatException');
  assertPSError(() => S('int', 'Parse', '1.5'), /Input string was not in a correct format/);
  assertPSError(() => S('int', 'Parse', '99999999999'), 'Exception calling "Parse" with "1" argument(s): "Value was either too large or too small for an Int32."', 'OverflowException');
  const ref = PSReference.box(0);
  assert.equal(S('int', 'TryParse', '12', ref), true);
  assert.equal(ref.value, 12);
  assert.equal(S('int', 'TryParse', 'x', ref), false);
  assert.equal(ref.value, 0);
  assert.equal(S('double', 'Parse', '1,234.5'), 1234.5);
  assert.equal(S('double', 'IsNaN', P('double', 'NaN')), true);
});

test('[string] and [char]', () => {
  assert.equal(P('string', 'Empty'), '');
  assert.equal(S('string', 'IsNullOrEmpty', null), true);
  assert.equal(S('string', 'IsNullOrEmpty', ''), true);
  assert.equal(S('string', 'IsNullOrEmpty', ' '), false);
  assert.equal(S('string', 'IsNullOrWhiteSpace', ' \t'), true);
  assert.equal(S('string', 'Join', ', ', ['a', 'b', 'c']), 'a, b, c');
  assert.equal(S('string', 'Join', '-', 'a', 'b'), 'a-b');
  assert.equal(S('string', 'Join', ',', [1, null, 3]), '1,,3');
  assert.equal(S('string', 'Format', '{0}-{1:D2}', 'a', 5), 'a-05');
  assert.equal(S('string', 'Format', '{0}{1}', [1, 2]), '12');
  assertPSError(() => S('string', 'Format', '{1}', 'a'), 'Exception calling "Format" with "2" argument(s): "Index (zero based) must be greater than or equal to zero and less than the size of the argument list."', 'FormatException');
  assert.equal(S('string', 'Concat', 'a', 1, true), 'a1True');
  assert.equal(S('string', 'Compare', 'a', 'B'), -1);
  assert.equal(S('string', 'Compare', 'a', 'A', true), 0);
  assert.equal(S('string', 'Equals', 'a', 'A'), false);
  assert.equal(S('string', 'new', '-', 3), '---');
  assert.equal(S('char', 'IsDigit', '5'), true);
  assert.equal(S('char', 'IsDigit', 'x'), false);
  assert.equal(S('char', 'IsLetter', 'é'), true);
  assert.equal(S('char', 'IsWhiteSpace', ' '), true);
  assert.equal(S('char', 'IsUpper', 'A'), true);
  assert.equal(S('char', 'IsDigit', 'a1', 1), true);
  assert.equal(S('char', 'ToUpper', 'q'), 'Q');
  assert.equal(S('char', 'ConvertFromUtf32', 0x1f600), '\u{1f600}');
});

test('[datetime], [timespan], [guid], [version], [ipaddress]', () => {
  const now = P('datetime', 'Now') as Date;
  assert.ok(Math.abs(now.getTime() - Date.now()) < 5000);
  const today = P('datetime', 'Today') as Date;
  assert.equal(dateParts(today).hour, 0);
  assert.equal(String(getMember(P('datetime', 'UtcNow'), 'Kind')), 'Utc');
  const parsed = S('datetime', 'Parse', '2026-11-27 10:30') as Date;
  assert.deepEqual([dateParts(parsed).day, dateParts(parsed).hour], [27, 10]);
  const exact = S('datetime', 'ParseExact', '27.11.2026 08:15', 'dd.MM.yyyy HH:mm', null) as Date;
  assert.deepEqual([dateParts(exact).year, dateParts(exact).month, dateParts(exact).day, dateParts(exact).hour, dateParts(exact).minute], [2026, 11, 27, 8, 15]);
  const exact2 = S('datetime', 'ParseExact', '20261127', ['yyyy-MM-dd', 'yyyyMMdd'], null) as Date;
  assert.equal(dateParts(exact2).day, 27);
  assertPSError(() => S('datetime', 'ParseExact', 'x', 'yyyy', null), 'Exception calling "ParseExact" with "3" argument(s): "String was not recognized as a valid DateTime."');
  assertPSError(() => S('datetime', 'Parse', 'garbage'), 'Exception calling "Parse" with "1" argument(s): "String was not recognized as a valid DateTime."');
  assert.equal(S('datetime', 'DaysInMonth', 2024, 2), 29);
  assert.equal(S('datetime', 'IsLeapYear', 1900), false);
  const built = invokeStaticMethod(resolveType('datetime')!, 'new', [2026, 11, 27]) as Date;
  assert.equal(dateParts(built).month, 11);
  assertPSError(() => invokeStaticMethod(resolveType('datetime')!, 'new', [2026, 2, 30]), /Exception calling ".ctor" with "3" argument\(s\): "Year, Month, and Day parameters describe an un-representable DateTime."/);
  assert.equal((S('timespan', 'FromMinutes', 90) as TimeSpan).totalMilliseconds, 5_400_000);
  assert.equal((P('timespan', 'Zero') as TimeSpan).totalMilliseconds, 0);
  assert.equal((S('timespan', 'new', 1, 2, 3) as TimeSpan).totalMilliseconds, 3_723_000);
  assert.equal((S('timespan', 'Parse', '00:00:30') as TimeSpan).totalMilliseconds, 30_000);
  const g = S('guid', 'NewGuid');
  assert.ok(g instanceof PSGuid);
  assert.match(String(g), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(String(P('guid', 'Empty')), '00000000-0000-0000-0000-000000000000');
  assert.equal((invokeMethod(g, 'ToString', ['N']) as string).length, 32);
  assert.equal(String(S('version', 'new', 8, 0, 685)), '8.0.685');
  assert.equal(getMember(S('version', 'Parse', '1.2.3.4'), 'Revision'), 4);
  assert.equal(String(S('ipaddress', 'Parse', '10.0.0.1')), '10.0.0.1');
  assert.equal(String(P('ipaddress', 'Loopback')), '127.0.0.1');
});

test('[regex] statics and instances', () => {
  const m = S('regex', 'Match', 'abc123', '\\d+');
  assert.equal(getMember(m, 'Value'), '123');
  assert.deepEqual(getMember(S('regex', 'Matches', 'a1b22c333', '\\d+'), 'Value'), ['1', '22', '333']);
  assert.equal(S('regex', 'IsMatch', 'ABC', 'abc', 'IgnoreCase'), true);
  assert.equal(S('regex', 'Replace', 'a-b-c', '-', '+'), 'a+b+c');
  assert.deepEqual(S('regex', 'Split', 'a1b2c', '\\d'), ['a', 'b', 'c']);
  assert.equal(S('regex', 'Escape', 'a.b'), 'a\\.b');
  class ScriptBlock {}
  const ctx: MethodContext = { invokeScriptBlock: (_sb, args) => [String(getMember(args[0], 'Value')).toUpperCase()] };
  assert.equal(invokeStaticMethod(resolveType('regex')!, 'Replace', ['ab cd', '\\w+', new ScriptBlock()], ctx), 'AB CD');
  const r = S('regex', 'new', '(?<n>\\d)');
  assert.equal(getMember(invokeMethod(r, 'Match', ['x7']), 'Value'), '7');
  assert.deepEqual(invokeMethod(r, 'GetGroupNames', []), ['0', 'n']);
  assert.equal(invokeMethod(r, 'Replace', ['a1b2', '#']), 'a#b#');
  assert.equal(invokeMethod(r, 'ToString', []), '(?<n>\\d)');
  assertPSError(() => S('regex', 'Match', 'x', '('), 'Exception calling "Match" with "2" argument(s): "parsing "(" - Not enough )\'s."', 'ArgumentException');
});

test('[convert] and [System.Text.Encoding]', () => {
  assert.equal(S('convert', 'ToBase64String', new Uint8Array([104, 105])), 'aGk=');
  assert.deepEqual([...(S('convert', 'FromBase64String', 'aGk=') as Uint8Array)], [104, 105]);
  assertPSError(() => S('convert', 'FromBase64String', '***'), /Exception calling "FromBase64String" with "1" argument\(s\): "The input is not a valid Base-64 string/, 'FormatException');
  assert.equal(S('convert', 'ToInt32', 'ff', 16), 255);
  assert.equal(S('convert', 'ToInt32', 'FFFFFFFF', 16), -1);
  assert.equal(S('convert', 'ToInt32', '101', 2), 5);
  assert.equal(S('convert', 'ToInt32', 2.5), 2);
  assert.equal(S('convert', 'ToInt32', 3.5), 4);
  assert.equal(S('convert', 'ToInt32', null), 0);
  assert.equal(S('convert', 'ToString', 255, 16), 'ff');
  assert.equal(S('convert', 'ToString', 5, 2), '101');
  assert.equal(S('convert', 'ToBoolean', 'TRUE'), true);
  assertPSError(() => S('convert', 'ToInt32', 'abc'), 'Exception calling "ToInt32" with "1" argument(s): "Input string was not in a correct format."');
  const utf8 = P('System.Text.Encoding', 'UTF8');
  assert.deepEqual([...(invokeMethod(utf8, 'GetBytes', ['hé']) as Uint8Array)], [104, 195, 169]);
  assert.equal(invokeMethod(utf8, 'GetString', [new Uint8Array([104, 195, 169])]), 'hé');
  assert.equal(invokeMethod(utf8, 'GetString', [[104, 105]]), 'hi');
  assert.equal(getMember(utf8, 'WebName'), 'utf-8');
  assert.deepEqual([...(invokeMethod(P('System.Text.Encoding', 'ASCII'), 'GetBytes', ['hé']) as Uint8Array)], [104, 63]);
  assert.deepEqual([...(invokeMethod(P('Text.Encoding', 'Unicode'), 'GetBytes', ['A']) as Uint8Array)], [65, 0]);
  assert.equal(getMember(S('System.Text.Encoding', 'GetEncoding', 'utf-8'), 'CodePage'), 65001);
});

test('[System.IO.Path], [System.IO.File], [System.IO.Directory]', () => {
  assert.equal(S('System.IO.Path', 'Combine', 'c:\\certificates', 'request.p7c'), 'c:\\certificates\\request.p7c');
  assert.equal(S('System.IO.Path', 'Combine', 'a', 'b', 'c'), 'a\\b\\c');
  assert.equal(S('System.IO.Path', 'Combine', '/tmp', 'x.txt'), '/tmp/x.txt');
  assert.equal(S('System.IO.Path', 'Combine', 'c:\\a', 'd:\\b'), 'd:\\b');
  assert.equal(S('System.IO.Path', 'GetFileName', 'c:\\certificates\\request.p7c'), 'request.p7c');
  assert.equal(S('System.IO.Path', 'GetExtension', 'c:\\certificates\\request.p7c'), '.p7c');
  assert.equal(S('System.IO.Path', 'GetFileNameWithoutExtension', '/tmp/archive.tar.gz'), 'archive.tar');
  assert.equal(S('System.IO.Path', 'GetDirectoryName', 'c:\\certificates\\request.p7c'), 'c:\\certificates');
  assert.equal(S('System.IO.Path', 'GetDirectoryName', 'c:\\file.txt'), 'c:\\');
  assert.equal(S('System.IO.Path', 'ChangeExtension', 'a\\b.txt', 'log'), 'a\\b.log');
  assert.equal(S('System.IO.Path', 'IsPathRooted', 'c:\\x'), true);
  assert.equal(S('System.IO.Path', 'IsPathRooted', 'x'), false);
  assert.equal(P('System.IO.Path', 'DirectorySeparatorChar'), '\\');
  assert.match(S('System.IO.Path', 'GetTempPath') as string, /\/$/);
  const dir = mkdtempSync(join(tmpdir(), 'emsh-io-'));
  try {
    const file = join(dir, 'note.txt');
    assert.equal(S('System.IO.File', 'Exists', file), false);
    assert.equal(S('System.IO.File', 'WriteAllText', file, 'héllo'), AutomationNull);
    assert.equal(S('System.IO.File', 'Exists', file), true);
    assert.equal(S('System.IO.File', 'ReadAllText', file), 'héllo');
    assert.deepEqual([...(S('System.IO.File', 'ReadAllBytes', file) as Uint8Array)].slice(0, 2), [104, 195]);
    S('System.IO.File', 'WriteAllLines', file, ['a', 'b']);
    assert.deepEqual(S('System.IO.File', 'ReadAllLines', file), ['a', 'b']);
    assert.equal(S('System.IO.Directory', 'Exists', dir), true);
    assert.deepEqual(S('System.IO.Directory', 'GetFiles', dir, '*.txt'), [`${dir}/note.txt`]);
    assertPSError(() => S('System.IO.File', 'ReadAllText', join(dir, 'missing.txt')), `Exception calling "ReadAllText" with "1" argument(s): "Could not find file '${join(dir, 'missing.txt')}'."`, 'FileNotFoundException');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('[Environment], [enum], [array], ::new() and exceptions', () => {
  assert.equal(typeof P('Environment', 'MachineName'), 'string');
  assert.equal(typeof P('Environment', 'NewLine'), 'string');
  process.env.EMSH_TEST_VAR = 'v1';
  assert.equal(S('Environment', 'GetEnvironmentVariable', 'EMSH_TEST_VAR'), 'v1');
  assert.equal(S('Environment', 'GetEnvironmentVariable', 'EMSH_NO_SUCH_VAR'), null);
  assert.equal(S('Environment', 'ExpandEnvironmentVariables', '%EMSH_TEST_VAR%-x'), 'v1-x');
  delete process.env.EMSH_TEST_VAR;
  assert.deepEqual((S('enum', 'GetNames', resolveType('DayOfWeek')) as string[]).slice(0, 2), ['Sunday', 'Monday']);
  assert.deepEqual(S('System.Enum', 'GetNames', 'System.StringSplitOptions'), ['None', 'RemoveEmptyEntries']);
  assert.equal(String(S('enum', 'Parse', resolveType('DayOfWeek'), 'friday')), 'Friday');
  assert.equal(String(P('DayOfWeek', 'Monday')), 'Monday');
  const arr = [3, 1, 2];
  S('array', 'Sort', arr);
  assert.deepEqual(arr, [1, 2, 3]);
  S('array', 'Reverse', arr);
  assert.deepEqual(arr, [3, 2, 1]);
  assert.equal(S('array', 'IndexOf', arr, 2), 1);
  assert.ok(S('System.Collections.ArrayList', 'new') instanceof PSList);
  const list = S('System.Collections.Generic.List[int]', 'new', [1, 2]) as PSList;
  assert.deepEqual([...list], [1, 2]);
  assert.ok(S('hashtable', 'new') instanceof PSHashtable);
  const sb = S('System.Text.StringBuilder', 'new') as PSStringBuilder;
  invokeMethod(invokeMethod(sb, 'Append', ['a']), 'Append', [1]);
  invokeMethod(sb, 'AppendFormat', ['{0}!', 'x']);
  assert.equal(invokeMethod(sb, 'ToString', []), 'a1x!');
  assert.equal(getMember(sb, 'Length'), 4);
  const ex = S('System.IO.FileNotFoundException', 'new', 'gone') as PSException;
  assert.ok(ex instanceof PSException);
  assert.equal(ex.message, 'gone');
  assert.equal(ex.isA('System.IO.IOException'), true);
  const record = S('System.Management.Automation.ErrorRecord', 'new', ex, 'FileGone', 'ObjectNotFound', 'x.txt');
  assert.equal(getMember(record, 'FullyQualifiedErrorId'), 'FileGone');
  assert.equal(String(getMember(getMember(record, 'CategoryInfo'), 'Category')), 'ObjectNotFound');
});
