// Parse errors: PowerShell's ErrorId, position and "incomplete input" flag.
// PowerShell cases matched: every ShouldBeParseError case of Parsing.Tests.ps1 for the statements emsh
// supports ('for statement parsing', 'foreach statement parsing', both 'do/while statement statement
// parsing' blocks, 'trap statement parsing', 'named blocks parsing', 'try/catch/finally statement parsing'
// incl. ControlLeavingFinally, 'switch statement parsing', 'function statement parsing', 'assignment
// statement parsing', 'splatting parsing', 'Pipes parsing', 'commands parsing', 'tokens parsing',
// 'expressions parsing' (UnexpectedAttribute), 'Hash Expression parsing', 'Unicode escape sequence parsing').
// Not matched: the data statement, PS7 ternary / null-coalescing operators, and the [ref] type checks.
// A position is the 0-based offset, or the 1-based column where the PowerShell test uses -CheckColumnNumber.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isIncompleteInput, parseScript } from '../../grammar/parse.ts';
import { errors } from './ast-text.ts';

// [script, error ids, positions, positions are columns]
const PARSING_TESTS: [string, string, string, boolean][] = [
['for','MissingOpenParenthesisAfterKeyword','4',true],
['for(','MissingEndParenthesisAfterStatement','5',true],
['for(;','MissingEndParenthesisAfterStatement','6',true],
['for(;;','MissingEndParenthesisAfterStatement','7',true],
['for($a','MissingEndParenthesisAfterStatement','7',true],
['for($a;','MissingEndParenthesisAfterStatement','8',true],
['for($a;$b','MissingEndParenthesisAfterStatement','10',true],
['for($a;$b;','MissingEndParenthesisAfterStatement','11',true],
['for($a;$b;$c','MissingEndParenthesisAfterStatement','13',true],
['for($a;$b;$c)','MissingLoopStatement','14',true],
[':lab for','MissingOpenParenthesisAfterKeyword','9',true],
[':lab for(','MissingEndParenthesisAfterStatement','9',false],
[':lab for(;','MissingEndParenthesisAfterStatement','11',true],
[':lab for(;;','MissingEndParenthesisAfterStatement','12',true],
[':lab for($a','MissingEndParenthesisAfterStatement','12',true],
[':lab for($a;','MissingEndParenthesisAfterStatement','12',false],
[':lab for($a;$b','MissingEndParenthesisAfterStatement','14',false],
[':lab for($a;$b;','MissingEndParenthesisAfterStatement','15',false],
[':lab for($a;$b;$c','MissingEndParenthesisAfterStatement','17',false],
[':lab for($a;$b;$c)','MissingLoopStatement','18',false],
['foreach','MissingOpenParenthesisAfterKeyword','7',false],
['foreach (','MissingVariableNameAfterForeach','9',false],
['foreach ($a','MissingInInForeach','11',false],
['foreach ($a into','MissingInInForeach','11',false],
['foreach ($a in','MissingForeachExpression','14',false],
['foreach ($a in $x','MissingEndParenthesisAfterForeach','17',false],
['foreach ($a in $x)','MissingForeachStatement','18',false],
[':lab foreach','MissingOpenParenthesisAfterKeyword','12',false],
[':lab foreach (','MissingVariableNameAfterForeach','14',false],
[':lab foreach ($a','MissingInInForeach','16',false],
[':lab foreach ($a into','MissingInInForeach','17',true],
[':lab foreach ($a in','MissingForeachExpression','20',true],
[':lab foreach ($a in $x','MissingEndParenthesisAfterForeach','23',true],
[':lab foreach ($a in $x)','MissingForeachStatement','24',true],
['do','MissingLoopStatement','2',false],
['do {}','MissingWhileOrUntilInDoWhile','5',false],
['do {} while','MissingOpenParenthesisAfterKeyword','11',false],
['do {} while (','MissingExpressionAfterKeyword','13',false],
['do {} while (1','MissingEndParenthesisAfterStatement','14',false],
[':lab do','MissingLoopStatement','8',true],
[':lab do {}','MissingWhileOrUntilInDoWhile','11',true],
[':lab do {} while','MissingOpenParenthesisAfterKeyword','17',true],
[':lab do {} while (','MissingExpressionAfterKeyword','19',true],
[':lab do {} while (1','MissingEndParenthesisAfterStatement','20',true],
['do {} until','MissingOpenParenthesisAfterKeyword','12',true],
['do {} until (','MissingExpressionAfterKeyword','14',true],
['do {} until (1','MissingEndParenthesisAfterStatement','15',true],
[':lab do {} until','MissingOpenParenthesisAfterKeyword','16',false],
[':lab do {} until (','MissingExpressionAfterKeyword','18',false],
[':lab do {} until (1','MissingEndParenthesisAfterStatement','19',false],
['trap','MissingTrapStatement','4',false],
['trap [int]','MissingTrapStatement','11',true],
['begin','MissingNamedStatementBlock','5',false],
['process','MissingNamedStatementBlock','7',false],
['end','MissingNamedStatementBlock','3',false],
['dynamicparam','MissingNamedStatementBlock','12',false],
['begin process {}','MissingNamedStatementBlock','6',true],
['end process {}','MissingNamedStatementBlock','4',true],
['dynamicparam process {}','MissingNamedStatementBlock','13',true],
['process begin {}','MissingNamedStatementBlock','8',true],
['begin process end','MissingNamedStatementBlock,MissingNamedStatementBlock,MissingNamedStatementBlock','6,14,18',true],
['try','MissingTryStatementBlock','3',false],
['try {}','MissingCatchOrFinally','6',false],
['try {} catch','MissingCatchHandlerBlock','12',false],
['try {} finally','MissingFinallyStatementBlock','15',true],
['try {} catch [int]','MissingCatchHandlerBlock','19',true],
['try {} catch {} finally','MissingFinallyStatementBlock','23',false],
['try {} catch {} catch','MissingCatchHandlerBlock','21',false],
['try {} catch [int],','MissingTypeLiteralToken','19',false],
['try {} finally { return }','ControlLeavingFinally','17',false],
['try {} finally { break }','ControlLeavingFinally','17',false],
['try {} finally { continue }','ControlLeavingFinally','17',false],
['switch','PipelineValueRequired','6',false],
['switch -abc','InvalidSwitchFlag,PipelineValueRequired','7,11',false],
['switch -file','MissingFilenameOption','12',false],
['switch -file a (1)','PipelineValueRequired,MissingCurlyBraceInSwitchStatement','15,18',false],
['switch (','PipelineValueRequired','8',false],
['switch ()','PipelineValueRequired,MissingCurlyBraceInSwitchStatement','8,9',false],
['switch ("abc")  ','MissingCurlyBraceInSwitchStatement','14',false],
['switch ("abc")  {','MissingSwitchConditionExpression','17',false],
['switch ("abc")  { 1','MissingSwitchStatementClause','19',false],
['switch ("abc")  { 1 }','MissingSwitchStatementClause','19',false],
['switch (1) {default {} default {}}','MultipleSwitchDefaultClauses','23',false],
['function','MissingNameAfterKeyword','8',false],
['function foo','MissingFunctionBody','12',false],
['function foo(','MissingEndParenthesisInFunctionParameterList','13',false],
['function foo {','MissingEndCurlyBrace','13',false],
['function foo { function bar { if (1) {} }','MissingEndCurlyBrace','13',false],
['function f { param($a,[int]$a) }','DuplicateFormalParameter','27',false],
['function f($a,[int]$a){}','DuplicateFormalParameter','19',false],
['function foo {param(}','MissingEndParenthesisInFunctionParameterList','20',false],
['$a,$b += 1,2','InvalidLeftHandSide','0',false],
['@a','SplattingNotPermitted','0',false],
['foreach (@a in $b) {}','SplattingNotPermitted','9',false],
['param(@a)','SplattingNotPermitted','6',false],
['function foo (@a) {}','SplattingNotPermitted','14',false],
['|gps','EmptyPipeElement','0',false],
['gps|','EmptyPipeElement','4',false],
['gps| |foreach name','EmptyPipeElement','4',false],
['1|1','ExpressionsMustBeFirstInPipeline','2',false],
['$a=','ExpectedValueExpression','3',false],
['gcm -a:','ParameterRequiresArgument','7',false],
['gcm -a: 1,','MissingExpression','11',true],
['gcm ,','MissingArgument','4',false],
['   )','UnexpectedToken','3',false],
['   }','UnexpectedToken','4',true],
['1+','ExpectedValueExpression','2',false],
['[a()][b]','UnexpectedAttribute','0',false],
['[a()][b]2','UnexpectedAttribute','0',false],
['@{ a=1;b=2;c=3;','MissingEndCurlyBrace','2',false],
['"`u{}"','InvalidUnicodeEscapeSequence','1',false],
['"`u{219z}"','InvalidUnicodeEscapeSequence','7',false],
['"`u{12345z}"','InvalidUnicodeEscapeSequence','9',false],
['"`u{1234567}"','TooManyDigitsInUnicodeEscapeSequence','10',false],
['"`u{110000}"','InvalidUnicodeEscapeSequenceValue','4',false],
['"`u2195}"','InvalidUnicodeEscapeSequence','1',false],
['"`u{','InvalidUnicodeEscapeSequence,TerminatorExpectedAtEndOfString','4,0',false],
['"`u{1','InvalidUnicodeEscapeSequence,TerminatorExpectedAtEndOfString','5,0',false],
['"`u{123456','MissingUnicodeEscapeSequenceTerminator,TerminatorExpectedAtEndOfString','10,0',false],
['"`u{1234567','TooManyDigitsInUnicodeEscapeSequence,TerminatorExpectedAtEndOfString','10,0',false],
];

