// Where a binding error points: PowerShell underlines the argument that failed to convert, and the
// parameter name when the parameter itself is the problem (unknown, missing its argument).
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createShell } from '../helpers/run.ts';

describe('binding error positions', () => {
  const shell = createShell();
  after(() => shell.dispose());

  it('a value that does not convert is underlined, not its parameter name', async () => {
    const { err } = await shell.run('function f { param([int]$x) $x }; f -x abc');
    assert.match(err, /At line:1 char:40\n/);
    assert.match(err, /\n\+ {40}~~~\n/);
  });

  it('an unknown parameter is underlined itself', async () => {
    const { err } = await shell.run('Get-Date -Nope 1');
    assert.match(err, /At line:1 char:10\n/);
    assert.match(err, /\n\+ {10}~~~~~\n/);
  });
});
