// Expression mode: precedence, operators and their case variants, arrays, hashtables, casts, type literals,
// member access, method calls, indexing, sub-expressions and script blocks.
// PowerShell cases matched: Parser.Tests.ps1 "Comparison operator Tests" (`$false -eq $true -and $false`,
// `!$true -and $false`), "Arithmetic and String Comparison Tests" (`-ilt`, `-clt`, ...), "Comparison Operators
// with Arrays" (`1,2,@(3,4)`), "simple test of the concatenation of two arrays" (`1,2,3 + 4,5,6`),
// "Mathematical Operations Tests" (operators followed by a newline), "Test a simple multiple assignment",
// about_Operator_Precedence (MicrosoftDocs).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expressionOf, firstStatement, show } from './ast-text.ts';

test('precedence: multiplicative over additive, comparison lower, logical lowest and equal', () => {
  assert.equal(show('1 + 2 * 3'), '(+ 1:int (* 2:int 3:int))');
  assert.equal(show('2 -eq 1 + 1'), '(-eq 2:int (+ 1:int 1:int))');
  assert.equal(show('-not $a -and $b'), '(-and (-not $a) $b)');
  assert.equal(show('$a -or $b -and $c'), '(-and (-or $a $b) $c)');
  assert.equal(show('$false -eq $true -and $false'), '(-and (-eq $false $true) $false)');
  assert.equal(show('!$true -and $false'), '(-and (! $true) $false)');
  assert.equal(show('1 -band 3 -eq 3'), '(-band 1:int (-eq 3:int 3:int))');
  assert.equal(show('$a -shl 2 -bxor 1'), '(-bxor (-shl $a 2:int) 1:int)');
  assert.equal(show('$a -xor $b -and $c -or $d'), '(-or (-and (-xor $a $b) $c) $d)');
  assert.equal(show('$x -is [int] -and $y -isnot [string]'), '(-and (-is $x [int]) (-isnot $y [string]))');
  assert.equal(show('$x -as [int] -notin 1,2'), '(-notin (-as $x [int]) (arr 1:int 2:int))');
  assert.equal(show('1..10 * 2'), '(* (.. 1:int 10:int) 2:int)');
  assert.equal(show('"{0}" -f 1 + 2'), '(+ (-f d"{0}" 1:int) 2:int)');
  assert.equal(show('10 - 2 - 3'), '(- (- 10:int 2:int) 3:int)');
  assert.equal(show('-1 - -2'), '(- -1:int -2:int)');
  assert.equal(show('- $x'), '(- $x)');
});

test('the comma binds tighter than binary operators', () => {
  assert.equal(show('1,2 + 3'), '(+ (arr 1:int 2:int) 3:int)');
  assert.equal(show('1,2,3 + 4,5,6'), '(+ (arr 1:int 2:int 3:int) (arr 4:int 5:int 6:int))');
  assert.equal(show('1,2,@(3,4)'), '(arr 1:int 2:int @((arr 3:int 4:int)))');
  assert.equal(show(',1'), '(, 1:int)');
  assert.equal(show('1,\n2'), '(arr 1:int 2:int)');
  const array = expressionOf('1, 2, 3');
  assert.equal(array.kind, 'ArrayLiteral');
  assert.deepEqual([array.span.start, array.span.end], [0, 7]);
});

test('operators are case-insensitive; i/c prefixes are normalised', () => {
  assert.equal(show('$a -EQ 1; $a -ceq 1; $a -ieq 1; $a -CLike "x*"'), '(-eq $a 1:int); (-eqc $a 1:int); (-eq $a 1:int); (-likec $a d"x*")');
  const all = [
    'eq', 'ne', 'gt', 'ge', 'lt', 'le', 'like', 'notlike', 'match', 'notmatch', 'contains', 'notcontains', 'in', 'notin',
    'replace', 'split', 'join', 'is', 'isnot', 'as', 'f', 'and', 'or', 'xor', 'band', 'bor', 'bxor', 'shl', 'shr',
  ];
  for (const op of all) {
    const e = expressionOf(`$a -${op} $b`);
    assert.equal(e.kind, 'Binary', op);
    assert.equal(e.kind === 'Binary' && e.operator, `-${op}`);
    assert.equal(e.kind === 'Binary' && e.caseSensitive, false);
  }
  const c = expressionOf('$a -creplace "a","b"');
  assert.ok(c.kind === 'Binary' && c.caseSensitive && c.operator === '-replace');
  assert.equal(show('"b" -replace "B","C"'), '(-replace d"b" (arr d"B" d"C"))');
});

