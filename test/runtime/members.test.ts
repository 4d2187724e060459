// Member access, methods and indexing. Expectations follow PowerShell's member-enumeration rules
// (about_Member-Enumeration), Language/Scripting/Array.Tests.ps1 (indexing, negative indexes),
// the `.Where()/.ForEach()` intrinsic methods (about_Arrays) and the ParserStrings.resx / .NET texts
// (InvokeMethodOnNull, MethodNotFound, PropertyNotFound, NullArray, IndexOutOfRange).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getIndex, getMember, hasMember, invokeMethod, setIndex, setMember, tryGetMember, propertyNames } from '../../src/runtime/members.ts';
import { registerMemberAdapter } from '../../src/runtime/member-adapters.ts';
import { convertTo } from '../../src/runtime/conversion.ts';
import { PSList } from '../../src/runtime/dotnet-values.ts';
import { PSException, ErrorRecord } from '../../src/runtime/errors.ts';
import { resolveType } from '../../src/runtime/types.ts';
import { AutomationNull, EnumValue, PSHashtable, PSObject, TimeSpan } from '../../src/runtime/values.ts';
import { makeDate } from '../../src/runtime/datetime.ts';
import type { MethodContext } from '../../src/runtime/dotnet-type.ts';
import { assertPSError } from './helpers.ts';

class ScriptBlock {
  constructor(readonly run: (dollarUnder: unknown, args: unknown[]) => unknown) {}
}
const ctx: MethodContext = {
  invokeScriptBlock: (sb, args, dollarUnder) => [(sb as ScriptBlock).run(dollarUnder, args)],
};

function hashtable(entries: [unknown, unknown][], ordered = false): PSHashtable {
  const h = new PSHashtable(ordered);
  for (const [k, v] of entries) h.set(k, v);
  return h;
}

test('PSObject properties and methods', () => {
  const o = PSObject.from({ Name: 'EX01', Port: 25 });
  o.defineMethod({ name: 'Describe', invoke: (self, args) => `${self.getProperty('Name')}:${args.join(',')}` });
  assert.equal(getMember(o, 'name'), 'EX01');
  assert.equal(getMember(o, 'Missing'), null);
  assert.equal(tryGetMember(o, 'Missing').found, false);
  assert.equal(hasMember(o, 'PORT'), true);
  assert.equal(invokeMethod(o, 'describe', [1, 2]), 'EX01:1,2');
  setMember(o, 'Port', 587);
  assert.equal(getMember(o, 'Port'), 587);
  assertPSError(() => setMember(o, 'Nope', 1), "The property 'Nope' cannot be found on this object. Verify that the property exists and can be set.", 'PropertyNotFound');
  assert.equal(invokeMethod(o, 'ToString', []), '@{Name=EX01; Port=587}');
  assertPSError(() => invokeMethod(o, 'Foo', []), "Method invocation failed because [System.Management.Automation.PSCustomObject] does not contain a method named 'Foo'.", 'MethodNotFound');
  o.defineProperty({ name: 'Computed', kind: 'script', get: () => 42 });
  assert.equal(getMember(o, 'Computed'), 42);
  assertPSError(() => setMember(o, 'Computed', 1), "'Computed' is a ReadOnly property.");
  assert.equal(getMember(o, 'Count'), 1);
  assert.deepEqual(propertyNames(o), ['Name', 'Port', 'Computed']);
  const wrapped = new PSObject(['System.String', 'System.Object'], 'abc');
  assert.equal(getMember(wrapped, 'Length'), 3);
  assert.equal(invokeMethod(wrapped, 'ToUpper', []), 'ABC');
});

