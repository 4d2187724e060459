// What the pipeline's per-object fast paths must keep: output written with ctx.emit still reaches
// -OutVariable, ctx.write still enumerates (and writes nothing for AutomationNull), an expression statement
// in a per-object block still writes its value enumerated, sets $? and reports its error per object, a
// cmdlet's input handler keeps order and waiting, and Ctrl+C still stops a foreach statement over a range.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createShell, type Shell } from '../helpers/run.ts';

let shell: Shell;
before(() => {
  shell = createShell();
});
after(() => shell.dispose());

const values = (code: string) => shell.values(code);

describe('-OutVariable with per-object output', () => {
  it('ForEach-Object and Where-Object fill the variable with what they pass on', async () => {
    assert.deepEqual(await values('$null = 1..3 | ForEach-Object { $_ * 2 } -OutVariable doubled; $doubled'), [2, 4, 6]);
    assert.deepEqual(await values('$null = 1..6 | Where-Object { $_ % 2 -eq 0 } -OutVariable even; $even'), [2, 4, 6]);
  });

  it('+name appends to the variable, and the objects still flow on', async () => {
    assert.deepEqual(await values('$null = 1..2 | ForEach-Object { $_ } -OutVariable seen; 3 | ForEach-Object { $_ * 10 } -OutVariable +seen; $seen'), [30, 1, 2, 30]);
  });
});

describe('ctx.write', () => {
  it('enumerates arrays unless told not to', async () => {
    assert.deepEqual(await values('(Write-Output @(1, 2, 3) | Measure-Object).Count'), [3]);
    assert.deepEqual(await values('(Write-Output -NoEnumerate @(1, 2, 3) | Measure-Object).Count'), [1]);
  });
});

describe('an expression statement in a per-object block', () => {
  it('writes an array value enumerated and nothing for [void]', async () => {
    assert.deepEqual(await values('(1..2 | ForEach-Object { @($_, $_) } | Measure-Object).Count'), [4]);
    assert.deepEqual(await values('(1..2 | ForEach-Object { [void]$_ } | Measure-Object).Count'), [0]);
  });

  it('sets $? after its value, and an error ends only that statement for that object', async () => {
    assert.deepEqual(await values('1..2 | ForEach-Object { $_; $? }'), [1, true, 2, true]);
    const r = await shell.run("1..2 | ForEach-Object { [int]'x'; \"after $_ $?\" }");
    assert.match(r.out, /after 1 False\s+after 2 False/);
    assert.equal(r.err.match(/Cannot convert value "x"/g)?.length, 2);
  });

  it('decides Where-Object by its value', async () => {
    assert.deepEqual(await values("1..6 | Where-Object { $_ % 3 }"), [1, 2, 4, 5]);
    assert.deepEqual(await values("'a', '', 'b' | Where-Object { $_ }"), ['a', 'b']);
    assert.deepEqual(await values('1..3 | Where-Object { @() }'), []);
    assert.deepEqual(await values('1..2 | Where-Object { @(0, 0) }'), [1, 2]);
    assert.deepEqual(await values('1..3 | Where-Object { @($_ -eq 2) }'), [2]);
    assert.deepEqual(await values('1..2 | Where-Object { [void]$_ }'), []);
  });

  it('decides Where-Object by all the output of a longer block', async () => {
    assert.deepEqual(await values("1..2 | Where-Object { 'x'; $false }"), [1, 2]);
    assert.deepEqual(await values('1..3 | Where-Object { $null; $_ -ne 2 }'), [1, 2, 3]); // two objects written: true
  });

  it('a Where-Object condition that waits, or fails for some objects', async () => {
    assert.deepEqual(await values('1..4 | Where-Object { $(Start-Sleep -Milliseconds 1; $_ -gt 2) }'), [3, 4]);
    const r = await shell.run("'1', 'x', '3' | Where-Object { [int]$_ -gt 0 }");
    assert.match(r.out, /^1\s+3\s*$/);
    assert.equal(r.err.match(/Cannot convert value "x"/g)?.length, 1);
  });
});

describe("a cmdlet's input handler (ctx.handleInput)", () => {
  it('takes every object after the first in order, also when the block waits', async () => {
    assert.deepEqual(await values('1..4 | ForEach-Object { Start-Sleep -Milliseconds 1; $_ * 2 }'), [2, 4, 6, 8]);
    assert.deepEqual(await values('1..6 | Where-Object { Start-Sleep -Milliseconds 1; $_ -gt 3 }'), [4, 5, 6]);
  });

  it('leaves several process blocks, -Begin and -End to process as before', async () => {
    assert.deepEqual(await values("1..2 | ForEach-Object { 'b' } { $_ } { $_ * 10 } { 'e' }"), ['b', 1, 10, 2, 20, 'e']);
  });

  it('Measure-Object still reports a non-numeric object and goes on', async () => {
    const r = await shell.run("(1, 'x', 3 | Measure-Object -Sum).Sum");
    assert.match(r.out, /^4\s*$/);
    assert.match(r.err, /Input object "x" is not numeric/);
  });
});

describe('an array as the source of a pipeline', () => {
  it('sends its elements, one level deep, and stops where Select-Object -First says', async () => {
    assert.deepEqual(await values('$a = 1..5; ($a | ForEach-Object { $_ * 2 } | Measure-Object -Sum).Sum'), [30]);
    assert.deepEqual(await values('$a = 1, @(2, 3); $a | ForEach-Object { $_.Count }'), [1, 2]);
    assert.deepEqual(await values('$a = 1..1000; $a | ForEach-Object { $_ } | Select-Object -First 2'), [1, 2]);
  });

  it('an empty array sends nothing, $null one object', async () => {
    assert.deepEqual(await values("$e = @(); $e | ForEach-Object { 'x' }"), []);
    assert.deepEqual(await values("$null | ForEach-Object { 'x' }"), ['x']);
  });
});

describe('a foreach statement over an array', () => {
  it('takes each element, with break, continue and labels, and waits for a body that waits', async () => {
    assert.deepEqual(await values('$a = 1..5; foreach ($x in $a) { if ($x -eq 2) { continue }; if ($x -eq 4) { break }; $x }'), [1, 3]);
    assert.deepEqual(
      await values(":outer foreach ($x in @(1, 2)) { foreach ($y in @('a', 'b')) { if ($y -eq 'b') { continue outer }; \"$x$y\" } }"),
      ['1a', '2a'],
    );
    assert.deepEqual(await values('$a = 1, 2, 3; foreach ($x in $a) { Start-Sleep -Milliseconds 1; $x * 2 }'), [2, 4, 6]);
  });

  it('sees an element changed by the body before it gets there', async () => {
    assert.deepEqual(await values("$a = 1, 2, 3; foreach ($x in $a) { $a[2] = 'changed'; $x }"), [1, 2, 'changed']);
  });
});

describe('Ctrl+C', () => {
  it('stops a foreach statement over a range that never waits', async () => {
    const sh = createShell();
    try {
      setTimeout(() => sh.session.abort.abort(), 150);
      const r = await sh.run('$n = 0; foreach ($i in 1..1e9) { $n = $i }; $done = 1');
      assert.match(r.err, /pipeline has been stopped/);
      assert.deepEqual(await sh.values('$n -gt 0; $null -eq $done'), [true, true]);
    } finally {
      await sh.dispose();
    }
  });
});
