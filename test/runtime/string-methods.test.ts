// System.String methods as Windows PowerShell 5.1 (.NET Framework) runs them: char-array Split and Trim,
// ordinal case-sensitive Replace/Contains, .NET ArgumentOutOfRangeException texts wrapped as
// `Exception calling "Substring" with "1" argument(s): "..."` (ExtendedTypeSystem.resx MethodInvocationException).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { invokeMethod } from '../../src/runtime/members.ts';
import { convertTo } from '../../src/runtime/conversion.ts';
import { splitString } from '../../src/runtime/string-methods.ts';
import { typeOf } from '../../src/runtime/types.ts';
import { assertPSError, show } from './helpers.ts';

const call = (s: string, m: string, ...args: unknown[]) => invokeMethod(s, m, args);

test('string methods: results', () => {
  const cases: [string, string, unknown[], unknown][] = [
    ['Hello', 'ToUpper', [], 'HELLO'],
    ['Hello', 'ToLower', [], 'hello'],
    ['  x  ', 'Trim', [], 'x'],
    ['\t x \n', 'Trim', [], 'x'],
    ['xxhixx', 'Trim', ['x'], 'hi'],
    ['abhiba', 'Trim', ['ab'], 'hi'],
    ['abhiba', 'Trim', ['a', 'b'], 'hi'],
    ['  x  ', 'TrimStart', [], 'x  '],
    ['  x  ', 'TrimEnd', [], '  x'],
    ['0042', 'TrimStart', ['0'], '42'],
    ['a,b,,c', 'Split', [','], ['a', 'b', '', 'c']],
    ['a,b;c', 'Split', [',;'], ['a', 'b', 'c']],
    ['a::b', 'Split', ['::'], ['a', '', 'b']],
    ['a b  c', 'Split', [], ['a', 'b', '', 'c']],
    ['a,b,c', 'Split', [',', 2], ['a', 'b,c']],
    ['a,,b', 'Split', [',', 'RemoveEmptyEntries'], ['a', 'b']],
    ['a::b::c', 'Split', [['::'], 'None'], ['a', 'b', 'c']],
    ['a::b', 'Split', ['::', 'None'], ['a', 'b']],
    ['a,b', 'Split', [[',', ';']], ['a', 'b']],
    ['book', 'Replace', ['o', '0'], 'b00k'],
    ['Book', 'Replace', ['b', 'x'], 'Book'],
    ['a.b', 'Replace', ['.', '-'], 'a-b'],
    ['abc', 'Replace', ['b', null], 'ac'],
    ['Hello', 'Substring', [1], 'ello'],
    ['Hello', 'Substring', [1, 3], 'ell'],
    ['Hello', 'Substring', [5], ''],
    ['Hello', 'IndexOf', ['l'], 2],
    ['Hello', 'IndexOf', ['L'], -1],
    ['Hello', 'IndexOf', ['L', 'OrdinalIgnoreCase'], 2],
    ['Hello', 'IndexOf', ['l', 3], 3],
    ['Hello', 'IndexOf', [''], 0],
    ['Hello', 'LastIndexOf', ['l'], 3],
    ['Hello', 'IndexOfAny', [['x', 'l']], 2],
    ['Hello', 'StartsWith', ['He'], true],
    ['Hello', 'StartsWith', ['he'], false],
    ['Hello', 'StartsWith', ['he', 'CurrentCultureIgnoreCase'], true],
    ['Hello', 'StartsWith', ['he', true, null], true],
    ['Hello', 'EndsWith', ['lo'], true],
    ['Hello', 'Contains', ['ell'], true],
    ['Hello', 'Contains', ['ELL'], false],
    ['7', 'PadLeft', [3, '0'], '007'],
    ['7', 'PadLeft', [3], '  7'],
    ['7', 'PadRight', [3, '.'], '7..'],
    ['Hello', 'PadLeft', [2], 'Hello'],
    ['Hllo', 'Insert', [1, 'e'], 'Hello'],
    ['Hello', 'Remove', [2], 'He'],
    ['Hello', 'Remove', [1, 3], 'Ho'],
    ['abc', 'ToCharArray', [], ['a', 'b', 'c']],
    ['abc', 'Equals', ['abc'], true],
    ['abc', 'Equals', ['ABC'], false],
    ['abc', 'Equals', ['ABC', 'OrdinalIgnoreCase'], true],
    ['1', 'Equals', [1], false],
    ['a', 'CompareTo', ['b'], -1],
    ['b', 'CompareTo', ['a'], 1],
    ['a', 'CompareTo', [null], 1],
    ['abc', 'Chars', [1], 'b'],
    ['abc', 'ToString', [], 'abc'],
    ['e\u0301', 'Normalize', [], '\u00e9'],
    ['5', 'GetType', [], typeOf('x')],
  ];
  for (const [s, m, args, expected] of cases) assert.deepEqual(call(s, m, ...args), expected, `'${s}'.${m}(${args.map((a) => show(a)).join(', ')})`);
  assert.equal(typeOf(call('abc', 'ToCharArray')).fullName, 'System.Char[]');
  assert.equal(call('abc', 'toupper'), 'ABC', 'method names are case-insensitive');
});

