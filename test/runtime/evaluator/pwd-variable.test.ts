// $PWD is the current location's PathInfo (not just its text), shown as Get-Location shows it.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createShell } from '../../helpers/run.ts';

describe('$PWD', () => {
  const shell = createShell();
  after(() => shell.dispose());

  it('is a PathInfo that follows Set-Location and prints as its path', async () => {
    await shell.run('Set-Location c:\\');
    assert.deepEqual(await shell.values('$PWD.Path; "$PWD"; $PWD.GetType().Name'), ['C:\\', 'C:\\', 'PathInfo']);
    const { out } = await shell.run('$PWD');
    assert.equal(out, '\nPath\n----\nC:\\\n\n');
  });
});
