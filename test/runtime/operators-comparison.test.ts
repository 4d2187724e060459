// Comparison and containment operators. Cases follow PowerShell's
// test/powershell/Language/Operators/ComparisonOperator.Tests.ps1 and Parser.Tests.ps1
// ("Arithmetic and String Comparison Tests", "Comparison Operators with Arrays Tests").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { binaryOperation } from '../../src/runtime/operators.ts';
import { psCompare, psEquals, sortCompare, strictEquals } from '../../src/runtime/comparison.ts';
import { resolveType } from '../../src/runtime/types.ts';
import { convertTo } from '../../src/runtime/conversion.ts';
import { EnumType, PSHashtable, PSObject } from '../../src/runtime/values.ts';
import { assertPSError, show } from './helpers.ts';

const cmp = (o: string, l: unknown, r: unknown, cs = false) => binaryOperation(o, cs, l, r);

test('scalar comparisons', () => {
  const cases: [string, unknown, unknown, boolean, boolean][] = [
    ['-lt', 1, 2, false, true],
    ['-gt', 1, 2, false, false],
    ['-le', 1, 2, false, true],
    ['-le', 1, 1, false, true],
    ['-ge', 1, 2, false, false],
    ['-ge', 1, 1, false, true],
    ['-eq', 1, 1, false, true],
    ['-ne', 1, 2, false, true],
    ['-eq', 'abc', 'abc', true, true],
    ['-eq', 'abc', 'Abc', true, false],
    ['-eq', 'abc', 'ABC', false, true],
    ['-lt', 'aaa', 'AAA', false, false],
    ['-lt', 'aaa', 'AAA', true, true],
    ['-gt', 'AAA', 'aaa', false, false],
    ['-gt', 'AAA', 'aaa', true, true],
    ['-ge', 'aaa', 'aaa', false, true],
    ['-ne', 'aaa', 'AAA', false, false],
    ['-ne', 'aaa', 'AAA', true, true],
    ['-gt', 'abc', 'bbc', false, false],
    ['-le', 'abc', 'bbc', false, true],
    ['-eq', '1', 1, false, true],
    ['-eq', 1, '1', false, true],
    ['-eq', 1, '1.0', false, true],
    ['-eq', '1.0', 1, false, false],
    ['-eq', 1, 'abc', false, false],
    ['-eq', 1, true, false, true],
    ['-eq', true, 'false', false, true],
    ['-eq', false, '', false, true],
    ['-eq', 'True', true, false, true],
    ['-eq', null, null, false, true],
    ['-eq', null, 0, false, false],
    ['-eq', 0, null, false, false],
    ['-eq', '', null, false, false],
    ['-lt', null, 1, false, true],
    ['-gt', 1, null, false, true],
    ['-lt', 2, '10', false, true],
    ['-lt', '2', 10, false, false],
    ['-eq', 2.5, '2.5', false, true],
    ['-gt', 2147483648, 1, false, true],
    ['-lt', 1n, 9007199254740993n, false, true],
    ['-eq', 'a b', ['a', 'b'], false, true],
  ];
  for (const [o, l, r, cs, expected] of cases) assert.equal(cmp(o, l, r, cs), expected, `${show(l)} ${o}${cs ? ' (case-sensitive)' : ''} ${show(r)}`);
});

test('typed left operands: dates, enums, versions', () => {
  const d = convertTo('2026-11-27', 'datetime');
  assert.equal(cmp('-eq', d, '11/27/2026'), true);
  assert.equal(cmp('-lt', d, '2027-01-01'), true);
  const color = new EnumType('Test.Color', { Red: 0, Green: 1 });
  assert.equal(cmp('-eq', color.value(1), 'green'), true);
  assert.equal(cmp('-eq', color.value(1), 1), true);
  assert.equal(cmp('-eq', color.value(1), 'purple'), false);
  assert.equal(cmp('-gt', convertTo('8.0.1', 'version'), '8.0'), true);
  const h = new PSHashtable();
  assert.equal(cmp('-eq', h, h), true);
  assert.equal(cmp('-eq', h, new PSHashtable()), false);
  assert.equal(cmp('-eq', PSObject.from({ a: 1 }), PSObject.from({ a: 1 })), false);
  assert.equal(cmp('-eq', new PSObject(undefined, 5), 5), true);
});