test('null and scalars: Count, Length, method on null', () => {
  assert.equal(getMember(null, 'Count'), 0);
  assert.equal(getMember(AutomationNull, 'Length'), 0);
  assert.equal(getMember(null, 'Anything'), null);
  assert.equal(getMember(5, 'Count'), 1);
  assert.equal(getMember('abc', 'Count'), 1);
  assert.equal(getMember('abc', 'Length'), 3);
  assert.equal(getMember(5, 'Nothing'), null);
  assertPSError(() => invokeMethod(null, 'ToString', []), 'You cannot call a method on a null-valued expression.', 'InvokeMethodOnNull');
  assertPSError(() => setMember(null, 'x', 1), "The property 'x' cannot be found on this object. Verify that the property exists and can be set.");
  assertPSError(() => setMember('abc', 'Length', 1), "'Length' is a ReadOnly property.");
  assertPSError(() => invokeMethod('abc', 'Foo', []), "Method invocation failed because [System.String] does not contain a method named 'Foo'.");
  assertPSError(() => invokeMethod(5, 'Foo', []), "Method invocation failed because [System.Int32] does not contain a method named 'Foo'.");
});

test('hashtables: keys as properties, Keys/Values/Count, methods', () => {
  const h = hashtable([
    ['Name', 'x'],
    ['Count', 'shadow'],
  ]);
  assert.equal(getMember(h, 'name'), 'x');
  assert.equal(getMember(h, 'Count'), 'shadow', 'a key wins over the property');
  const g = hashtable([
    ['a', 1],
    ['b', 2],
  ]);
  assert.equal(getMember(g, 'Count'), 2);
  assert.deepEqual(getMember(g, 'Keys'), ['a', 'b']);
  assert.deepEqual(getMember(g, 'Values'), [1, 2]);
  assert.equal(getMember(g, 'missing'), null);
  setMember(g, 'c', 3);
  assert.equal(g.get('C'), 3);
  assert.equal(invokeMethod(g, 'ContainsKey', ['A']), true);
  assert.equal(invokeMethod(g, 'ContainsValue', [3]), true);
  assert.equal(invokeMethod(g, 'Add', ['d', 4]), AutomationNull);
  assertPSError(
    () => invokeMethod(g, 'Add', ['a', 9]),
    'Exception calling "Add" with "2" argument(s): "Item has already been added. Key in dictionary: \'a\'  Key being added: \'a\'"',
    'ArgumentException',
    'System.Management.Automation.MethodInvocationException',
  );
  invokeMethod(g, 'Remove', ['b']);
  assert.deepEqual(g.keys(), ['a', 'c', 'd']);
  const entries = invokeMethod(g, 'GetEnumerator', []) as PSObject[];
  assert.deepEqual(entries.map((e) => [getMember(e, 'Name'), getMember(e, 'Key'), getMember(e, 'Value')]), [
    ['a', 'a', 1],
    ['c', 'c', 3],
    ['d', 'd', 4],
  ]);
  assert.equal((invokeMethod(g, 'Clone', []) as PSHashtable).size, 3);
  const o = hashtable([['x', 1]], true);
  invokeMethod(o, 'Insert', [0, 'first', 0]);
  assert.deepEqual(o.keys(), ['first', 'x']);
  assertPSError(() => invokeMethod(g, 'Insert', [0, 'k', 1]), /does not contain a method named 'Insert'/);
  invokeMethod(g, 'Clear', []);
  assert.equal(g.size, 0);
});

test('member enumeration over collections', () => {
  const items = [PSObject.from({ Name: 'a', Tags: ['t1', 't2'] }), PSObject.from({ Name: 'b', Tags: ['t3'] }), 'plain', null];
  assert.deepEqual(getMember(items, 'Name'), ['a', 'b']);
  assert.deepEqual(getMember(items, 'Tags'), ['t1', 't2', 't3']);
  assert.equal(getMember([PSObject.from({ Name: 'only' })], 'Name'), 'only');
  assert.equal(getMember(items, 'Count'), 4);
  assert.deepEqual(getMember(['ab', 'cde'], 'Length'), 2, 'the array\'s own Length wins');
  assert.equal(getMember([], 'Name'), null);
  assert.deepEqual(invokeMethod(['a', 'b'], 'ToUpper', []), ['A', 'B']);
  assert.deepEqual(invokeMethod(['a,b', 'c'], 'Split', [',']), ['a', 'b', 'c']);
  assertPSError(() => invokeMethod([], 'ToUpper', []), "Method invocation failed because [System.Object[]] does not contain a method named 'ToUpper'.");
});

