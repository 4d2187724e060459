// Error display, byte-exact: Windows PowerShell 5.1 NormalView (reference section 4.1, with its real
// outputs), PowerShell 7 NormalView, ConciseView (4.2) and CategoryView. Records are built by hand
// with source spans, as the runtime and parser will build them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatErrorRecord } from '../../src/format/error-view.ts';
import { positionMessage } from '../../src/format/position-message.ts';
import { errorRecord } from '../../src/runtime/errors.ts';
import type { ErrorRecord } from '../../src/runtime/errors.ts';
import type { Span } from '../../grammar/ast.ts';
import { text } from './helpers.ts';

/** The span of `source.slice(start, end)` with 1-based lines and columns. */
function spanOf(source: string, start: number, end: number): Span {
  const at = (offset: number) => {
    const before = source.slice(0, offset).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1 };
  };
  const s = at(start);
  const e = at(end);
  return { start, end, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}

/** An error from a command covering `commandText` inside `source`. */
function commandError(
  source: string,
  commandText: string,
  message: string,
  errorId: string,
  category: ErrorRecord['category'],
  extra: { command?: string; target?: unknown; activity?: string; exceptionType?: string; commandId?: string; scriptName?: string },
): ErrorRecord {
  const start = source.indexOf(commandText);
  return errorRecord(message, errorId, category, {
    exceptionType: extra.exceptionType,
    targetObject: extra.target,
    activity: extra.activity,
    commandId: extra.commandId,
    invocation: { commandName: extra.command, source, scriptName: extra.scriptName, span: spanOf(source, start, start + commandText.length) },
  });
}

const W = 120;

test('5.1 NormalView: parameter binding error (real output from proxb/PoshWSUS#11)', () => {
  const src = 'Get-PSWSUSUpdatePerClient -ComputerName ntweb1';
  const err = commandError(
    src, src,
    "Parameter cannot be processed because the parameter name 'Computer' is ambiguous. Possible matches include: -Computername -ComputerTargetGroups.",
    'AmbiguousParameter', 'InvalidArgument',
    { command: 'Get-PSWSUSUpdatePerClient', activity: 'Get-PSWSUSUpdatePerClient', commandId: 'Get-PSWSUSUpdatePerClient', exceptionType: 'System.Management.Automation.ParameterBindingException' },
  );
  assert.equal(
    formatErrorRecord(err, { view: 'NormalView', width: W }),
    text(
      "Get-PSWSUSUpdatePerClient : Parameter cannot be processed because the parameter name 'Computer' is ambiguous. Possible matches include: -Computername -ComputerTargetGroups.",
      'At line:1 char:1',
      '+ Get-PSWSUSUpdatePerClient -ComputerName ntweb1',
      '+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~',
      '    + CategoryInfo          : InvalidArgument: (:) [Get-PSWSUSUpdatePerClient], ParameterBindingException',
      '    + FullyQualifiedErrorId : AmbiguousParameter,Get-PSWSUSUpdatePerClient',
      ' ',
      '',
    ),
  );
});

const notFoundMessage =
  "The term 'foo' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.";

function notFound(source = 'foo', scriptName?: string): ErrorRecord {
  return commandError(source, 'foo', notFoundMessage, 'CommandNotFoundException', 'ObjectNotFound', {
    command: 'foo', target: 'foo', scriptName, exceptionType: 'System.Management.Automation.CommandNotFoundException',
  });
}

test('5.1 NormalView: command not found', () => {
  assert.equal(
    formatErrorRecord(notFound(), { view: 'NormalView', width: W }),
    text(
      `foo : ${notFoundMessage}`,
      'At line:1 char:1',
      '+ foo',
      '+ ~~~',
      '    + CategoryInfo          : ObjectNotFound: (foo:String) [], CommandNotFoundException',
      '    + FullyQualifiedErrorId : CommandNotFoundException',
      ' ',
      '',
    ),
  );
});

function thrown(source = 'throw "boom"', scriptName?: string): ErrorRecord {
  const start = source.indexOf('throw');
  return errorRecord('boom', 'boom', 'OperationStopped', {
    targetObject: 'boom',
    invocation: { source, scriptName, span: spanOf(source, start, source.length) },
  });
}

test('5.1 NormalView: throw has no command prefix', () => {
  assert.equal(
    formatErrorRecord(thrown(), { view: 'NormalView', width: W }),
    text(
      'boom',
      'At line:1 char:1',
      '+ throw "boom"',
      '+ ~~~~~~~~~~~~',
      '    + CategoryInfo          : OperationStopped: (boom:String) [], RuntimeException',
      '    + FullyQualifiedErrorId : boom',
      ' ',
      '',
    ),
  );
});

function parseError(): ErrorRecord {
  const source = 'foreach abc';
  return errorRecord("Missing opening '(' after keyword 'foreach'.", 'MissingOpenParenthesisAfterKeyword', 'ParserError', {
    exceptionType: 'System.Management.Automation.ParentContainsErrorRecordException',
    invocation: { source, span: spanOf(source, 7, 7) },
  });
}