test('Parsing.Tests.ps1 ShouldBeParseError cases: ids and positions', () => {
  for (const [script, ids, positions, columns] of PARSING_TESTS) {
    const diagnostics = parseScript(script).diagnostics;
    assert.equal(diagnostics.map((d) => d.id).join(','), ids, script);
    assert.equal(diagnostics.map((d) => (columns ? d.span.column : d.span.start)).join(','), positions, script);
  }
});

/** Diagnostics as `Id line:column`, with `+incomplete`. */
function located(text: string): string[] {
  return parseScript(text).diagnostics.map((d) => `${d.id} ${d.span.line}:${d.span.column}${d.incomplete ? '+incomplete' : ''}`);
}

test('messages are PowerShell\'s wording with the arguments filled in', () => {
  const message = (text: string): string => parseScript(text).diagnostics[0]?.message ?? '';
  assert.equal(message('"abc'), 'The string is missing the terminator: ".');
  assert.equal(message("'abc"), "The string is missing the terminator: '.");
  assert.equal(message('if ($x) {'), "Missing closing '}' in statement block or type definition.");
  assert.equal(message('(1 + 2'), "Missing closing ')' in expression.");
  assert.equal(message('1|1'), 'Expressions are only allowed as the first element of a pipeline.');
  assert.equal(message('gps|'), 'An empty pipe element is not allowed.');
  assert.equal(message(')'), "Unexpected token ')' in expression or statement.");
  assert.equal(message('-not'), "Missing expression after unary operator '-not'.");
  assert.equal(message('1 +'), "You must provide a value expression following the '+' operator.");
  assert.equal(message('foreach'), "Missing opening '(' after keyword 'foreach'.");
  assert.equal(message('$a[0'), "Missing ']' after array index expression.");
  assert.equal(message('['), "Missing type name after '['.");
  assert.equal(message('$x.'), 'Missing property name after reference operator.');
  assert.equal(message('try {}'), 'The Try statement is missing its Catch or Finally block.');
  assert.equal(message('gcm -a:'), 'Parameter -a: requires an argument.');
  assert.equal(message('gcm ,'), 'Missing argument in parameter list.');
  assert.equal(message("@'\na\n '@"), 'White space is not allowed before the string terminator.');
  assert.equal(message('try {} finally { return }'), 'Flow of control cannot leave a Finally block.');
  assert.equal(message('[a()]2'), "Unexpected attribute 'a'.");
});