test('arrays: fixed size, Contains, IndexOf, Clone, Where, ForEach', () => {
  const a = [1, 2, 3];
  assert.equal(invokeMethod(a, 'Contains', [2]), true);
  assert.equal(invokeMethod(a, 'Contains', ['2']), false);
  assert.equal(invokeMethod(a, 'IndexOf', [3]), 2);
  const copy = invokeMethod(a, 'Clone', []) as number[];
  assert.deepEqual(copy, a);
  assert.notEqual(copy, a);
  assertPSError(() => invokeMethod(a, 'Add', [4]), 'Exception calling "Add" with "1" argument(s): "Collection was of a fixed size."', 'NotSupportedException');
  assert.equal(getMember(a, 'Length'), 3);
  assert.equal(getMember(a, 'Rank'), 1);
  const odd = new ScriptBlock((x) => (x as number) % 2 === 1);
  assert.deepEqual(invokeMethod(a, 'Where', [odd], ctx), [1, 3]);
  assert.deepEqual(invokeMethod([1, 2, 3, 4], 'Where', [odd, 'First'], ctx), [1]);
  assert.deepEqual(invokeMethod([1, 2, 3, 4], 'Where', [odd, 'Last'], ctx), [3]);
  assert.deepEqual(invokeMethod([1, 2, 3, 4], 'Where', [new ScriptBlock((x) => (x as number) > 2), 'SkipUntil'], ctx), [3, 4]);
  assert.deepEqual(invokeMethod([1, 2, 3, 4], 'Where', [new ScriptBlock((x) => (x as number) > 2), 'Until'], ctx), [1, 2]);
  assert.deepEqual(invokeMethod([1, 2, 3, 4], 'Where', [odd, 'Split'], ctx), [
    [1, 3],
    [2, 4],
  ]);
  assert.deepEqual(invokeMethod([1, 2, 3, 4], 'Where', [odd, 'Default', 1], ctx), [1]);
  assert.deepEqual(invokeMethod(a, 'ForEach', [new ScriptBlock((x) => (x as number) * 2)], ctx), [2, 4, 6]);
  assert.deepEqual(invokeMethod(['a', 'b'], 'ForEach', ['ToUpper'], ctx), ['A', 'B']);
  assert.deepEqual(invokeMethod(['a', 'bc'], 'ForEach', ['Length'], ctx), [1, 2]);
  assert.deepEqual(invokeMethod(['1', '2'], 'ForEach', [resolveType('int')], ctx), [1, 2]);
  const objs = [PSObject.from({ v: 1 }), PSObject.from({ v: 2 })];
  invokeMethod(objs, 'ForEach', ['v', 0], ctx);
  assert.deepEqual(getMember(objs, 'v'), [0, 0]);
  assert.deepEqual(invokeMethod(5, 'ForEach', [new ScriptBlock((x) => x)], ctx), [5]);
  const bytes = new Uint8Array([1, 2]);
  assert.equal(getMember(bytes, 'Count'), 2);
  assert.equal(invokeMethod(bytes, 'Contains', [2]), true);
});

