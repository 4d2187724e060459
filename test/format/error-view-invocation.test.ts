// The error view reads the record's InvocationInfo as Windows PowerShell 5.1's NormalView does:
// Write-Error in a function is shown as the function's error at the line that called it, a script's as
// the script path's, the prompt's with the text typed as prefix (reference section 4.1; real samples:
// `... : ...` with `FullyQualifiedErrorId : Microsoft.PowerShell.Commands.WriteErrorException,<function>`).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createShell } from '../helpers/run.ts';

const folder = mkdtempSync(join(tmpdir(), 'emsh-error-invocation-'));
after(() => rmSync(folder, { recursive: true, force: true }));

describe('NormalView of errors attributed to functions and scripts', () => {
  const shell = createShell();
  after(() => shell.dispose());

  it('Write-Error in a function: `f : boom` at the call of f, `,f` in the FullyQualifiedErrorId', async () => {
    await shell.run('function Fail-Deep { Write-Error "boom" }');
    const { err } = await shell.run('"before"\n  Fail-Deep');
    assert.equal(
      err,
      [
        'Fail-Deep : boom',
        'At line:2 char:3',
        '+   Fail-Deep',
        '+   ~~~~~~~~~',
        '    + CategoryInfo          : NotSpecified: (:) [Write-Error], WriteErrorException',
        '    + FullyQualifiedErrorId : Microsoft.PowerShell.Commands.WriteErrorException,Fail-Deep',
        ' ',
        '',
      ].join('\n'),
    );
  });

  it('the alias typed names the error; & names the function', async () => {
    await shell.run('function Fail-Alias { Write-Error "via alias" }; Set-Alias fa Fail-Alias');
    assert.match((await shell.run('fa')).err, /^fa : via alias\nAt line:1 char:1\n\+ fa\n\+ ~~\n/);
    assert.match((await shell.run('& Fail-Alias')).err, /^Fail-Alias : via alias\nAt line:1 char:1\n\+ & Fail-Alias\n\+ ~~~~~~~~~~~~\n/);
  });

  it('Write-Error at the prompt: the text typed is the prefix, without a position', async () => {
    const { err } = await shell.run("Write-Error 'Bad'");
    assert.equal(
      err,
      [
        "Write-Error 'Bad' : Bad",
        '    + CategoryInfo          : NotSpecified: (:) [Write-Error], WriteErrorException',
        '    + FullyQualifiedErrorId : Microsoft.PowerShell.Commands.WriteErrorException',
        ' ',
        '',
      ].join('\n'),
    );
  });

  it('Write-Error in a script file: the script path, at the line that ran the script', async () => {
    const script = join(folder, 'Setup-Thing.ps1');
    writeFileSync(script, '"working"\nWrite-Error "Cannot clean up"\n');
    const { err } = await shell.run(`& '${script}'`);
    assert.equal(
      err,
      [
        `${script} : Cannot clean up`,
        'At line:1 char:1',
        `+ & '${script}'`,
        `+ ${'~'.repeat(script.length + 4)}`,
        '    + CategoryInfo          : NotSpecified: (:) [Write-Error], WriteErrorException',
        '    + FullyQualifiedErrorId : Microsoft.PowerShell.Commands.WriteErrorException,Setup-Thing.ps1',
        ' ',
        '',
      ].join('\n'),
    );
  });

  it('a throw in a function keeps the throw position and no prefix', async () => {
    await shell.run('function Throw-Here { throw "thrown" }');
    const { err } = await shell.run('Throw-Here');
    assert.match(err, /^thrown\nAt line:1 char:23\n\+ function Throw-Here \{ throw "thrown" \}\n/);
    assert.match(err, /FullyQualifiedErrorId : thrown\n/);
  });
});

describe('ConciseView of errors attributed to functions', () => {
  const shell = createShell();
  after(() => shell.dispose());

  it('names the function, and Write-Error at the prompt', async () => {
    await shell.run("$ErrorView = 'ConciseView'; function Fail-Concise { Write-Error 'concise boom' }");
    assert.equal((await shell.run('Fail-Concise')).err, 'Fail-Concise: concise boom\n');
    assert.equal((await shell.run("Write-Error 'top boom'")).err, 'Write-Error: top boom\n');
  });
});
