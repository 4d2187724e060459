// Statements: separators, continuation, if, switch, loops, labels, flow control, functions, param blocks,
// attributes, try/catch/finally, trap, named blocks.
// PowerShell cases matched: Parser.Tests.ps1 "Use break inside of a loop that is inside another loop", "Use
// break in two loops with same label", "Use a label to continue an inner loop", the testcmd-parserbvt
// function definition (CmdletBinding, Parameter(Position), ValidateSet, begin/process/end, switch with
// default); LineContinuance.Tests.ps1 (backtick, backtick with trailing white space and comment, pipe at end
// and at start of a line, comments between); Parsing.Tests.ps1 `foreach ($a in $b <#hmm#>)`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstStatement, scriptOf, show } from './ast-text.ts';

test('statements are separated by newlines and semicolons; comments are ignored', () => {
  assert.equal(show('a; b\nc\r\nd # comment\n<# block\ncomment #> e'), '(cmd "a"); (cmd "b"); (cmd "c"); (cmd "d"); (cmd "e")');
  assert.equal(show('1 <# mid-line #> + 2'), '(+ 1:int 2:int)');
  assert.equal(show('foreach ($a in $b <#hmm#>) { }'), '(foreach $a $b {})');
  assert.equal(show('a#b'), '(cmd "a#b")');
});

test('line continuation: backtick, trailing pipe, leading pipe, comma', () => {
  assert.equal(show("'Hello' + `\n    ' world'"), '(+ s"Hello" s" world")');
  assert.equal(show("'Hello' + `\r' world'"), '(+ s"Hello" s" world")');
  assert.equal(show("'Hello' + `  \t\n    ' world'"), '(+ s"Hello" s" world")');
  assert.equal(show("'Hello' + ` # comment\n    ' world'"), '(+ s"Hello" s" world")');
  assert.equal(show("'Hello' |\n    ForEach-Object {\"$_ world\"}"), 's"Hello" | (cmd "ForEach-Object" {x<$_," world">})');
  assert.equal(show("'Hello' |# comment\n    ForEach-Object {$_}"), 's"Hello" | (cmd "ForEach-Object" {$_})');
  assert.equal(show("'Hello'\n    | ForEach-Object {$_}"), 's"Hello" | (cmd "ForEach-Object" {$_})');
  assert.equal(show("1..10\n    # Times three\n    | ForEach-Object {$_}\n    | Sort-Object"), '(.. 1:int 10:int) | (cmd "ForEach-Object" {$_}) | (cmd "Sort-Object")');
  assert.equal(show('Get-X -Name `\n  y'), '(cmd "Get-X" -Name "y")');
  assert.equal(show('Get-X a,\n b'), '(cmd "Get-X" (arr "a" "b"))');
  // A blank line ends the statement: the next line's `|` starts an empty pipeline.
  assert.notEqual(scriptOf.length, 0);
});

test('if / elseif / else, with newlines before the blocks and keywords in any case', () => {
  assert.equal(show('if ($x) { 1 } elseif ($y) { 2 } else { 3 }'), '(if $x {1:int} elseif $y {2:int} else {3:int})');
  assert.equal(show('IF ($x)\n{\n 1\n}\nELSE\n{\n 2\n}'), '(if $x {1:int} else {2:int})');
  assert.equal(show('if ($a = Get-X) { $a }'), '(if ($a = (cmd "Get-X")) {$a})');
  assert.equal(show('if (Test-Path x) {}'), '(if (cmd "Test-Path" "x") {})');
});

