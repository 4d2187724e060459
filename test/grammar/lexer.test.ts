// The lexer: small tokens joined by the parser by adjacency, keyword and operator retyping, comments and
// line continuations kept out of the token stream; and the grammar passing Chevrotain's own validation.
// PowerShell cases matched: LineContinuance.Tests.ps1 (backtick continuation, comments around it),
// Parser.Tests.ps1 "Test that keywords are case-insensitive" (`Return`), "Check keywords used as
// arguments" (`Write-Output if`), "Test that foreach-object is not the foreach keyword", Parsing.Tests.ps1
// 'tokens parsing'.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLexer, operatorOf, tokenize } from '../../grammar/lexer.ts';
import { scanTokens } from '../../grammar/scanner.ts';
import { PsParser } from '../../grammar/parser.ts';

function tokens(text: string): string[] {
  return tokenize(text).tokens.map((t) => `${t.tokenType.name}:${t.image}`);
}

test('the token definitions and the grammar pass Chevrotain validation', () => {
  assert.doesNotThrow(() => createLexer(true));
  assert.doesNotThrow(() => new PsParser(true));
});

test('the fast scanner cuts text exactly like Chevrotain\'s lexer over the same definitions', () => {
  const lexer = createLexer(true);
  const samples = [
    'Get-ExchangeCertificate -Thumbprint $t | FL # c', 'if ($x -eq 5) { [Math]::Round(2.5) } else { "a $x `n" }',
    "@'\nhere\n'@ @\"\n$x\n\"@ @(1) @{a=1} @splat $env:HOME ${a b} $(1)", '1..10 -5 0x1F 2GB .5 1e3 7z.exe a-b --x -- -y',
    ':outer foreach ($a in $b) { break outer }', 'Get-X `\n -A 2>&1 *> $null 3>> f', '$a <# c #> + 1 # tail\r\nx;y',
    '\u2013Name \u201csmart\u201d \u2018q\u2019 \u00e9t\u00e9 \u3000 \ufeff x', 'a,b;c|d&e&&f||g?.h??i ?? j ::k !l %m',
    '$x += 1; $y -= 2; $z *= 3; $w /= 4; $v %= 5; $u++; $t--', '\\\\server\\share\\x *.log https://x/y ~/a ^b',
    '"unterminated', "'open", '<# open', '`', '\u0000\u0001 \u007f',
  ];
  for (const text of samples) {
    const expected = lexer.tokenize(text);
    const actual = scanTokens(text);
    const shape = (tokens: { image: string; startOffset: number; tokenType: { name: string } }[]): string[] =>
      tokens.map((t) => `${t.tokenType.name}@${t.startOffset}:${t.image}`);
    assert.deepEqual(shape(actual.tokens), shape(expected.tokens), text);
    assert.deepEqual(shape(actual.comments), shape((expected.groups.comments ?? []) as never), text);
    assert.deepEqual(actual.errors, expected.errors.map((e) => ({ offset: e.offset, length: e.length })), text);
  }
});

test('keywords are retyped case-insensitively, but not when glued to more of a word', () => {
  assert.deepEqual(tokens('Return'), ['KwReturn:Return']);
  assert.deepEqual(tokens('foreach-object { $_ }'), ['Identifier:foreach', 'DashWord:-object', 'LCurly:{', 'Variable:$_', 'RCurly:}']);
  assert.deepEqual(tokens('function f { param($a) }'), [
    'KwFunction:function', 'Identifier:f', 'LCurly:{', 'KwParam:param', 'LParen:(', 'Variable:$a', 'RParen:)', 'RCurly:}',
  ]);
  assert.deepEqual(tokens(':outer foreach ($a in $b) { break outer }'), [
    'LoopLabel::outer', 'KwForeach:foreach', 'LParen:(', 'Variable:$a', 'KwIn:in', 'Variable:$b', 'RParen:)', 'LCurly:{',
    'KwBreak:break', 'Identifier:outer', 'RCurly:}',
  ]);
});

