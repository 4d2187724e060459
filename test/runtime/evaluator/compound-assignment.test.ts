// Compound assignment (`+=`, `-=`, `*=`, ...), compiled as one closure for loop bodies: the value it yields
// in parentheses and nothing as a statement, numbers and the generic operators, a right side that waits,
// and an error that ends only its statement.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createShell, type Shell } from '../../helpers/run.ts';

let shell: Shell;
before(() => {
  shell = createShell();
});
after(() => shell.dispose());

const values = (code: string) => shell.values(code);

describe('compound assignment', () => {
  it('accumulates numbers in a loop', async () => {
    assert.deepEqual(await values('$s = 0; foreach ($i in 1..4) { $s += $i * 2 }; $s'), [20]);
    assert.deepEqual(await values('$p = 1; foreach ($i in 1..5) { $p *= $i }; $p'), [120]);
  });

  it('yields the new value in parentheses and writes nothing as a statement', async () => {
    assert.deepEqual(await values('$x = 5; ($x += 2)'), [7]);
    assert.deepEqual(await values('$x = 5; $x -= 2'), []);
    assert.deepEqual(await values('$x = 5; $y = $x %= 3; $x; $y'), [2, 2]);
  });

  it('uses the generic operators for other values', async () => {
    assert.deepEqual(await values("$t = 'ab'; $t *= 2; $t"), ['abab']);
    assert.deepEqual(await values('$a = @(1); $a += 2; $a.Count'), [2]);
    assert.deepEqual(await values('$n = $null; $n += 3; $n'), [3]);
  });

  it('waits for a right side that waits', async () => {
    assert.deepEqual(await values('$s = 1; $s += $(Start-Sleep -Milliseconds 1; 5); $s'), [6]);
    assert.deepEqual(await values('$s = 1; ($s += $(Start-Sleep -Milliseconds 1; 2))'), [3]);
  });

  it('reports an error and goes on with the next statement', async () => {
    const r = await shell.run("$x = 'a'; $x -= 1; 'next'");
    assert.match(r.out, /next/);
    assert.match(r.err, /\$x -= 1/);
  });
});