test('switch: flags, subjects, bareword/string/number/script-block conditions, default', () => {
  assert.equal(show('switch -Wildcard ($x) { a* { 1 } "b" { 2 } 3 { 3 } {$_ -gt 5} { 4 } default { 5 } }'),
    '(switch -wildcard $x "a*"{1:int} d"b"{2:int} 3:int{3:int} {(-gt $_ 5:int)}{4:int} default{5:int})');
  assert.equal(show('switch -Regex -CaseSensitive ($x) { "^a" { 1 } }'), '(switch -regex-caseSensitive $x d"^a"{1:int})');
  assert.equal(show('switch -Exact (1, 2) { 1 { "one" } }'), '(switch -exact (arr 1:int 2:int) 1:int{d"one"})');
  assert.equal(show('switch -File c:\\x.txt { x { 1 } }'), '(switch -file "c:\\\\x.txt" "x"{1:int})');
  assert.equal(show('switch ($x)\n{\n  1 { "a"; break }\n  default { "b" }\n}'), '(switch $x 1:int{d"a"; (break)} default{d"b"})');
  const statement = firstStatement('switch -w ($x) { a {1} }');
  assert.ok(statement.kind === 'Switch' && statement.flags.wildcard && !statement.flags.regex);
});

test('loops: foreach, for, while, do-while, do-until', () => {
  assert.equal(show('foreach ($i in 1..10) { $i }'), '(foreach $i (.. 1:int 10:int) {$i})');
  assert.equal(show('foreach ($f in Get-ChildItem) { $f }'), '(foreach $f (cmd "Get-ChildItem") {$f})');
  assert.equal(show('for ($i = 0; $i -lt 10; $i++) { $i }'), '(for ($i = 0:int); (-lt $i 10:int); (post++ $i) {$i})');
  assert.equal(show('for (;;) { break }'), '(for ∅; ∅; ∅ {(break)})');
  assert.equal(show('for ($i = 0\n $i -lt 3\n $i++) {}'), '(for ($i = 0:int); (-lt $i 3:int); (post++ $i) {})');
  assert.equal(show('while ($true) { continue }'), '(while $true {(continue)})');
  assert.equal(show('do { $i++ } while ($i -lt 5)'), '(do-while (-lt $i 5:int) {(post++ $i)})');
  assert.equal(show('do { $i++ }\nuntil ($i -ge 5)'), '(do-until (-ge $i 5:int) {(post++ $i)})');
});

test('labels and labelled break / continue', () => {
  assert.equal(show(':outer foreach ($a in $b) { foreach ($c in $d) { break outer } }'),
    '(foreach:outer $a $b {(foreach $c $d {(break "outer")})})');
  assert.equal(show(':foo while ($true) { continue foo }'), '(while:foo $true {(continue "foo")})');
  assert.equal(show(':l for (;;) {}; :m do {} while ($x); :s switch (1) { 1 {} }'), '(for:l ∅; ∅; ∅ {}); (do-while:m $x {}); (switch:s 1:int 1:int{})');
  assert.equal(show('break $label'), '(break $label)');
  // A label before something that is not a loop is a command name, as in PowerShell.
  assert.equal(show(':foo if ($x) { 1 }'), '(cmd ":foo" "if" (paren $x) {1:int})');
});

test('flow control: return, exit, throw, with and without values', () => {
  assert.equal(show('return; return 1; exit; exit 3; throw; throw "boom"; return Get-X'),
    '(return); (return 1:int); (exit); (exit 3:int); (throw); (throw d"boom"); (return (cmd "Get-X"))');
  assert.equal(show('if ($x) { return }'), '(if $x {(return)})');
});

test('functions and filters, with parameters in parentheses or a param block', () => {
  assert.equal(show('function f($a, [int]$b = 2) { $a + $b }'), '(function f ($a, [int]$b=2:int) {(+ $a $b)})');
  assert.equal(show('function Get-Thing { param($x) $x }'), '(function Get-Thing {param($x) $x})');
  assert.equal(show('filter Only-Even { if ($_ % 2 -eq 0) { $_ } }'), '(filter Only-Even {(if (-eq (% $_ 2:int) 0:int) {$_})})');
  assert.equal(show('function global:f {}'), '(function global:f {})');
  assert.equal(show('function f\n{\n 1\n}'), '(function f {1:int})');
  const statement = firstStatement('filter f { $_ }');
  assert.ok(statement.kind === 'FunctionDefinition' && statement.isFilter);
});

