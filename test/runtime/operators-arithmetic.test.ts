// Arithmetic, bitwise, logical, range and unary operators. Cases follow PowerShell's
// test/powershell/Language/Parser/Parser.Tests.ps1 ("Mathematical Operations", array concatenation
// `1,2,3 + 4,5,6`), Language/Operators/RangeOperator.Tests.ps1, Language/Scripting/Array.Tests.ps1,
// Language/Operators/ComparisonOperator.Tests.ps1 ("Bytewise Operator" on enums) and ParserStrings.resx.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { binaryOperation, rangeIterator, unaryOperation } from '../../src/runtime/operators.ts';
import { TimeSpan, EnumType, EnumValue, PSHashtable, PSObject, AutomationNull } from '../../src/runtime/values.ts';
import { convertTo } from '../../src/runtime/conversion.ts';
import { dateParts } from '../../src/runtime/datetime.ts';
import { typeOf } from '../../src/runtime/types.ts';
import { assertPSError, show } from './helpers.ts';

const op = (o: string, l: unknown, r: unknown) => binaryOperation(o, false, l, r);

test('arithmetic is typed by the left operand', () => {
  const cases: [string, unknown, unknown, unknown][] = [
    ['+', '1', 2, '12'],
    ['+', 1, '2', 3],
    ['+', 1, '2.5', 3.5],
    ['+', 'a', null, 'a'],
    ['+', 'a', [1, 2], 'a1 2'],
    ['+', 'a', true, 'aTrue'],
    ['+', null, 5, 5],
    ['+', null, 'x', 'x'],
    ['+', null, null, null],
    ['+', true, 1, 2],
    ['+', 1.5, 1.5, 3],
    ['+', 2147483647, 1, 2147483648],
    ['+', 9007199254740991, 2, 9007199254740993n],
    ['-', 10, 4, 6],
    ['-', '10', 4, 6],
    ['-', '10', '4', 6],
    ['-', null, 3, -3],
    ['*', 'ab', 3, 'ababab'],
    ['*', 'ab', 0, ''],
    ['*', 'ab', '2', 'abab'],
    ['*', 3, '4', 12],
    ['*', 2.5, 2, 5],
    ['/', 5, 2, 2.5],
    ['/', 4, 2, 2],
    ['/', '9', 3, 3],
    ['/', 1, 3, 1 / 3],
    ['/', 1.5, 0, Infinity],
    ['%', 20, 6, 2],
    ['%', -7, 3, -1],
    ['%', 5.5, 2, 1.5],
  ];
  for (const [o, l, r, expected] of cases) assert.deepEqual(op(o, l, r), expected, `${show(l)} ${o} ${show(r)}`);
  // (20 % 6 * 4 + 2) / 2 - 3 from Parser.Tests.ps1
  assert.equal(op('-', op('/', op('+', op('*', op('%', 20, 6), 4), 2), 2), 3), 2);
  assert.equal(typeOf(op('+', 9223372036854775807n, 1)).fullName, 'System.Double');
});