test('ArrayList and List[T]', () => {
  const list = PSList.create();
  assert.equal(invokeMethod(list, 'Add', ['a']), 0, 'ArrayList.Add returns the index');
  assert.equal(invokeMethod(list, 'Add', ['b']), 1);
  invokeMethod(list, 'AddRange', [['c', 'd']]);
  invokeMethod(list, 'Insert', [0, 'z']);
  invokeMethod(list, 'Remove', ['c']);
  invokeMethod(list, 'RemoveAt', [0]);
  assert.deepEqual([...list], ['a', 'b', 'd']);
  assert.equal(getMember(list, 'Count'), 3);
  assert.deepEqual(invokeMethod(list, 'ToArray', []), ['a', 'b', 'd']);
  assertPSError(
    () => invokeMethod(list, 'RemoveAt', [9]),
    'Exception calling "RemoveAt" with "1" argument(s): "Index was out of range. Must be non-negative and less than the size of the collection.\nParameter name: index"',
  );
  const ints = PSList.create([], resolveType('int'));
  assert.equal(invokeMethod(ints, 'Add', ['5']), AutomationNull, 'List[T].Add is void');
  assert.deepEqual([...ints], [5]);
  assert.equal(invokeMethod(ints, 'Remove', [5]), true);
  assertPSError(
    () => invokeMethod(ints, 'Add', ['abc']),
    'Cannot convert argument "item", with value: "abc", for "Add" to type "System.Int32": "Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format.""',
    'MethodArgumentConversionInvalidCastArgument',
  );
  const created = convertTo(['b', 'a'], 'System.Collections.Generic.List[string]') as PSList;
  invokeMethod(created, 'Sort', []);
  assert.deepEqual([...created], ['a', 'b']);
});

test('GetType, psobject, pstypenames', () => {
  const t = invokeMethod(5, 'GetType', []);
  assert.equal(getMember(t, 'Name'), 'Int32');
  assert.equal(getMember(t, 'FullName'), 'System.Int32');
  assert.equal(getMember(invokeMethod('x', 'GetType', []), 'FullName'), 'System.String');
  assert.equal(getMember(invokeMethod([1], 'GetType', []), 'Name'), 'Object[]');
  assert.equal(getMember(getMember(t, 'BaseType'), 'FullName'), 'System.ValueType');
  const o = PSObject.from({ a: 1, b: 'x' }, ['My.Type', 'System.Management.Automation.PSCustomObject', 'System.Object']);
  const props = getMember(getMember(o, 'psobject'), 'Properties');
  assert.deepEqual(getMember(props, 'Name'), ['a', 'b']);
  assert.deepEqual(getMember(props, 'MemberType'), ['NoteProperty', 'NoteProperty']);
  assert.equal(getMember(getIndex(props, 'b'), 'Value'), 'x');
  setMember(getIndex(props, 'a'), 'Value', 10);
  assert.equal(o.getProperty('a'), 10);
  invokeMethod(props, 'Remove', ['b']);
  assert.equal(o.hasProperty('b'), false);
  assert.equal((getMember(getMember(o, 'psobject'), 'TypeNames') as string[])[0], 'My.Type');
  const names = getMember(o, 'pstypenames') as string[];
  invokeMethod(names, 'Insert', [0, 'Emsh.Decorated']);
  assert.equal(o.typeNames[0], 'Emsh.Decorated');
  assert.deepEqual(getMember(5, 'pstypenames'), ['System.Int32', 'System.ValueType', 'System.Object']);
  assert.deepEqual(getMember(new PSObject(undefined, 'x'), 'pstypenames'), ['System.String', 'System.Object']);
  assert.deepEqual(getMember(getMember(getMember('abc', 'psobject'), 'Properties'), 'Name'), 'Length');
  const copy = invokeMethod(getMember(o, 'psobject'), 'Copy', []) as PSObject;
  copy.setProperty('a', 99);
  assert.equal(o.getProperty('a'), 10);
});

