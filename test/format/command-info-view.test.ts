// CommandInfo objects show as Get-Command's table wherever they come from: the view is built in
// (src/format/builtin-views.ts), so `$MyInvocation.MyCommand` is a table before Get-Command has loaded.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createShell } from '../helpers/run.ts';

describe('the CommandInfo view', () => {
  const shell = createShell();
  after(() => shell.dispose());

  it('shows $MyInvocation.MyCommand as a table in a session that has not used Get-Command', async () => {
    const r = await shell.run('function Show-Me { $MyInvocation.MyCommand }; Show-Me');
    assert.equal(r.err, '');
    assert.equal(
      r.out,
      '\nCommandType     Name                                               Version    Source\n' +
        '-----------     ----                                               -------    ------\n' +
        'Function        Show-Me                                                       \n\n',
    );
  });

  it('gives Get-Command the same table', async () => {
    const r = await shell.run('Get-Command Show-Me');
    assert.match(r.out, /^\nCommandType {5}Name {47}Version {4}Source\n-{11} {5}-{4} {47}-{7} {4}-{6}\nFunction {8}Show-Me {2}/);
  });
});