test('arrays: concatenation and repetition', () => {
  assert.deepEqual(op('+', [1, 2, 3], [4, 5, 6]), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(op('+', [1, 2], 3), [1, 2, 3]);
  assert.deepEqual(op('+', [1], null), [1, null]);
  assert.deepEqual(op('+', [], []), []);
  assert.deepEqual(op('+', null, [1, 2]), [1, 2]);
  assert.deepEqual(op('*', [1], 2), [1, 1]);
  assert.deepEqual(op('*', [1, 2], 3), [1, 2, 1, 2, 1, 2]);
  assert.deepEqual(op('*', [1, 2], 0), []);
  const list = [1, 2];
  const sum = op('+', list, 3);
  assert.notEqual(sum, list, 'a new array, the left operand is unchanged');
  assert.deepEqual(list, [1, 2]);
});

test('hashtable addition', () => {
  const a = new PSHashtable();
  a.set('a', 1);
  const b = new PSHashtable();
  b.set('b', 2);
  const c = op('+', a, b) as PSHashtable;
  assert.deepEqual(c.entries(), [
    ['a', 1],
    ['b', 2],
  ]);
  assert.equal(a.size, 1);
  const dup = new PSHashtable();
  dup.set('a', 9);
  assertPSError(() => op('+', a, dup), "Item has already been added. Key in dictionary: 'a'  Key being added: 'a'", 'System.ArgumentException', 'System.ArgumentException');
  assertPSError(() => op('+', a, 1), 'A hash table can only be added to another hash table.', 'AddHashTableToNonHashTable');
});

test('arithmetic errors with PowerShell\'s texts', () => {
  assertPSError(() => op('/', 1, 0), 'Attempted to divide by zero.', 'RuntimeException', 'System.DivideByZeroException');
  const e = assertPSError(() => op('%', 1, 0), 'Attempted to divide by zero.');
  assert.equal(e.isA('System.Management.Automation.RuntimeException'), true);
  assert.equal(e.isA('DivideByZeroException'), true);
  assert.equal(e.isA('ArithmeticException'), true);
  assertPSError(() => op('-', [1], 1), "Method invocation failed because [System.Object[]] does not contain a method named 'op_Subtraction'.", 'MethodNotFound');
  assertPSError(() => op('/', [1], 1), "Method invocation failed because [System.Object[]] does not contain a method named 'op_Division'.");
  assertPSError(() => op('-', new PSHashtable(), 1), "Method invocation failed because [System.Collections.Hashtable] does not contain a method named 'op_Subtraction'.");
  assertPSError(() => op('+', PSObject.from({ a: 1 }), 1), "Method invocation failed because [System.Management.Automation.PSCustomObject] does not contain a method named 'op_Addition'.");
  assertPSError(() => op('-', 'abc', 1), 'Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format."', 'InvalidCastFromStringToInteger');
  assertPSError(() => op('+', 1, 'abc'), 'Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format."');
  assertPSError(() => op('+', 1.5, 'abc'), 'Cannot convert value "abc" to type "System.Double". Error: "Input string was not in a correct format."');
  assertPSError(() => op('+', 1, [2]), 'Cannot convert the "System.Object[]" value of type "System.Object[]" to type "System.Int32".');
  assertPSError(() => op('*', 'ab', 'x'), 'Cannot convert value "x" to type "System.Int32". Error: "Input string was not in a correct format."');
});

test('dates and time spans', () => {
  const d = convertTo('2026-11-27 10:00', 'datetime') as Date;
  const later = op('+', d, new TimeSpan(3_600_000)) as Date;
  assert.equal(dateParts(later).hour, 11);
  const diff = op('-', later, d) as TimeSpan;
  assert.ok(diff instanceof TimeSpan);
  assert.equal(diff.totalMilliseconds, 3_600_000);
  assert.equal(dateParts(op('-', d, new TimeSpan(86_400_000)) as Date).day, 26);
  assert.equal((op('+', new TimeSpan(1000), new TimeSpan(500)) as TimeSpan).totalMilliseconds, 1500);
  assert.equal((unaryOperation('-', new TimeSpan(5)) as TimeSpan).totalMilliseconds, -5);
});

test('bitwise operators, 32 and 64 bit, enums', () => {
  const cases: [string, unknown, unknown, unknown][] = [
    ['-band', 12, 10, 8],
    ['-bor', 12, 10, 14],
    ['-bxor', 12, 10, 6],
    ['-band', 0xffffffff, 0xff, 255],
    ['-band', '12', 4, 4],
    ['-bor', 0x100000000, 1, 0x100000001],
    ['-shl', 1, 4, 16],
    ['-shl', 1, 31, -2147483648],
    ['-shl', 1, 32, 1],
    ['-shr', -16, 2, -4],
    ['-shl', 0x100000000, 1, 0x200000000],
  ];
  for (const [o, l, r, expected] of cases) assert.equal(op(o, l, r), expected, `${show(l)} ${o} ${show(r)}`);
  assert.equal(unaryOperation('-bnot', 0), -1);
  assert.equal(unaryOperation('-bnot', 5), -6);
  const services = new EnumType('Test.Services', { None: 0, Alias: 1, Application: 2, All: 3 }, true);
  const both = op('-bor', services.value(1), services.value(2)) as EnumValue;
  assert.ok(both instanceof EnumValue);
  assert.equal(both.toString(), 'All');
  assert.equal(String(op('-band', services.value(1), services.value(3))), 'Alias');
  assert.equal(String(op('-bxor', services.value(1), services.value(1))), 'None');
});

test('logical operators and unary operators', () => {
  const cases: [string, unknown, unknown, boolean][] = [
    ['-and', 1, 1, true],
    ['-and', 1, 0, false],
    ['-and', 0, 0, false],
    ['-or', 1, 0, true],
    ['-or', 0, 0, false],
    ['-xor', 1, 0, true],
    ['-xor', 1, 1, false],
    ['-and', 'False', 'x', true],
    ['-or', [], '', false],
  ];
  for (const [o, l, r, expected] of cases) assert.equal(op(o, l, r), expected, `${show(l)} ${o} ${show(r)}`);
  assert.equal(unaryOperation('-not', 1), false);
  assert.equal(unaryOperation('-not', 0), true);
  assert.equal(unaryOperation('!', 3), false);
  assert.equal(unaryOperation('!', null), true);
  assert.equal(unaryOperation('-', '5'), -5);
  assert.equal(unaryOperation('-', 2.5), -2.5);
  assert.equal(unaryOperation('+', '42'), 42);
  assert.deepEqual(unaryOperation(',', 5), [5]);
  assert.deepEqual(unaryOperation(',', [1, 2]), [[1, 2]]);
  assert.deepEqual(unaryOperation(',', AutomationNull), [null]);
  assert.equal(unaryOperation('++', 5), 6);
  assert.equal(unaryOperation('++', null), 1);
  assert.equal(unaryOperation('--', '5'), 4);
  assertPSError(() => unaryOperation('-', [1]), "Method invocation failed because [System.Object[]] does not contain a method named 'op_UnaryNegation'.");
  assert.equal(op('??', null, 5), 5);
  assert.equal(op('??', 0, 5), 0);
});

test('range operator', () => {
  const cases: [unknown, unknown, unknown[]][] = [
    [5, 8, [5, 6, 7, 8]],
    [-8, -5, [-8, -7, -6, -5]],
    [0, 0, [0]],
    [4, 3, [4, 3]],
    [-2, 2, [-2, -1, 0, 1, 2]],
    [1.1, 3.9, [1, 2, 3, 4]],
    ['1', '3', [1, 2, 3]],
    ['A', 'E', ['A', 'B', 'C', 'D', 'E']],
    ['a', 'b', ['a', 'b']],
    ['B', 'A', ['B', 'A']],
    ['\u0110', '\u0114', ['\u0110', '\u0111', '\u0112', '\u0113', '\u0114']],
  ];
  for (const [l, r, expected] of cases) assert.deepEqual(op('..', l, r), expected, `${show(l)}..${show(r)}`);
  assert.equal(typeOf(op('..', 'a', 'c')).fullName, 'System.Char[]');
  const it = rangeIterator(1, 1e9);
  assert.deepEqual([it.next().value, it.next().value, it.next().value], [1, 2, 3]);
  assertPSError(() => op('..', 1, 1e9), /too large/, 'RangeTooLarge');
  assertPSError(() => op('..', 'x', 3), 'Cannot convert value "x" to type "System.Int32". Error: "Input string was not in a correct format."');
});