test('5.1 NormalView: a parse error carries its position in the message, no prefix', () => {
  assert.equal(
    formatErrorRecord(parseError(), { view: 'NormalView', width: W }),
    text(
      'At line:1 char:8',
      '+ foreach abc',
      '+        ~',
      "Missing opening '(' after keyword 'foreach'.",
      '    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException',
      '    + FullyQualifiedErrorId : MissingOpenParenthesisAfterKeyword',
      ' ',
      '',
    ),
  );
});

test('5.1 NormalView: long line windowed, long target shortened 15...15, `+` lines split at width - 6 (MicrosoftDocs/terminal#451)', () => {
  const path = 'E:\\IIT MADRAS\\TEXTURE LAB\\MS Project data\\2019\\Experiment 11\\D1_Gleeble data Excel';
  const src = `Set-Location -literalPath '${path}'`;
  const err = commandError(src, src, `Cannot find path '${path}' because it does not exist.`, 'PathNotFound', 'ObjectNotFound', {
    command: 'Set-Location', target: path, activity: 'Set-Location',
    commandId: 'Microsoft.PowerShell.Commands.SetLocationCommand', exceptionType: 'System.Management.Automation.ItemNotFoundException',
  });
  const category = '+ CategoryInfo          : ObjectNotFound: (E:\\IIT MADRAS\\T...eble data Excel:String) [Set-Location], ItemNotFoundException';
  assert.equal(category.slice(0, 114).endsWith('ItemNotFoundE'), true);
  assert.equal(
    formatErrorRecord(err, { view: 'NormalView', width: W }),
    text(
      `Set-Location : Cannot find path '${path}' because it does not exist.`,
      'At line:1 char:1',
      `+ ${src.slice(0, 69)} ...`,
      `+ ${'~'.repeat(69)}`,
      `    ${category.slice(0, 114)}    ${category.slice(114)}`,
      '    + FullyQualifiedErrorId : PathNotFound,Microsoft.PowerShell.Commands.SetLocationCommand',
      ' ',
      '',
    ),
  );
  assert.equal(src.slice(0, 69), "Set-Location -literalPath 'E:\\IIT MADRAS\\TEXTURE LAB\\MS Project data\\");
});

test('PS 7 NormalView: no indent, no hard split, no trailing blank line (stop-process sample)', () => {
  const src = 'stop-process -Id 11111';
  const err = commandError(src, src, 'Cannot find a process with the process identifier 11111.', 'NoProcessFoundForGivenId', 'ObjectNotFound', {
    command: 'stop-process', target: 11111, activity: 'Stop-Process',
    commandId: 'Microsoft.PowerShell.Commands.StopProcessCommand', exceptionType: 'Microsoft.PowerShell.Commands.ProcessCommandException',
  });
  assert.equal(
    formatErrorRecord(err, { view: 'NormalView', width: W, dialect: 'Core' }),
    text(
      'stop-process : Cannot find a process with the process identifier 11111.',
      'At line:1 char:1',
      '+ stop-process -Id 11111',
      '+ ~~~~~~~~~~~~~~~~~~~~~~',
      '+ CategoryInfo          : ObjectNotFound: (11111:Int32) [Stop-Process], ProcessCommandException',
      '+ FullyQualifiedErrorId : NoProcessFoundForGivenId,Microsoft.PowerShell.Commands.StopProcessCommand',
      '',
    ),
  );
});

