// Strings: single-quoted, double-quoted with expansion and backtick escapes, here-strings, smart quotes.
// PowerShell cases matched: Parser.Tests.ps1 "Test that escaping any character with no special meaning
// just returns that char" (`` `q ``), "Test that escape sequences ... `0 `a `b `f `n `r `t `v `e" and
// "Test unicode escape sequence" (`` `u{263A} ``, InvalidUnicodeEscapeSequenceValue for `` `u{110000} ``),
// "Here-string with text after header", "Test that a here-string footer with leading whitespace is an error"
// (WhitespaceBeforeHereStringFooter), "Check that a double quote inside a string can be escaped with another
// double quote", "Test that $( ) in a string expands"; Parsing.Tests.ps1 "TerminatorExpectedAtEndOfString".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExpandableStringAst } from '../../grammar/ast.ts';
import { errors, expressionOf, show } from './ast-text.ts';

function expandable(text: string): ExpandableStringAst {
  const expression = expressionOf(text);
  assert.equal(expression.kind, 'ExpandableString', `${text} is not expandable`);
  return expression;
}

test('single-quoted strings: doubled quotes, no escapes, no expansion, newlines kept', () => {
  assert.equal(show("'it''s'"), 's"it\'s"');
  assert.equal(show("'a `n $x'"), 's"a `n $x"');
  assert.equal(show("'a\nb'"), 's"a\\nb"');
  assert.equal(show("''"), 's""');
});

test('double-quoted strings: backtick escapes', () => {
  assert.equal(show('"a`n`t`0`a`b`f`r`v`e`$`"z"'), 'd"a\\n\\t\\u0000\\u0007\\b\\f\\r\\u000b\\u001b$\\"z"');
  assert.equal(show('"`u{263A}"'), 'd"☺"');
  assert.equal(show('"`u{1F600}"'), 'd"😀"');
  assert.equal(show('"a `q"'), 'd"a q"');
  assert.equal(show('"``"'), 'd"`"');
  assert.equal(show('"say ""hi"""'), 'd"say \\"hi\\""');
});

test('double-quoted strings: variable expansion', () => {
  assert.equal(show('"$x.Name"'), 'x<$x,".Name">');
  assert.equal(show('"$($x.Name)"'), 'x<$((. $x "Name"))>');
  assert.equal(show('"${a b} and ${x}"'), 'x<$a b," and ",$x>');
  assert.equal(show('"$env:HOME/x"'), 'x<$env:HOME,"/x">');
  assert.equal(show('"$script:x"'), 'x<$script:x>');
  assert.equal(show('"$x[0]"'), 'x<$x,"[0]">');
  assert.equal(show('"$$ $^ $? $_"'), 'x<$$," ",$^," ",$?," ",$_>');
  assert.equal(show('"$(1+2) and $(Get-Date)"'), 'x<$((+ 1:int 2:int))," and ",$((cmd "Get-Date"))>');
  assert.equal(show('"Hello, $name!"'), 'x<"Hello, ",$name,"!">');
});

test('a $ that starts no variable is literal text, as is an escaped `$', () => {
  assert.equal(show('"cost: $ 5 $"'), 'd"cost: $ 5 $"');
  assert.equal(show('"a$"'), 'd"a$"');
  assert.equal(show('"`$x"'), 'd"$x"');
  assert.equal(show('"@x"'), 'd"@x"');
});

test('expansion parts carry their own spans', () => {
  const node = expandable('"a $x b $(1)"');
  assert.deepEqual([node.span.start, node.span.end], [0, 13]);
  const [text, variable, middle, sub] = node.parts;
  assert.equal(text, 'a ');
  assert.equal(middle, ' b ');
  assert.ok(typeof variable !== 'string' && variable.kind === 'Variable');
  assert.deepEqual([variable.span.start, variable.span.end], [3, 5]);
  assert.ok(typeof sub !== 'string' && sub.kind === 'SubExpression');
  assert.deepEqual([sub.span.start, sub.span.end], [8, 12]);
  assert.equal(sub.span.column, 9);
});

test('here-strings: header ends its line, footer at column 1, content excludes the newlines around it', () => {
  assert.equal(show("@'\nline1\n  'q' $x\n'@"), 'h"line1\\n  \'q\' $x"');
  assert.equal(show('@"\nhi $name\n"@'), 'x<"hi ",$name>');
  assert.equal(show('@"\n"@'), 'h""');
  assert.equal(show('@"\r\na "quoted" b\r\n"@'), 'h"a \\"quoted\\" b"');
  assert.equal(expandable('@"\nhi $name\n"@').quote, 'hereDouble');
  assert.equal(show("$x = @'\nabc\n'@; 1"), '($x = h"abc"); 1:int');
});

test('here-string errors', () => {
  assert.deepEqual(errors('@"  x\n"@').slice(0, 1), ['UnexpectedCharactersAfterHereStringHeader@4']);
  assert.deepEqual(errors("@'\na\n '@"), ['WhitespaceBeforeHereStringFooter@6+incomplete']);
  assert.deepEqual(errors('@"\nabc'), ['TerminatorExpectedAtEndOfString@0+incomplete']);
  assert.deepEqual(errors('@"'), ['TerminatorExpectedAtEndOfString@0+incomplete']);
});

test('unterminated strings are incomplete, reported at the opening quote', () => {
  assert.deepEqual(errors('"abc'), ['TerminatorExpectedAtEndOfString@0+incomplete']);
  assert.deepEqual(errors("Write-Host 'abc"), ['TerminatorExpectedAtEndOfString@11+incomplete']);
  assert.deepEqual(errors('"a`"'), ['TerminatorExpectedAtEndOfString@0+incomplete']);
  assert.deepEqual(errors('"$(1 + "'), [
    'MissingEndParenthesisInSubexpression@8+incomplete',
    'TerminatorExpectedAtEndOfString@0+incomplete',
    'TerminatorExpectedAtEndOfString@7+incomplete',
  ]);
  assert.deepEqual(errors('"$(1 + 2"').slice(0, 2), ['MissingEndParenthesisInSubexpression@9+incomplete', 'TerminatorExpectedAtEndOfString@0+incomplete']);
  assert.deepEqual(errors("'a''"), ['TerminatorExpectedAtEndOfString@0+incomplete']);
});

test('invalid unicode escapes', () => {
  assert.deepEqual(errors('"`u{110000}"'), ['InvalidUnicodeEscapeSequenceValue@4']);
  assert.equal(errors('"`u{1234567}"')[0]?.split('@')[0], 'TooManyDigitsInUnicodeEscapeSequence');
});

test('smart quotes are quotes', () => {
  assert.equal(show('“smart”'), 'd"smart"');
  assert.equal(show('‘single’'), 's"single"');
  assert.equal(show('Write-Host “a $x”'), '(cmd "Write-Host" x<"a ",$x>)');
});

test('strings as command arguments and names', () => {
  assert.equal(show('Write-Host "a" \'b\''), '(cmd "Write-Host" d"a" s"b")');
  assert.equal(show("& 'c:\\a b\\x.ps1' -v"), '(cmd:call s"c:\\\\a b\\\\x.ps1" -v)');
  assert.equal(show('"a"+"b"'), '(+ d"a" d"b")');
});
