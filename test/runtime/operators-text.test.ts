// -like, -match ($Matches), -replace, -split, -join and -f. Cases follow PowerShell's
// test/powershell/Language/Operators/SplitOperator.Tests.ps1, ReplaceOperator.Tests.ps1,
// ComparisonOperator.Tests.ps1 and Parser.Tests.ps1; error texts are ParserStrings.resx
// (BadReplaceArgument, InvalidSplitOptionCombination, FormatError).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { binaryOperation, unaryOperation } from '../../src/runtime/operators.ts';
import type { OperatorContext } from '../../src/runtime/operators.ts';
import { NetRegex } from '../../src/runtime/regex-engine.ts';
import { getMember } from '../../src/runtime/members.ts';
import { PSHashtable } from '../../src/runtime/values.ts';
import { assertPSError, show } from './helpers.ts';

class ScriptBlock {
  constructor(readonly run: (dollarUnder: unknown, args: unknown[]) => unknown) {}
}

const ctx: OperatorContext & { matches?: PSHashtable } = {
  setMatches(m) {
    ctx.matches = m;
  },
  invokeScriptBlock(sb, args, dollarUnder) {
    return [(sb as ScriptBlock).run(dollarUnder, args)];
  },
};

const op = (o: string, l: unknown, r: unknown, cs = false) => binaryOperation(o, cs, l, r, ctx);

test('-match sets $Matches for a scalar, not for an array', () => {
  ctx.matches = undefined;
  assert.equal(op('-match', 'Hello world', 'Hello*'), true);
  assert.equal(ctx.matches!.get(0), 'Hello');
  assert.equal(op('-match', 'book', 'B'), true);
  assert.equal(op('-match', 'book', 'B', true), false);
  assert.equal(op('-match', 'user@contoso.com', '^(?<user>[^@]+)@(?<domain>.+)$'), true);
  assert.equal(ctx.matches!.get('domain'), 'contoso.com');
  assert.equal(ctx.matches!.get('user'), 'user');
  const before = ctx.matches;
  assert.equal(op('-match', 'xyz', 'abc'), false);
  assert.equal(ctx.matches, before, 'a failed match leaves $Matches alone');
  assert.equal(op('-notmatch', 'abc', 'b'), false);
  assert.equal(ctx.matches!.get(0), 'b', '-notmatch also reports a match');
  ctx.matches = undefined;
  assert.deepEqual(op('-match', ['a1', 'b', 'c2'], '\\d'), ['a1', 'c2']);
  assert.equal(ctx.matches, undefined);
  assert.equal(op('-match', null, '^$'), true);
  assert.equal(op('-match', 42, '^4'), true);
  assert.equal(op('-match', 'ABC', new NetRegex('abc')), false, 'a [regex] keeps its own options');
  assertPSError(() => op('-match', 'a', '('), 'parsing "(" - Not enough )\'s.', 'System.ArgumentException');
});

test('-like with wildcards', () => {
  assert.equal(op('-like', 'Hello world', 'Hello*'), true);
  assert.equal(op('-notlike', 'Hello world', 'Hello*'), false);
  assert.equal(op('-like', 'abc`def', 'abc``def'), true);
  assert.equal(op('-like', 'ABC', 'abc'), true);
  assert.equal(op('-like', 'ABC', 'abc', true), false);
  assert.equal(op('-like', 5, '5'), true);
  assert.equal(op('-like', null, ''), true);
});

test('-replace', () => {
  const cases: [unknown, unknown, boolean, unknown][] = [
    ['Get-Process', ['Get', 'Stop'], false, 'Stop-Process'],
    ['image.gif', ['\\.gif$', '.jpg'], false, 'image.jpg'],
    ['book', ['B', 'C'], false, 'Cook'],
    ['book', ['B', 'C'], true, 'book'],
    ['PowerPoint', ['Point', 'Shell'], false, 'PowerShell'],
    ['PowerPoint', 'Point', false, 'Power'],
    ['PowerPoint', ['Point'], false, 'Power'],
    ['domain.example', ['.*\\.(\\w+)$', "Tld of '$0' is - '$1'"], false, "Tld of 'domain.example' is - 'example'"],
    ['domain.example', ['.*\\.(?<tld>\\w+)$', '${tld}'], false, 'example'],
    [['ab', 'cb'], ['b', 'x'], false, ['ax', 'cx']],
    [null, ['a', 'b'], false, ''],
    [1.2, [',', ''], false, '1.2'],
    ['a.b', ['.', '-'], false, '---'],
  ];
  for (const [l, r, cs, expected] of cases) assert.deepEqual(op('-replace', l, r, cs), expected, `${show(l)} -replace ${show(r)}`);
  const xs = new ScriptBlock((m) => 'X'.repeat(String(getMember(m, 'Value')).length));
  assert.equal(op('-replace', 'ID ABC123', ['\\b[A-C]+', xs]), 'ID XXX123');
  assertPSError(() => op('-replace', 'a', ['a', 'b', 'c']), 'The -replace operator allows only two elements to follow it, not 3.', 'BadReplaceArgument');
});