test('dates, time spans, enums, numbers', () => {
  const d = makeDate(2026, 1, 31, 10, 30, 0);
  assert.equal(getMember(d, 'Year'), 2026);
  assert.equal(getMember(d, 'Month'), 1);
  assert.equal(getMember(d, 'DayOfYear'), 31);
  assert.equal(String(getMember(d, 'DayOfWeek')), 'Saturday');
  assert.equal(getMember(getMember(d, 'Date'), 'Hour'), 0);
  assert.equal(getMember(invokeMethod(d, 'AddMonths', [1]), 'Day'), 28, 'AddMonths clamps to the month end');
  assert.equal(getMember(invokeMethod(d, 'AddDays', [1.5]), 'Hour'), 22);
  assert.equal(getMember(invokeMethod(d, 'AddYears', [-1]), 'Year'), 2025);
  assert.equal(invokeMethod(d, 'ToString', ['yyyy-MM-dd HH:mm']), '2026-01-31 10:30');
  assert.equal(invokeMethod(d, 'ToShortDateString', []), '1/31/2026');
  assert.equal(getMember(d, 'DateTime'), 'Saturday, January 31, 2026 10:30:00 AM');
  assert.equal(getMember(d, 'Ticks'), 639054522000000000n);
  const span = invokeMethod(makeDate(2026, 2, 1), 'Subtract', [d]) as TimeSpan;
  assert.equal(getMember(span, 'TotalHours'), 13.5);
  assert.equal(getMember(span, 'Hours'), 13);
  assert.equal(getMember(span, 'Minutes'), 30);
  assert.equal(invokeMethod(new TimeSpan(90_000), 'ToString', []), '00:01:30');
  assert.equal(invokeMethod(1234.5, 'ToString', ['N1']), '1,234.5');
  assert.equal(invokeMethod(255, 'ToString', ['X2']), 'FF');
  assert.equal(invokeMethod(5, 'ToString', []), '5');
  assert.equal(invokeMethod(5, 'CompareTo', [7]), -1);
  assert.equal(invokeMethod(5, 'Equals', [5]), true);
  assert.equal(invokeMethod(5, 'Equals', ['5']), false);
  const dow = getMember(d, 'DayOfWeek') as EnumValue;
  assert.equal(getMember(dow, 'value__'), 6);
  const options = convertTo('IgnoreCase, Multiline', 'System.Text.RegularExpressions.RegexOptions');
  assert.equal(invokeMethod(options, 'ToString', []), 'IgnoreCase, Multiline');
  assert.equal(invokeMethod(options, 'HasFlag', ['Multiline']), true);
  assert.equal(invokeMethod(options, 'HasFlag', ['Singleline']), false);
});

test('exceptions and error records', () => {
  const inner = new PSException('inner problem', 'System.IO.IOException');
  const ex = new PSException('outer', 'System.Management.Automation.RuntimeException', inner);
  assert.equal(getMember(ex, 'Message'), 'outer');
  assert.equal(getMember(getMember(ex, 'InnerException'), 'Message'), 'inner problem');
  assert.equal(getMember(invokeMethod(ex, 'GetType', []), 'FullName'), 'System.Management.Automation.RuntimeException');
  assert.equal(invokeMethod(ex, 'GetBaseException', []), inner);
  const record = new ErrorRecord({ exception: ex, errorId: 'Boom', category: 'InvalidData', targetObject: 'tgt', commandId: 'Get-Thing' });
  assert.equal(getMember(record, 'FullyQualifiedErrorId'), 'Boom,Get-Thing');
  assert.equal(getMember(getMember(record, 'Exception'), 'Message'), 'outer');
  assert.equal(getMember(record, 'TargetObject'), 'tgt');
  const info = getMember(record, 'CategoryInfo');
  assert.equal(String(getMember(info, 'Category')), 'InvalidData');
  assert.equal(getMember(info, 'Reason'), 'RuntimeException');
  assert.equal(invokeMethod(info, 'ToString', []), 'InvalidData: (tgt:String) [], RuntimeException');
  assert.equal(invokeMethod(record, 'ToString', []), 'outer');
});