test('string methods: .NET exceptions and overload errors', () => {
  const wrap = (method: string, n: number, inner: string) => `Exception calling "${method}" with "${n}" argument(s): "${inner}"`;
  assertPSError(() => call('abc', 'Substring', 5), wrap('Substring', 1, 'startIndex cannot be larger than length of string.\nParameter name: startIndex'), 'ArgumentOutOfRangeException', 'System.Management.Automation.MethodInvocationException');
  assertPSError(() => call('abc', 'Substring', -1), wrap('Substring', 1, 'StartIndex cannot be less than zero.\nParameter name: startIndex'));
  assertPSError(() => call('abc', 'Substring', 1, 5), wrap('Substring', 2, 'Index and length must refer to a location within the string.\nParameter name: length'));
  assertPSError(() => call('abc', 'Substring', 1, -1), wrap('Substring', 2, 'Length cannot be less than zero.\nParameter name: length'));
  assertPSError(() => call('abc', 'Substring', 1, 2, 3), 'Cannot find an overload for "Substring" and the argument count: "3".', 'MethodCountCouldNotFindBest', 'System.Management.Automation.MethodException');
  assertPSError(() => call('abc', 'Replace', '', 'x'), wrap('Replace', 2, 'String cannot be of zero length.\nParameter name: oldValue'), 'ArgumentException');
  assertPSError(() => call('abc', 'Replace', null, 'x'), wrap('Replace', 2, 'Value cannot be null.\nParameter name: oldValue'), 'ArgumentNullException');
  assertPSError(() => call('abc', 'Remove', 3), wrap('Remove', 1, 'startIndex must be less than length of string.\nParameter name: startIndex'));
  assertPSError(() => call('abc', 'Insert', 4, 'x'), wrap('Insert', 2, 'Specified argument was out of the range of valid values.\nParameter name: startIndex'));
  assertPSError(() => call('abc', 'Chars', 3), wrap('Chars', 1, 'Index was outside the bounds of the array.'), 'IndexOutOfRangeException');
  assertPSError(() => call('abc', 'PadLeft', -1), wrap('PadLeft', 1, 'Non-negative number required.\nParameter name: totalWidth'));
  assertPSError(() => call('abc', 'IndexOf', 'a', 9), wrap('IndexOf', 2, 'Index was out of range. Must be non-negative and less than the size of the collection.\nParameter name: startIndex'));
  assertPSError(() => call('abc', 'Substring', 'x'), 'Cannot convert value "x" to type "System.Int32". Error: "Input string was not in a correct format."');
});

test('splitString follows String.Split counting rules', () => {
  assert.deepEqual(splitString('a,b,c', [','], -1, false), ['a', 'b', 'c']);
  assert.deepEqual(splitString('a,b,c', [','], 0, false), []);
  assert.deepEqual(splitString('a,b,c', [','], 1, false), ['a,b,c']);
  assert.deepEqual(splitString(',a,,b,', [','], -1, true), ['a', 'b']);
  assert.deepEqual(splitString('a,,b,c', [','], 2, true), ['a', 'b,c']);
  assert.deepEqual(splitString('', [','], -1, false), ['']);
  assert.deepEqual(splitString('', [','], -1, true), []);
  assert.deepEqual(splitString('one  two', [], -1, true), ['one', 'two']);
});

test('strings convert through methods that take chars', () => {
  assert.deepEqual(convertTo('hi', 'char[]'), ['h', 'i']);
});
