// Get-Random: numbers within bounds (integers or doubles), picks without repeats, repeatable seeds,
// and PowerShell's error for crossed bounds.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createShell } from '../../helpers/run.ts';

describe('Get-Random', () => {
  const shell = createShell();
  after(() => shell.dispose());

  it('stays within [Minimum, Maximum), integral for integer bounds', async () => {
    const values = (await shell.values('1..200 | ForEach-Object { Get-Random -Minimum 3 -Maximum 6 }')) as number[];
    assert.ok(values.every((v) => Number.isInteger(v) && v >= 3 && v < 6));
    assert.equal(new Set(values).size, 3, 'every value of the range turns up in 200 draws');
    const [d] = (await shell.values('Get-Random -Minimum 1.5 -Maximum 1.6')) as number[];
    assert.ok(d >= 1.5 && d < 1.6);
  });

  it('picks -Count distinct input objects', async () => {
    const picked = (await shell.values('1..10 | Get-Random -Count 10')) as number[];
    assert.deepEqual([...picked].sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.equal((await shell.values("Get-Random -InputObject a,b,c -Count 2")).length, 2);
  });

  it('-SetSeed repeats the sequence', async () => {
    const first = await shell.values('Get-Random -SetSeed 42 -Maximum 1000; Get-Random -Maximum 1000');
    const second = await shell.values('Get-Random -SetSeed 42 -Maximum 1000; Get-Random -Maximum 1000');
    assert.deepEqual(first, second);
  });

  it('crossed bounds are an ArgumentException', async () => {
    const { err } = await shell.run('Get-Random -Minimum 5 -Maximum 5');
    assert.match(err, /The Minimum value \(5\) cannot be greater than or equal to the Maximum value \(5\)\./);
    assert.match(err, /InvalidArgument: \(:\) \[Get-Random\], ArgumentException/);
    assert.match(err, /MinGreaterThanOrEqualMax,Microsoft\.PowerShell\.Commands\.GetRandomCommand/);
  });
});