test('unary operators: -not, !, -bnot, -split, -join, +, -, increments', () => {
  assert.equal(show('-bnot 5'), '(-bnot 5:int)');
  assert.equal(show('-split "a b"'), '(-split d"a b")');
  assert.equal(show('-join ("a","b")'), '(-join (paren (arr d"a" d"b")))');
  assert.equal(show('"a b c d" -split " ", 2'), '(-split d"a b c d" (arr d" " 2:int))');
  assert.equal(show('++$i; $i++; --$j; $j--; +$k'), '(++ $i); (post++ $i); (-- $j); (post-- $j); (+ $k)');
  const e = expressionOf('-csplit $x');
  assert.ok(e.kind === 'Unary' && e.operator === '-split' && e.caseSensitive);
});

test('a binary operator at the end of a line continues the expression', () => {
  assert.equal(show('20 %\n6'), '(% 20:int 6:int)');
  assert.equal(show('(20 %\n 6 *\n 4  +\n 2 ) /\n 2 -\n 3'), '(- (/ (paren (+ (* (% 20:int 6:int) 4:int) 2:int)) 2:int) 3:int)');
});

test('assignments, compound assignment and multiple assignment', () => {
  assert.equal(show('$x = 5'), '($x = 5:int)');
  assert.equal(show('$x += 1; $x -= 1; $x *= 2; $x /= 2; $x %= 3'),
    '($x += 1:int); ($x -= 1:int); ($x *= 2:int); ($x /= 2:int); ($x %= 3:int)');
  assert.equal(show('$a, $b = 1, 2'), '((arr $a $b) = (arr 1:int 2:int))');
  assert.equal(show('[int]$x = "5"'), '((cast[int] $x) = d"5")');
  assert.equal(show('$h.Name = 1; $a[0] = 2'), '((. $h "Name") = 1:int); ((idx $a 0:int) = 2:int)');
  assert.equal(show('$x = if ($y) { 1 } else { 2 }'), '($x = (if $y {1:int} else {2:int}))');
  assert.equal(show('$x = Get-Date'), '($x = (cmd "Get-Date"))');
  const statement = firstStatement('$total += $i * 2');
  assert.equal(statement.kind, 'Assignment');
  assert.equal(statement.kind === 'Assignment' && statement.operator, '+=');
});

test('hashtables: keys are names, strings, numbers or expressions; separators are ; or newlines', () => {
  assert.equal(show("@{ a = 1; 'b c' = 2\n d = 3 }"), '@{"a"=1:int; s"b c"=2:int; "d"=3:int}');
  assert.equal(show('@{ 1 = "x"; $k = 2; (1+1) = 3; if = 4 }'), '@{1:int=d"x"; $k=2:int; (paren (+ 1:int 1:int))=3:int; "if"=4:int}');
  assert.equal(show('@{}'), '@{}');
  assert.equal(show('@{\n  Name = "x"\n  Expression = { $_.Length }\n}'), '@{"Name"=d"x"; "Expression"={(. $_ "Length")}}');
  assert.equal(show('@{ Add = "a","b"; Remove = "c" }'), '@{"Add"=(arr d"a" d"b"); "Remove"=d"c"}');
  assert.equal(show('[ordered]@{ a = 1 }'), '(cast[ordered] @{"a"=1:int})');
  assert.equal(show('[pscustomobject]@{ a = 1 }'), '(cast[pscustomobject] @{"a"=1:int})');
});

test('casts and type literals', () => {
  assert.equal(show('[int]"42"'), '(cast[int] d"42")');
  const types = ['int', 'string[]', 'pscustomobject', 'byte[]', 'datetime', 'regex', 'System.IO.Path',
    'System.Collections.Generic.List[string]', 'int[,]', 'System.Collections.Generic.Dictionary[string,int]'];
  for (const t of types) {
    const e = expressionOf(`[${t}]`);
    assert.ok(e.kind === 'TypeLiteral' && e.type.name === t, t);
  }
  assert.equal(show('[Byte[]](Get-Content x -Encoding Byte)'), '(cast[Byte[]] (paren (cmd "Get-Content" "x" -Encoding "Byte")))');
  assert.equal(show('[int][string]$x'), '(cast[int] (cast[string] $x))');
  assert.equal(show('[void]$x.Add(1)'), '(cast[void] (call $x "Add" 1:int))');
});

