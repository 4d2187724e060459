// [scriptblock]::Create: text to a script block that runs like a literal one; bad text fails as
// PowerShell's MethodInvocationException around a ParseException.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createShell } from '../helpers/run.ts';

describe('[scriptblock]::Create', () => {
  const shell = createShell();
  after(() => shell.dispose());

  it('makes a script block with a param() block', async () => {
    assert.deepEqual(await shell.values("$sb = [scriptblock]::Create('param($x) $x * 2'); & $sb 21; $sb.GetType().FullName"), [
      42,
      'System.Management.Automation.ScriptBlock',
    ]);
  });

  it('reports bad text with the parse position inside the method error', async () => {
    const { err } = await shell.run("[ScriptBlock]::Create('1 +')");
    assert.match(err, /^Exception calling "Create" with "1" argument\(s\): "At line:1 char:4\n\+ 1 \+\n\+ {4}~\nYou must provide a value expression following the '\+' operator\."/);
    assert.match(err, /FullyQualifiedErrorId : ParseException\n/);
    assert.deepEqual(await shell.values("try { [scriptblock]::Create('if (') } catch { $_.Exception.InnerException.GetType().Name }"), ['ParseException']);
  });
});