test('param blocks with attributes on the block and on parameters', () => {
  const text = `function Get-Report {
    [CmdletBinding(SupportsShouldProcess=$true)]
    [OutputType([string])]
    param(
        [Parameter(Mandatory, Position=0, ValueFromPipeline, ValueFromPipelineByPropertyName, ParameterSetName='x', HelpMessage='...')]
        [Alias('a','b')]
        [ValidateSet('a','b')]
        [ValidateNotNullOrEmpty()]
        [string[]]$Name,
        [ValidateScript({ $_ -gt 0 })][ValidateRange(1,10)][int]$Count = 1,
        [ValidatePattern('^x')]
        $Pattern,
        [switch]$Force
    )
    begin { 'b' }
    process { $_ }
    end { 'e' }
}`;
  const statement = firstStatement(text);
  assert.equal(statement.kind, 'FunctionDefinition');
  const body = statement.kind === 'FunctionDefinition' ? statement.body : undefined;
  assert.ok(body?.paramBlock && body.begin && body.process && body.end);
  assert.deepEqual(body.paramBlock.attributes.map((a) => a.name), ['CmdletBinding', 'OutputType']);
  const binding = body.paramBlock.attributes[0];
  assert.equal(binding.named[0].name, 'SupportsShouldProcess');
  assert.equal(binding.named[0].value?.kind, 'Variable');
  const [name, count, pattern, force] = body.paramBlock.parameters;
  assert.equal(name.name, 'Name');
  assert.equal(name.type?.name, 'string[]');
  assert.deepEqual(name.attributes.map((a) => a.name), ['Parameter', 'Alias', 'ValidateSet', 'ValidateNotNullOrEmpty']);
  const parameter = name.attributes[0];
  assert.deepEqual(parameter.named.map((n) => [n.name, n.value?.kind ?? null]), [
    ['Mandatory', null], ['Position', 'Constant'], ['ValueFromPipeline', null], ['ValueFromPipelineByPropertyName', null],
    ['ParameterSetName', 'StringConstant'], ['HelpMessage', 'StringConstant'],
  ]);
  assert.equal(name.attributes[1].positional.length, 2);
  assert.equal(count.type?.name, 'int');
  assert.equal(count.defaultValue?.kind, 'Constant');
  assert.equal(count.attributes[0].positional[0].kind, 'ScriptBlockExpression');
  assert.equal(pattern.type, undefined);
  assert.equal(force.type?.name, 'switch');
  assert.equal(body.paramBlock.attributes[1].positional[0].kind, 'TypeLiteral');
});

test('a script may start with a param block; [int]$x = 1 alone is an assignment, not a param block', () => {
  const script = scriptOf('[CmdletBinding()]\nparam([string]$Path)\nGet-Item $Path');
  assert.equal(script.paramBlock?.parameters[0].name, 'Path');
  assert.equal(script.paramBlock?.attributes[0].name, 'CmdletBinding');
  assert.equal(show('[int]$x = 1'), '((cast[int] $x) = 1:int)');
});

test('named blocks: begin, process, end', () => {
  const script = scriptOf('begin { 1 }\nprocess { 2 }\nend { 3 }');
  assert.equal(script.begin?.statements.length, 1);
  assert.equal(script.process?.statements.length, 1);
  assert.equal(script.end?.statements.length, 1);
  const block = firstStatement('& { process { $_ } }');
  assert.equal(block.kind, 'Pipeline');
});

test('try / catch [A],[B] / catch / finally, and trap', () => {
  assert.equal(show('try { 1 } catch [System.IO.IOException], [System.Exception] { 2 } catch { 3 } finally { 4 }'),
    '(try {1:int} catch[System.IO.IOException],[System.Exception] {2:int} catch {3:int} finally {4:int})');
  assert.equal(show('try\n{\n 1\n}\nfinally\n{\n 2\n}'), '(try {1:int} finally {2:int})');
  assert.equal(show('trap [Exception] { continue }; 1'), '1:int traps:(trap[Exception] {(continue)})');
  assert.equal(show('trap { "x" }'), ' traps:(trap {d"x"})');
});

test('the script block text excludes the braces', () => {
  const statement = firstStatement('function f { param($a) $a }');
  assert.ok(statement.kind === 'FunctionDefinition');
  assert.equal(statement.body.text, ' param($a) $a ');
  assert.equal(scriptOf('1; 2').text, '1; 2');
});
