// .NET regular expressions on JavaScript: translation, group numbering, substitutions, Split.
// Replace/Split expectations follow PowerShell's test/powershell/Language/Operators/ReplaceOperator.Tests.ps1
// and SplitOperator.Tests.ps1; .NET-specific semantics (unnamed groups numbered before named ones, `$`
// matching before a final newline, \A \z \Z) follow the .NET regex documentation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { translateDotNetRegex } from '../../src/runtime/dotnet-regex.ts';
import { RegexOptions, parseRegexOptions } from '../../src/runtime/regex-options.ts';
import { NetRegex, regexEscape, regexUnescape } from '../../src/runtime/regex-engine.ts';
import { matchObject, matchesHashtable } from '../../src/runtime/regex-match.ts';
import { getIndex, getMember } from '../../src/runtime/members.ts';
import { assertPSError } from './helpers.ts';

const I = RegexOptions.IgnoreCase;

test('isMatch: .NET semantics for anchors, dot, classes and escapes', () => {
  const cases: [string, string, number, boolean][] = [
    ['abc\n', 'c$', 0, true], // $ matches before a final newline
    ['abc\nx', 'c$', 0, false],
    ['abc\nx', 'c$', RegexOptions.Multiline, true],
    ['a\nb', '^b', 0, false],
    ['a\nb', '^b', RegexOptions.Multiline, true],
    ['a\nb', 'a.b', 0, false],
    ['a\nb', 'a.b', RegexOptions.Singleline, true],
    ['a\rb', 'a.b', 0, true], // only \n ends a line in .NET
    ['xabc', '\\Aabc', 0, false],
    ['abc', '\\Aabc', 0, true],
    ['abc\n', 'abc\\z', 0, false],
    ['abc\n', 'abc\\Z', 0, true],
    ['café', '^\\w+$', 0, true], // \w is Unicode in .NET
    ['١٢٣', '^\\d+$', 0, true],
    ['café bar', '\\bbar\\b', 0, true],
    ['cafébar', 'é\\b', 0, false],
    ['ABC', 'abc', 0, false],
    ['ABC', 'abc', I, true],
    ['ABC', '(?i)abc', 0, true],
    ['a-b', 'a\\-b', 0, true],
    ['a b', 'a\\ b', 0, true],
    ['a{b', 'a{b', 0, true],
    ['a}b', 'a}b', 0, true],
    ['aaa', 'a{2,}', 0, true],
    ['x]', 'x]', 0, true],
    ['a]', '[]a]+', 0, true],
    ['a-', '[\\w-]+$', 0, true],
    ['tab\there', 'tab\\there', 0, true],
    ['\x1b', '\\e', 0, true],
    ['A', '\\x41', 0, true],
    ['A', '\\u0041', 0, true],
    ['ab  c', 'ab # comment\n  \\s+ c', RegexOptions.IgnorePatternWhitespace, true],
    ['aaab', '(?>a+)b', 0, true],
    ['aaa', '(?>a+)a', 0, false], // atomic: no backtracking into the group
    ['abab', '(ab)\\1', 0, true],
    ['abab', '(?<p>ab)\\k<p>', 0, true],
    ['Ab', '(?i:a)b', 0, true],
    ['2026-11-27', '^(?<y>\\d{4})-(?<m>\\d\\d)-(?<d>\\d\\d)$', 0, true],
    ['x', 'x(?#a comment)', 0, true],
    ['ab', "(?'n'a)b", 0, true],
    ['Hello world', 'Hello*', 0, true],
  ];
  for (const [input, pattern, options, expected] of cases) {
    assert.equal(new NetRegex(pattern, options).isMatch(input), expected, `${JSON.stringify(input)} =~ /${pattern}/ (${options})`);
  }
});