test('errors report line and column where PowerShell does', () => {
  assert.deepEqual(located('if ($x) {\n  Get-X |'), ['EmptyPipeElement 2:10+incomplete', 'MissingEndCurlyBrace 1:9+incomplete']);
  assert.deepEqual(located('function f {\n  param($a)\n  "x\n'), [
    'TerminatorExpectedAtEndOfString 3:3+incomplete', 'MissingEndCurlyBrace 1:12+incomplete',
  ]);
  assert.deepEqual(located('$h = @{\n  a = 1\n  b\n}'), ['MissingEqualsInHashLiteral 3:4']);
  assert.deepEqual(located('1\n2 +\n'), ['ExpectedValueExpression 2:4+incomplete']);
  assert.deepEqual(located('Get-X\n1 2'), ['UnexpectedToken 2:3']);
  assert.deepEqual(located('@"\n abc\n "@\n'), ['WhitespaceBeforeHereStringFooter 3:2+incomplete']);
  assert.deepEqual(located('$x = 1\r\n$y = (1'), ['MissingEndParenthesisInExpression 2:8+incomplete']);
  assert.deepEqual(located('$x = 1\r\n$y = ('), ['ExpectedExpression 2:7+incomplete', 'MissingEndParenthesisInExpression 2:7+incomplete']);
});