test('member access, static members, method calls, null-conditional', () => {
  assert.equal(show('$x.Name'), '(. $x "Name")');
  assert.equal(show('$x.$name; $x."a b"; $x.(1)'), '(. $x $name); (. $x d"a b"); (. $x (paren 1:int))');
  assert.equal(show('[Math]::Round(2.5)'), '(call:: [Math] "Round" 2.5:double)');
  assert.equal(show('[int]::MaxValue'), '(:: [int] "MaxValue")');
  assert.equal(show('$s.Substring(1, 2)'), '(call $s "Substring" 1:int 2:int)');
  assert.equal(show('$s.Substring(\n 1,\n 2\n)'), '(call $s "Substring" 1:int 2:int)');
  assert.equal(show('$a.b.c().d[0]'), '(idx (. (call (. $a "b") "c") "d") 0:int)');
  // As in PowerShell 7, `?` may end a variable name, so null-conditional access needs braces.
  assert.equal(show('${x}?.Name'), '(?. $x "Name")');
  assert.equal(show('$x?.Name'), '(. $x? "Name")');
  assert.equal(show('$x.Where{ $_ }'), '(call $x "Where" {$_})');
  assert.equal(show('$x.Count-1'), '(- (. $x "Count") 1:int)');
  const call = expressionOf('$s.Substring(1, 2)');
  assert.ok(call.kind === 'InvokeMember' && !call.static && call.args.length === 2);
});

test('a space before ( or [ means no call or index', () => {
  assert.equal(show('$a [0]'.replace(' [0]', '')), '$a');
  assert.equal(show('$s.Length'), '(. $s "Length")');
});

test('indexing: numbers, negative numbers, keys, ranges, lists', () => {
  assert.equal(show("$a[0]; $a[-1]; $h['k']; $a[1..3]; $a[0, 2]"),
    "(idx $a 0:int); (idx $a -1:int); (idx $h s\"k\"); (idx $a (.. 1:int 3:int)); (idx $a (arr 0:int 2:int))");
});

test('sub-expressions, array expressions, grouping, script blocks, ranges', () => {
  assert.equal(show('$(1; 2)'), '$(1:int; 2:int)');
  assert.equal(show('@()'), '@()');
  assert.equal(show('@(Get-X)'), '@((cmd "Get-X"))');
  assert.equal(show('(1 + 2) * 3'), '(* (paren (+ 1:int 2:int)) 3:int)');
  assert.equal(show('{ param($x) $x }'), '{param($x) $x}');
  assert.equal(show('1..10'), '(.. 1:int 10:int)');
  assert.equal(show('$a..$b'), '(.. $a $b)');
  const block = expressionOf('{ $_ -gt 5 }');
  assert.ok(block.kind === 'ScriptBlockExpression');
  assert.equal(block.kind === 'ScriptBlockExpression' && block.block.text, ' $_ -gt 5 ');
});

test('variables: scopes, drives, braces, automatic variables, splatting', () => {
  const names = ['$x', '${a b}', '$env:HOME', '$script:x', '$global:x', '$private:x', '$local:x', '$using:x', '$variable:a:b'];
  const expected = ['$x', '$a b', '$env:HOME', '$script:x', '$global:x', '$private:x', '$local:x', '$using:x', '$variable:a:b'];
  assert.deepEqual(names.map((n) => show(n)), expected);
  const automatic = ['$true', '$false', '$null', '$_', '$PSItem', '$args', '$input', '$?', '$^', '$$', '$LASTEXITCODE', '$Error', '$Matches', '$PSScriptRoot'];
  for (const a of automatic) {
    const e = expressionOf(a);
    assert.ok(e.kind === 'Variable' && e.name === a.slice(1) && e.scope === undefined, a);
  }
  const v = expressionOf('$ENV:Path');
  assert.ok(v.kind === 'Variable' && v.scope === 'env' && v.name === 'Path');
  assert.equal(show('Get-X @params'), '(cmd "Get-X" @params)');
});

test('spans: 0-based offsets, 1-based lines and columns, end column just past the node', () => {
  const e = expressionOf('\n  $abc + 1');
  assert.equal(e.kind, 'Binary');
  assert.deepEqual(e.span, { start: 3, end: 11, line: 2, column: 3, endLine: 2, endColumn: 11 });
  assert.ok(e.kind === 'Binary');
  assert.deepEqual([e.operatorSpan.start, e.operatorSpan.end], [8, 9]);
});
