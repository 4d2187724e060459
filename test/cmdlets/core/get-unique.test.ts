// Get-Unique: adjacent duplicates only, case-sensitive, -AsString and -OnType, -InputObject.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createShell } from '../../helpers/run.ts';

describe('Get-Unique', () => {
  const shell = createShell();
  after(() => shell.dispose());

  it('drops objects equal to the one before (sorted input), keeping non-adjacent repeats', async () => {
    assert.deepEqual(await shell.values('3, 1, 3, 2, 1 | Sort-Object | Get-Unique'), [1, 2, 3]);
    assert.deepEqual(await shell.values('1, 2, 1 | Get-Unique'), [1, 2, 1]);
  });

  it('compares strings case-sensitively', async () => {
    assert.deepEqual(await shell.values("'a', 'A', 'a', 'a' | Get-Unique"), ['a', 'A', 'a']);
  });

  it('-AsString compares text, so 1 and "1" are the same', async () => {
    assert.deepEqual(await shell.values("1, '1', 2 | Get-Unique -AsString"), [1, 2]);
  });

  it('-OnType keeps the first object of each run of a type', async () => {
    assert.deepEqual(await shell.values("1, 2, 'x', 'y', 3 | gu -OnType"), [1, 'x', 3]);
  });

  it('-InputObject is one object, written as it is', async () => {
    const out = await shell.values('Get-Unique -InputObject 1, 1');
    assert.equal(out.length, 1);
    assert.deepEqual(out[0], [1, 1]);
  });
});