test('an array on the left filters', () => {
  const cases: [string, unknown[], unknown, unknown[]][] = [
    ['-gt', [1, 2, 3], 1, [2, 3]],
    ['-eq', [3], 3, [3]],
    ['-eq', [4], 3, []],
    ['-eq', [], 3, []],
    ['-eq', [1, 2, [3, 4]], 3, []],
    ['-eq', [1, 2, [3, 4]], 2, [2]],
    ['-eq', [1, 2, [3, 4]], 0, []],
    ['-ne', [1, 2, 1], 1, [2]],
    ['-eq', ['a', 'B', 'b'], 'b', ['B', 'b']],
    ['-like', ['apple', 'banana', 'avocado'], 'a*', ['apple', 'avocado']],
    ['-notlike', ['apple', 'banana'], 'a*', ['banana']],
    ['-match', ['apple', 'banana'], 'an', ['banana']],
    ['-notmatch', ['apple', 'banana'], 'an', ['apple']],
    ['-eq', [null, 1, null], null, [null, null]],
  ];
  for (const [o, l, r, expected] of cases) assert.deepEqual(cmp(o, l, r), expected, `${show(l)} ${o} ${show(r)}`);
});

test('-contains, -notcontains, -in, -notin', () => {
  const cases: [string, unknown, unknown, boolean, boolean][] = [
    ['-contains', ['Hello', 'world'], 'Hello', false, true],
    ['-contains', ['Hello', 'world'], 'hello', false, true],
    ['-contains', ['Hello', 'world'], 'hello', true, false],
    ['-contains', ['Hello', 'world'], 'Hello', true, true],
    ['-contains', 'abc', 'a', false, false],
    ['-contains', 'abc', 'ABC', false, true],
    ['-contains', [1, 2, 3], '2', false, true],
    ['-contains', [], 1, false, false],
    ['-contains', null, null, false, false],
    ['-notcontains', [1, 2], 3, false, true],
    ['-in', 2, [1, 2, 3], false, true],
    ['-in', 'B', ['a', 'b'], false, true],
    ['-in', 'B', ['a', 'b'], true, false],
    ['-notin', 4, [1, 2, 3], false, true],
    ['-in', [1, 2], [[1, 2]], false, false],
  ];
  for (const [o, l, r, cs, expected] of cases) assert.equal(cmp(o, l, r, cs), expected, `${show(l)} ${o} ${show(r)}`);
});

test('-is, -isnot, -as', () => {
  assert.equal(cmp('-is', 1, resolveType('int')), true);
  assert.equal(cmp('-is', 1, 'int'), true);
  assert.equal(cmp('-is', 'x', 'System.String'), true);
  assert.equal(cmp('-is', null, 'object'), false);
  assert.equal(cmp('-isnot', 1, 'string'), true);
  assert.equal(cmp('-is', [1], 'array'), true);
  assert.equal(cmp('-is', new PSObject(undefined, 'x'), 'string'), true);
  assert.equal(cmp('-is', new PSObject(undefined, 'x'), 'psobject'), true);
  assert.equal(cmp('-as', '5', 'int'), 5);
  assert.equal(cmp('-as', 'x', 'int'), null);
  assert.deepEqual(cmp('-as', 5, 'string[]'), ['5']);
  assertPSError(() => cmp('-is', 1, 'NoSuchType'), 'Unable to find type [NoSuchType].', 'TypeNotFound');
  assertPSError(() => cmp('-is', 1, 5), "The right operand of '-is' must be a type.", 'IsOperatorRequiresType');
  assertPSError(() => cmp('-as', 1, 5), "The right operand of '-as' must be a type.", 'AsOperatorRequiresType');
});

test('ordering errors', () => {
  assertPSError(
    () => cmp('-lt', 1, 'abc'),
    'Could not compare "1" to "abc". Error: "Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format.""',
    'ComparisonFailure',
  );
  assertPSError(() => cmp('-gt', new PSHashtable(), 1), 'Cannot compare "System.Collections.Hashtable" because it is not IComparable.', 'NotIcomparable');
});

test('psEquals, psCompare, strictEquals, sortCompare', () => {
  assert.equal(psEquals('A', 'a'), true);
  assert.equal(psEquals('A', 'a', true), false);
  assert.equal(psCompare('b', 'a'), 1);
  assert.equal(psCompare(2, 10), -1);
  assert.equal(psCompare('2', '10'), 1, 'strings compare as text');
  assert.equal(strictEquals(1, 1), true);
  assert.equal(strictEquals(1, '1'), false);
  assert.equal(strictEquals('a', 'A'), false);
  assert.equal(strictEquals(1, 1.5), false);
  const mixed = [PSObject.from({ a: 1 }), 3, 'x', 1];
  assert.doesNotThrow(() => [...mixed].sort(sortCompare));
  assert.deepEqual([3, 1, 2].sort((a, b) => sortCompare(a, b)), [1, 2, 3]);
  assert.deepEqual(['b', 'A', 'a', 'B'].sort((a, b) => sortCompare(a, b, true)), ['a', 'A', 'b', 'B']);
});