test('category fields over 40 characters are shortened: 15...15 in 5.1, 19…19 in PS 7', () => {
  const err = errorRecord('m', 'Id', 'InvalidData', { targetObject: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ' });
  assert.equal(
    formatErrorRecord(err, { view: 'CategoryView', width: W, dialect: 'Core' }),
    'InvalidData: (abcdefghijklmnopqrs\u2026123456789ABCDEFGHIJ:String) [], RuntimeException\n',
  );
  assert.equal(
    formatErrorRecord(err, { view: 'CategoryView', width: W }),
    'InvalidData: (abcdefghijklmno...56789ABCDEFGHIJ:String) [], RuntimeException\n',
  );
});

test('CategoryView: the CategoryInfo line only, no prefix', () => {
  assert.equal(formatErrorRecord(notFound(), { view: 'CategoryView', width: W }), 'ObjectNotFound: (foo:String) [], CommandNotFoundException\n');
});

test('ConciseView: interactive one-liners are one line of text', () => {
  assert.equal(formatErrorRecord(notFound(), { view: 'ConciseView', width: W, dialect: 'Core' }), `foo: ${notFoundMessage}\n`);
  assert.equal(formatErrorRecord(thrown(), { view: 'ConciseView', width: W, dialect: 'Core' }), 'Exception: boom\n');
  const src = 'Get-Item C:\\nope';
  const err = commandError(src, src, "Cannot find path 'C:\\nope' because it does not exist.", 'PathNotFound', 'ObjectNotFound', {
    command: 'Get-Item', activity: 'Get-Item', target: 'C:\\nope',
  });
  assert.equal(formatErrorRecord(err, { view: 'ConciseView', width: W, dialect: 'Core' }), "Get-Item: Cannot find path 'C:\\nope' because it does not exist.\n");
});

test('ConciseView: errors in scripts show the Line | block', () => {
  const src = '# test\n\nGet-Item C:\\nope\n';
  const err = commandError(src, 'Get-Item C:\\nope', "Cannot find path 'C:\\nope' because it does not exist.", 'PathNotFound', 'ObjectNotFound', {
    command: 'Get-Item', activity: 'Get-Item', target: 'C:\\nope', scriptName: 'C:\\scripts\\test.ps1',
  });
  assert.equal(
    formatErrorRecord(err, { view: 'ConciseView', width: W, dialect: 'Core' }),
    text(
      'Get-Item: C:\\scripts\\test.ps1:3',
      'Line |',
      '   3 |  Get-Item C:\\nope',
      '     |  ~~~~~~~~~~~~~~~~',
      "     | Cannot find path 'C:\\nope' because it does not exist.",
      '',
      '',
    ),
  );
  assert.equal(
    formatErrorRecord(thrown('\n\nthrow "boom"', 'C:\\s.ps1'), { view: 'ConciseView', width: W, dialect: 'Core' }),
    text('Exception: C:\\s.ps1:3', 'Line |', '   3 |  throw "boom"', '     |  ~~~~~~~~~~~~', '     | boom', '', ''),
  );
});

test('ConciseView: an interactive parse error (PR #12778 sample)', () => {
  assert.equal(
    formatErrorRecord(parseError(), { view: 'ConciseView', width: W, dialect: 'Core' }),
    text('ParserError: ', 'Line |', '   1 |  foreach abc', '     |         ~', "     | Missing opening '(' after keyword 'foreach'.", '', ''),
  );
});

test('ConciseView: long messages wrap at the window width under the `     | ` prefix', () => {
  const src = 'Get-Thing';
  const err = commandError(src, src, 'one two three four five six seven eight nine ten', 'Id', 'InvalidData', {
    command: 'Get-Thing', activity: 'Get-Thing', scriptName: '/tmp/t.ps1',
  });
  assert.equal(
    formatErrorRecord(err, { view: 'ConciseView', width: 24, dialect: 'Core' }),
    text('Get-Thing: /tmp/t.ps1:1', 'Line |', '   1 |  Get-Thing', '     |  ~~~~~~~~~', '     | one two three', '     | four five six', '     | seven eight nine', '     | ten', '', ''),
  );
});

test('position message: windows long lines around the error, ... in 5.1, … in PS 7', () => {
  const src = `$a = 1; ${'x'.repeat(60)}; Get-Item -Path C:\\does\\not\\exist -ErrorAction Stop; $b = 2`;
  const cmd = 'Get-Item -Path C:\\does\\not\\exist -ErrorAction Stop';
  const start = src.indexOf(cmd);
  const inv = { source: src, span: spanOf(src, start, start + cmd.length) };
  const windowed = src.slice(start - 12, start - 12 + 69);
  // 12 characters of context before the error, 69 in all; both ends are marked as cut.
  assert.equal(positionMessage(inv, 'Desktop'), text(`At line:1 char:${start + 1}`, `+ ... ${windowed} ...`, `+ ${' '.repeat(16)}${'~'.repeat(cmd.length)}`));
  assert.equal(positionMessage(inv, 'Core'), text(`At line:1 char:${start + 1}`, `+ \u2026 ${windowed} \u2026`, `+ ${' '.repeat(14)}${'~'.repeat(cmd.length)}`));
  // An error longer than the window keeps its start and is cut at 69 characters.
  const long = `Get-Item ${'y'.repeat(100)}`;
  const all = positionMessage({ source: long, span: spanOf(long, 0, long.length) }, 'Desktop').split('\n');
  assert.deepEqual(all.slice(1), [`+ ${long.slice(0, 69)} ...`, `+ ${'~'.repeat(69)}`]);
});

test('position message: tabs expand to four spaces; a multi-line span marks to the end of its first line', () => {
  const src = '\tif ($x) {\n  1 }';
  const inv = { source: src, span: spanOf(src, 1, src.length) };
  assert.equal(positionMessage(inv, 'Desktop'), text('At line:1 char:2', '+     if ($x) {', '+     ~~~~~~~~~'));
  assert.equal(positionMessage({ source: 'x', scriptName: 'C:\\a.ps1', span: spanOf('x', 0, 1) }, 'Desktop'), text('At C:\\a.ps1:1 char:1', '+ x', '+ ~'));
  assert.equal(positionMessage({ commandName: 'x' }, 'Desktop'), '');
});

test('native command stderr lines print as the bare message', () => {
  const err = errorRecord('fatal: not a git repository', 'NativeCommandErrorMessage', 'NotSpecified', {});
  assert.equal(formatErrorRecord(err, { view: 'NormalView', width: W }), 'fatal: not a git repository\n');
  const core = errorRecord('oops', 'NativeCommandError', 'NotSpecified', { invocation: { commandName: 'git' } });
  assert.equal(formatErrorRecord(core, { view: 'ConciseView', width: W, dialect: 'Core' }), 'oops\n');
});
