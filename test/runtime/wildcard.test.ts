// Wildcard patterns (-like, Get-ChildItem filters). Cases modelled on PowerShell's
// test/powershell/Language/Operators/ComparisonOperator.Tests.ps1 (-like with backtick escapes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeWildcard, hasWildcardCharacters, unescapeWildcard, wildcardMatch, wildcardToRegExp } from '../../src/runtime/wildcard.ts';
import { assertPSError } from './helpers.ts';

test('wildcardMatch: * ? [set] [range], escapes, case', () => {
  const cases: [string, string, boolean, boolean][] = [
    ['Hello world', 'Hello*', false, true],
    ['hello world', 'HELLO*', false, true],
    ['hello world', 'HELLO*', true, false],
    ['abc', 'a?c', false, true],
    ['ac', 'a?c', false, false],
    ['abc', '[abc]bc', false, true],
    ['dbc', '[abc]bc', false, false],
    ['mail.contoso.com', '*.contoso.com', false, true],
    ['contoso.com', '*.contoso.com', false, false],
    ['x7', 'x[0-9]', false, true],
    ['xa', 'x[0-9]', false, false],
    ['abc`def', 'abc``def', false, true],
    ['a*b', 'a`*b', false, true],
    ['axb', 'a`*b', false, false],
    ['a[b', 'a`[b', false, true],
    ['', '*', false, true],
    ['', '?', false, false],
    ['line1\nline2', 'line1*line2', false, true],
    ['a-b', 'a-b', false, true],
    ['-', '[a-]', false, true],
    ['file.TXT', '*.txt', false, true],
    ['(x)', '(x)', false, true],
    ['a.b', 'a.b', false, true],
    ['axb', 'a.b', false, false],
  ];
  for (const [input, pattern, cs, expected] of cases) {
    assert.equal(wildcardMatch(input, pattern, cs), expected, `${JSON.stringify(input)} -like ${JSON.stringify(pattern)} (cs=${cs})`);
  }
});

test('an unterminated set is a WildcardPatternException', () => {
  assertPSError(() => wildcardToRegExp('a[bc'), 'The specified wildcard character pattern is not valid: a[bc', undefined, 'System.Management.Automation.WildcardPatternException');
});

test('hasWildcardCharacters, escapeWildcard, unescapeWildcard', () => {
  assert.equal(hasWildcardCharacters('Get-*'), true);
  assert.equal(hasWildcardCharacters('a?'), true);
  assert.equal(hasWildcardCharacters('[ab]'), true);
  assert.equal(hasWildcardCharacters('plain'), false);
  assert.equal(hasWildcardCharacters('a`*'), false);
  assert.equal(escapeWildcard('a*b?[c]'), 'a`*b`?`[c`]');
  assert.equal(unescapeWildcard('a`*b`?'), 'a*b?');
  assert.equal(wildcardMatch('a*b?[c]', escapeWildcard('a*b?[c]')), true);
});