test('common errors: ids and offsets', () => {
  assert.deepEqual(errors('(1 + 2'), ['MissingEndParenthesisInExpression@6+incomplete']);
  assert.deepEqual(errors('$a[0'), ['MissingEndSquareBracket@4+incomplete']);
  assert.deepEqual(errors('['), ['MissingTypename@1+incomplete']);
  assert.deepEqual(errors('[int'), ['EndSquareBracketExpectedAtEndOfAttribute@3']);
  assert.deepEqual(errors('$x.'), ['MissingPropertyName@3+incomplete']);
  assert.deepEqual(errors('[int]::'), ['MissingPropertyName@7+incomplete']);
  assert.deepEqual(errors('@{ a 1 }'), ['MissingEqualsInHashLiteral@4']);
  assert.deepEqual(errors('@{ a = 1'), ['MissingEndCurlyBrace@2+incomplete']);
  assert.deepEqual(errors('{ 1 '), ['MissingEndCurlyBrace@0+incomplete']);
  assert.deepEqual(errors('$(' ), ['MissingEndParenthesisInSubexpression@2+incomplete']);
  assert.deepEqual(errors('@(1'), ['MissingEndParenthesisInSubexpression@3+incomplete']);
  assert.deepEqual(errors('if'), ['MissingOpenParenthesisInIfStatement@2+incomplete']);
  assert.deepEqual(errors('while ($x'), ['MissingEndParenthesisAfterStatement@9+incomplete']);
  assert.deepEqual(errors('-not'), ['MissingExpressionAfterOperator@4+incomplete']);
  assert.deepEqual(errors('$a,'), ['MissingExpressionAfterToken@3+incomplete']);
  assert.deepEqual(errors('1 +   # comment'), ['ExpectedValueExpression@3+incomplete']);
  assert.deepEqual(errors('Get-X -P:'), ['ParameterRequiresArgument@9']);
  assert.deepEqual(errors('Get-X -P:\n'), ['ParameterRequiresArgument@9']);
  assert.deepEqual(errors('Get-Y | 1'), ['ExpressionsMustBeFirstInPipeline@8']);
  assert.deepEqual(errors('"a" "b"'), ['UnexpectedToken@4']);
  assert.deepEqual(errors('$a[]'), ['MissingArrayIndexExpression@3']);
  assert.deepEqual(errors('Get-X > '), ['MissingFileSpecification@7']);
  assert.deepEqual(errors('&'), ['MissingExpression@0']);
  assert.deepEqual(errors('try {\n}\n'), ['MissingCatchOrFinally@7+incomplete']);
});

test('a pipeline starting with | keeps its elements, also with pipelines nested in them', () => {
  const result = parseScript('| Get-X { | a | b } | Get-Y');
  assert.deepEqual(result.diagnostics.map((d) => `${d.id}@${d.span.start}`), ['EmptyPipeElement@0', 'EmptyPipeElement@10']);
  const pipeline = result.ast.end?.statements[0];
  assert.equal(pipeline?.kind, 'Pipeline');
  assert.equal(pipeline.elements.length, 2);
});

test('ControlLeavingFinally spares loops inside the finally block and nested script blocks', () => {
  assert.deepEqual(errors('try {} finally { foreach ($a in 1) { break; continue } }'), []);
  assert.deepEqual(errors('try {} finally { :o while (1) { switch (1) { 1 { break o } } } }'), []);
  assert.deepEqual(errors('try {} finally { & { return } }'), []);
  assert.deepEqual(errors('try {} finally { if (1) { return 5 } }'), ['ControlLeavingFinally@26']);
  assert.deepEqual(errors(':o foreach ($x in 1) { try {} finally { break o } }'), ['ControlLeavingFinally@40']);
});

test('attributes may only constrain variables', () => {
  assert.deepEqual(errors('[ValidateNotNull()][int]$x = 1'), []);
  assert.deepEqual(errors('[ValidateNotNull()]$x'), []);
  assert.deepEqual(errors('[a()]2'), ['UnexpectedAttribute@0']);
});

test('isIncompleteInput: unfinished text asks for a continuation line', () => {
  for (const text of [
    'if ($x) {', '"abc', "'abc", 'Get-X |', 'Get-X `', '@"', '@"\nabc', "@'\nabc\n", '(1 +', '$a = @(', 'function f {',
    'foreach ($x in $y) {', '$h = @{', 'try {}', 'Get-X | Where-Object {', '1 +', 'switch ($x) {', '<# comment',
    '"$(Get-Date', 'do {', '$x = 1,', 'Get-X `\n', 'Get-X `\r\n  ', 'Get-X |\n', 'if ($x) {\n',
  ]) {
    assert.equal(isIncompleteInput(text), true, text);
  }
  for (const text of ['', 'Get-X', ')', '1;2;3|3', '}', 'gcm -a:', '$a[]', '1 2', 'Get-X | Get-Y', '"abc"', '[int', '1|1', '# note `\n', "'a`'\n"]) {
    assert.equal(isIncompleteInput(text), false, text);
  }
});