test('group numbering: unnamed groups first, then named; explicit numbers', () => {
  const r = new NetRegex('(?<year>\\d{4})-(\\d\\d)-(?<day>\\d\\d)-(\\w)');
  assert.deepEqual(r.groupNames(), ['0', '1', '2', 'year', 'day']);
  const m = r.match('2026-11-27-x')!;
  assert.deepEqual(
    m.groups.map((g) => [g.name, g.value]),
    [
      ['0', '2026-11-27-x'],
      ['1', '11'],
      ['2', 'x'],
      ['year', '2026'],
      ['day', '27'],
    ],
  );
  assert.deepEqual(new NetRegex('(?<2>a)(b)').groupNames(), ['0', '1', '2']);
  assert.deepEqual(new NetRegex('(a)(?:b)(?<n>c)').groupNames(), ['0', '1', 'n']);
  assert.deepEqual(new NetRegex('(a)(?<n>b)', RegexOptions.ExplicitCapture).groupNames(), ['0', 'n']);
  assert.deepEqual(new NetRegex('(?n)(a)(b)').groupNames(), ['0']);
  // hidden groups of atomic emulation are not numbered
  assert.deepEqual(new NetRegex('(?>a)(b)').groupNames(), ['0', '1']);
  assert.equal(new NetRegex('(?>a)(b)').match('ab')!.groups[1].value, 'b');
});

test('translation result carries u, d, g flags and ignore-case', () => {
  assert.equal(translateDotNetRegex('a', 0).flags, 'dgu');
  assert.equal(translateDotNetRegex('a', I).flags, 'dgui');
});

test('unsupported and invalid patterns are ArgumentExceptions with .NET wording', () => {
  assertPSError(() => new NetRegex('('), 'parsing "(" - Not enough )\'s.', 'System.ArgumentException', 'System.ArgumentException');
  assertPSError(() => new NetRegex(')'), 'parsing ")" - Too many )\'s.');
  assertPSError(() => new NetRegex('[abc'), 'parsing "[abc" - Unterminated [] set.');
  assertPSError(() => new NetRegex('*a'), 'parsing "*a" - Quantifier * following nothing.');
  assertPSError(() => new NetRegex('a**'), 'parsing "a**" - Nested quantifier *.');
  assertPSError(() => new NetRegex('\\q'), 'parsing "\\q" - Unrecognized escape sequence \\q.');
  assertPSError(() => new NetRegex('(a)\\2'), 'parsing "(a)\\2" - Reference to undefined group number 2.');
  assertPSError(() => new NetRegex('(?(a)b|c)'), /Conditional/);
  assertPSError(() => new NetRegex('(?<a-b>x)'), /Balancing groups/);
  assertPSError(() => new NetRegex('\\Gx'), /\\G is not supported/);
  assertPSError(() => new NetRegex('[a-z-[aeiou]]'), /subtraction/);
  assertPSError(() => new NetRegex('\\p{IsGreek}'), /Unknown property/);
  assertPSError(() => new NetRegex('a', RegexOptions.RightToLeft), /RightToLeft/);
});

test('Replace with .NET substitutions', () => {
  const cases: [string, string, string, string][] = [
    ['Get-Process', 'Get', 'Stop', 'Stop-Process'],
    ['image.gif', '\\.gif$', '.jpg', 'image.jpg'],
    ['domain.example', '.*\\.(\\w+)$', "Tld of '$0' is - '$1'", "Tld of 'domain.example' is - 'example'"],
    ['domain.example', '.*\\.(?<tld>\\w+)$', '${tld}', 'example'],
    ['ab', '(a)(b)', '$2$1', 'ba'],
    ['ab', '(a)(b)', '$$1', '$1'],
    ['ab', '(a)(b)', '[$&]', '[ab]'],
    ['xaby', 'ab', "<$`|$'>", 'x<x|y>y'],
    ['ab', 'a', '$_', 'abb'],
    ['ab', '(a)(b)', '$+', 'b'],
    ['ab', '(a)', '$12', 'a2b'], // $12 is $1 followed by 2 when there is no group 12
    ['ab', '(a)', '${nope}', '${nope}b'],
    ['aaa', 'a', 'b', 'bbb'],
    ['', '^', 'x', 'x'],
    ['abc', '', '-', '-a-b-c-'],
  ];
  for (const [input, pattern, replacement, expected] of cases) {
    assert.equal(new NetRegex(pattern).replace(input, replacement), expected, `${input} -replace ${pattern}, ${replacement}`);
  }
  assert.equal(new NetRegex('a').replace('aaa', 'b', 2), 'bba');
  assert.equal(new NetRegex('\\d').replace('a1b2', (m) => `<${m.value}>`), 'a<1>b<2>');
});