test('indexing', () => {
  const a = [10, 20, 30];
  assert.equal(getIndex(a, 0), 10);
  assert.equal(getIndex(a, -1), 30);
  assert.equal(getIndex(a, -3), 10);
  assert.equal(getIndex(a, 3), null);
  assert.equal(getIndex(a, -4), null);
  assert.equal(getIndex(a, '1'), 20);
  assert.deepEqual(getIndex(a, [0, 2]), [10, 30]);
  assert.deepEqual(getIndex(a, [0, 10]), [10]);
  assert.deepEqual(getIndex(a, [-1, -2]), [30, 20]);
  assert.equal(getIndex('abc', 1), 'b');
  assert.equal(getIndex('abc', -1), 'c');
  assert.equal(getIndex('abc', 5), null);
  assert.deepEqual(getIndex('abc', [0, 2]), ['a', 'c']);
  const h = hashtable([
    ['a', 1],
    [1, 'one'],
  ]);
  assert.equal(getIndex(h, 'A'), 1);
  assert.equal(getIndex(h, 1), 'one');
  assert.equal(getIndex(h, '1'), null);
  assert.equal(getIndex(h, 'zz'), null);
  assert.deepEqual(getIndex(h, ['a', 1]), [1, 'one']);
  assert.equal(getIndex(5, 0), 5);
  assert.equal(getIndex(5, 1), null);
  assertPSError(() => getIndex(null, 0), 'Cannot index into a null array.', 'NullArray');
  assertPSError(() => getIndex(a, null), 'Index operation failed; the array index evaluated to null.', 'NullArrayIndex');
  assertPSError(() => getIndex(a, 'x'), 'Cannot convert value "x" to type "System.Int32". Error: "Input string was not in a correct format."', 'InvalidCastFromStringToInteger');
  setIndex(a, 1, 99);
  assert.equal(a[1], 99);
  setIndex(a, -1, 7);
  assert.equal(a[2], 7);
  assertPSError(() => setIndex(a, 5, 1), 'Index was outside the bounds of the array.', 'System.IndexOutOfRangeException', 'System.IndexOutOfRangeException');
  assertPSError(() => setIndex(null, 0, 1), 'Cannot index into a null array.');
  assertPSError(() => setIndex(a, [0, 1], 1), 'Array assignment to [0,1] failed because assignment to slices is not supported.');
  assertPSError(() => setIndex('abc', 0, 'x'), 'Unable to index into an object of type System.String.', 'CannotIndex');
  setIndex(h, 'new', 5);
  assert.equal(h.get('NEW'), 5);
  const typed = convertTo(['1', '2'], 'int[]') as number[];
  setIndex(typed, 0, '42');
  assert.equal(typed[0], 42, 'typed arrays convert assigned elements');
  const bytes = new Uint8Array(2);
  setIndex(bytes, 0, '200');
  assert.equal(bytes[0], 200);
});

test('member adapters extend unknown value kinds', () => {
  class CommandInfo {
    constructor(readonly name: string) {}
  }
  registerMemberAdapter({
    matches: (v) => v instanceof CommandInfo,
    getMember: (v, name) => (name.toLowerCase() === 'name' ? { found: true, value: (v as CommandInfo).name } : { found: false }),
    invokeMethod: (v, name) => (name.toLowerCase() === 'shout' ? { found: true, value: (v as CommandInfo).name.toUpperCase() } : { found: false }),
    properties: (v) => [{ name: 'Name', value: (v as CommandInfo).name }],
  });
  const c = new CommandInfo('Get-Date');
  assert.equal(getMember(c, 'Name'), 'Get-Date');
  assert.equal(invokeMethod(c, 'Shout', []), 'GET-DATE');
  assert.deepEqual(getMember(getMember(getMember(c, 'psobject'), 'Properties'), 'Name'), 'Name');
  assertPSError(() => invokeMethod(c, 'Nope', []), "Method invocation failed because [System.Object] does not contain a method named 'Nope'.");
});