test('operators are retyped by family; parameters stay dash-words', () => {
  assert.deepEqual(tokens('$x -ceq -not 1 -bnot 2 -f -split -join -band -and'), [
    'Variable:$x', 'OpComparison:-ceq', 'OpUnaryWord:-not', 'Number:1', 'OpUnaryWord:-bnot', 'Number:2', 'OpFormat:-f',
    'OpSplitJoin:-split', 'OpSplitJoin:-join', 'OpBitwise:-band', 'OpLogical:-and',
  ]);
  assert.deepEqual(tokens('Get-X -Name:$true -- -y'), [
    'Identifier:Get', 'DashWord:-X', 'DashWord:-Name:', 'Variable:$true', 'MinusMinus:--', 'DashWord:-y',
  ]);
  const [, eq] = tokenize('$x -EQ 1').tokens;
  assert.deepEqual(operatorOf(eq), { operator: '-eq', caseSensitive: false, type: eq.tokenType });
  const [, ilike] = tokenize('$x -ILike 1').tokens;
  assert.equal(operatorOf(ilike)?.operator, '-like');
  assert.equal(operatorOf(tokenize('-Name').tokens[0]), undefined);
});

test('variables, splats, redirections', () => {
  assert.deepEqual(tokens('@p $env:HOME ${a b} $script:x $_ $? $^ $$'), [
    'SplatVariable:@p', 'Variable:$env:HOME', 'Variable:${a b}', 'Variable:$script:x', 'Variable:$_', 'Variable:$?',
    'Variable:$^', 'Variable:$$',
  ]);
  assert.deepEqual(tokens('2>&1 *> $null 3>&1 >> f'), [
    'Redirection:2>&1', 'Redirection:*>', 'Variable:$null', 'Redirection:3>&1', 'Redirection:>>', 'Identifier:f',
  ]);
});

test('numbers glued to a word start a bareword; a lone minus is its own token', () => {
  assert.deepEqual(tokens('a-b 5x -5'), ['Identifier:a', 'DashWord:-b', 'WordStart:5', 'Identifier:x', 'Minus:-', 'Number:5']);
  assert.deepEqual(tokens('. .\\x.ps1'), ['DotSource:.', 'Dot:.', 'GenericChars:\\', 'Identifier:x', 'Dot:.', 'Identifier:ps1']);
});

test('a dot at the start of a line, after ; { ( or | dot-sources; a dot glued to a name is member access', () => {
  assert.deepEqual(tokens('$x\n. $y').slice(2), ['DotSource:.', 'Variable:$y']);
  assert.deepEqual(tokens('$x;. $y').slice(2), ['DotSource:.', 'Variable:$y']);
  assert.deepEqual(tokens('1|. {$_}').slice(2, 3), ['DotSource:.']);
  assert.deepEqual(tokens('{.Name}'), ['LCurly:{', 'Dot:.', 'Identifier:Name', 'RCurly:}']);
  assert.deepEqual(tokens('$a\n.5').slice(2), ['Number:.5']);
});

test('comments, mid-line block comments and line continuations are not tokens', () => {
  const lexed = tokenize('$a <# c #> + 1 # tail');
  assert.deepEqual(lexed.tokens.map((t) => t.image), ['$a', '+', '1']);
  assert.deepEqual(lexed.comments.map((c) => c.image), ['<# c #>', '# tail']);
  assert.deepEqual(tokens('Get-X `\n -A'), ['Identifier:Get', 'DashWord:-X', 'DashWord:-A']);
  assert.deepEqual(tokens('Get-X `\r\n -A'), ['Identifier:Get', 'DashWord:-X', 'DashWord:-A']);
});

test('lexing problems: unterminated block comment, trailing backtick', () => {
  assert.deepEqual(tokenize('1 <# open').problems, [{ id: 'MissingTerminatorMultiLineComment', start: 2, end: 2, incomplete: true }]);
  assert.deepEqual(tokenize('x `').problems.map((p) => p.id), ['IncompleteString']);
});

test('a base offset shifts every token (used for $( ) inside strings)', () => {
  const lexed = tokenize('$a + 1', 10);
  assert.deepEqual(lexed.tokens.map((t) => t.startOffset), [10, 13, 15]);
});