test('Split: captures included, counts, empty matches', () => {
  const cases: [string, string, number, string[]][] = [
    ['a b c d', ' ', 0, ['a', 'b', 'c', 'd']],
    ['a b c d', ' ', 2, ['a', 'b c d']],
    ['a b c d', ' ', -2, ['a b c', 'd']],
    ['a b c d', ' ', -3, ['a b', 'c', 'd']],
    ['a b c d', ' ', -1, ['a b c d']],
    ['a b c d', ' ', 1, ['a b c d']],
    ['a1:b1:c1:d', '(1:)', 0, ['a', '1:', 'b', '1:', 'c', '1:', 'd']],
    ['a1:b1:c1:d', '1(:)', 0, ['a', ':', 'b', ':', 'c', ':', 'd']],
    ['a,b,', ',', 0, ['a', 'b', '']],
    ['abc', '', 0, ['', 'a', 'b', 'c', '']],
  ];
  for (const [input, pattern, count, expected] of cases) {
    assert.deepEqual(new NetRegex(pattern).split(input, count), expected, `${input} split ${pattern}, ${count}`);
  }
});

test('Match objects and $Matches', () => {
  const m = new NetRegex('(?<user>\\w+)@(\\w+)').match('mail admin@contoso now')!;
  const obj = matchObject(m);
  assert.equal(getMember(obj, 'Success'), true);
  assert.equal(getMember(obj, 'Value'), 'admin@contoso');
  assert.equal(getMember(obj, 'Index'), 5);
  assert.equal(getMember(obj, 'Length'), 13);
  const groups = getMember(obj, 'Groups');
  assert.equal(getMember(getIndex(groups, 'user'), 'Value'), 'admin');
  assert.equal(getMember(getIndex(groups, 1), 'Value'), 'contoso');
  assert.equal((getMember(obj, 'Groups') as unknown[]).length, 3);
  const h = matchesHashtable(m);
  assert.deepEqual(h.entries(), [
    ['user', 'admin'],
    [1, 'contoso'],
    [0, 'admin@contoso'],
  ]);
  assert.equal(h.get(0), 'admin@contoso');
  assert.equal(h.get('USER'), 'admin');
  // unsuccessful optional groups are left out
  assert.deepEqual(matchesHashtable(new NetRegex('(a)|(b)').match('b')!).keys(), [2, 0]);
  const failed = matchObject(undefined);
  assert.equal(getMember(failed, 'Success'), false);
  assert.equal(getMember(failed, 'Value'), '');
});

test('Escape, Unescape and option parsing', () => {
  assert.equal(regexEscape('a.b*c (x) [y] $ ^ | ? + { #'), 'a\\.b\\*c\\ \\(x\\)\\ \\[y]\\ \\$\\ \\^\\ \\|\\ \\?\\ \\+\\ \\{\\ \\#');
  assert.equal(new NetRegex(regexEscape('1+1=2 (true)')).isMatch('1+1=2 (true)'), true);
  assert.equal(regexUnescape('a\\.b\\nc'), 'a.b\nc');
  assert.equal(parseRegexOptions('IgnoreCase, Multiline'), RegexOptions.IgnoreCase | RegexOptions.Multiline);
  assert.equal(parseRegexOptions(['Singleline', 'ExplicitCapture']), RegexOptions.Singleline | RegexOptions.ExplicitCapture);
  assert.equal(parseRegexOptions(3), 3);
  assertPSError(() => parseRegexOptions('Bogus'), /Cannot convert value "Bogus" to type "System.Text.RegularExpressions.RegexOptions" due to enumeration values that are not valid/);
});