test('-split: binary, options, max count, script block, unary', () => {
  const cases: [unknown, unknown, boolean, string[]][] = [
    [['a b', 'c d'], ' ', false, ['a', 'b', 'c', 'd']],
    ['a b c d', ' ', false, ['a', 'b', 'c', 'd']],
    ['a b c d', [' ', 2], false, ['a', 'b c d']],
    ['a b c d', [' ', 0], false, ['a', 'b', 'c', 'd']],
    ['a b c d', [' ', -3], false, ['a b', 'c', 'd']],
    ['a b c d', [' ', -1], false, ['a b c d']],
    ['a::b::c::d', '::', false, ['a', 'b', 'c', 'd']],
    ['a1:b1:c1:d', '(1:)', false, ['a', '1:', 'b', '1:', 'c', '1:', 'd']],
    ['abcBd', 'B', false, ['a', 'c', 'd']],
    ['abcBd', 'B', true, ['abc', 'd']],
    ['abcBd', ['B', 0, 'IgnoreCase'], true, ['a', 'c', 'd']],
    ['a: b:c', ': ', false, ['a', 'b:c']],
    ['a: b:c', [': ', 0, 'IgnorePatternWhitespace'], false, ['a', ' b', 'c']],
    ['a:b', '(:)', false, ['a', ':', 'b']],
    ['a:b', ['(:)', 0, 'ExplicitCapture'], false, ['a', 'b']],
    ['abc', ['B', 0, 'SimpleMatch,IgnoreCase'], false, ['a', 'c']],
    ['a.b.c', ['.', 0, 'SimpleMatch'], false, ['a', 'b', 'c']],
    ['abc', ['B', 0, 'RegexMatch,Singleline'], false, ['a', 'c']],
    ['a12a\nb34b\nc56c\nd78d', '^b', false, ['a12a\nb34b\nc56c\nd78d']],
    ['a12a\nb34b\nc56c\nd78d', ['^b', 0, 'Multiline'], false, ['a12a\n', '34b\nc56c\nd78d']],
    ['a12a\nb34b\nc56c\nd78d', ['b.+c', 0, 'Singleline'], false, ['a12a\n', '\nd78d']],
    [null, ',', false, ['']],
    ['a,b,', ',', false, ['a', 'b', '']],
  ];
  for (const [l, r, cs, expected] of cases) assert.deepEqual(op('-split', l, r, cs), expected, `${show(l)} -split ${show(r)}`);
  assertPSError(() => op('-split', 'abc', ['B', 0, 'RegexMatch,SimpleMatch']), 'The combination of options with the -split operator is not valid.', 'InvalidSplitOptionCombination');
  const bc = new ScriptBlock((c) => c === 'b' || c === 'c');
  assert.deepEqual(op('-split', 'a::b::c::d', bc), ['a::', '::', '::d']);
  assert.deepEqual(op('-split', 'a::b::c::d', [bc, 2]), ['a::', '::c::d']);
  assert.deepEqual(op('-split', 'a::b::c::d', [bc, -2]), ['a::b::', '::d']);
  assert.deepEqual(op('-split', ['a::b::c::d', 'e::f::g::h'], [new ScriptBlock((c) => 'bcfg'.includes(String(c))), 2]), ['a::', '::c::d', 'e::', '::g::h']);
  assert.deepEqual(unaryOperation('-split', 'a b c d'), ['a', 'b', 'c', 'd']);
  assert.deepEqual(unaryOperation('-split', ['a b', 'c d']), ['a', 'b', 'c', 'd']);
  assert.deepEqual(unaryOperation('-split', '  a   b  '), ['a', 'b']);
});

test('-join', () => {
  assert.equal(op('-join', [1, 2, 3], ','), '1,2,3');
  assert.equal(op('-join', ['a', null, 'b'], '-'), 'a--b');
  assert.equal(op('-join', 'abc', ','), 'abc');
  assert.equal(op('-join', null, ','), '');
  assert.equal(op('-join', [1, 2], null), '12');
  assert.equal(unaryOperation('-join', ['a', 'b', 'c']), 'abc');
  assert.equal(op('-join', [true, 1.5], '|'), 'True|1.5');
});

test('-f composite formatting', () => {
  const d = new Date(2026, 10, 27, 15, 4, 5);
  const cases: [string, unknown, string][] = [
    ['{0,-10}|{1:N2}|{2:X4}|{0:D3}|{3:yyyy-MM-dd}|{{}}', [5, 1234.567, 255, d], '5         |1,234.57|00FF|005|2026-11-27|{}'],
    ['{0}', 'x', 'x'],
    ['{0} {1}', ['a', 'b'], 'a b'],
    ['{0,5}|', 42, '   42|'],
    ['{0,-5}|', 42, '42   |'],
    ['{0:P1}', 0.125, '12.5 %'],
    ['{0:C}', 1234.5, '$1,234.50'],
    ['{0:0.00}', 3.14159, '3.14'],
    ['{0:#,##0}', 1234567, '1,234,567'],
    ['{0}', null, ''],
    ['{0}', true, 'True'],
    ['{0}', d, '11/27/2026 3:04:05 PM'],
    ['{0:d}', d, '11/27/2026'],
    ['{0:HH:mm}', d, '15:04'],
    ['{0:F1}', 2.25, '2.3'],
    ['{0:E2}', 12345, '1.23E+004'],
    ['{0:G}', 0.1, '0.1'],
  ];
  for (const [format, args, expected] of cases) assert.equal(op('-f', format, args), expected, `${format} -f ${show(args)}`);
  assert.equal(op('-f', '{0}', [[1, 2]]), 'System.Object[]');
  assertPSError(() => op('-f', '{1}', ['a']), 'Error formatting a string: Index (zero based) must be greater than or equal to zero and less than the size of the argument list..', 'FormatError');
  assertPSError(() => op('-f', '{0', ['a']), 'Error formatting a string: Input string was not in a correct format..');
  assertPSError(() => op('-f', 'x}', ['a']), 'Error formatting a string: Input string was not in a correct format..');
  assertPSError(() => op('-f', '{0:D2}', [1.5]), 'Error formatting a string: Format specifier was invalid..');
});
