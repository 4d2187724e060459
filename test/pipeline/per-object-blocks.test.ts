// The semantics the pipeline fast paths must keep: ForEach-Object and Where-Object script blocks run in the
// caller's scope with `$_` set per object and the caller's `$_` back afterwards, break/continue reach the
// enclosing loop, errors from one object let the next run, Select-Object -First stops what feeds it, and
// a tight loop can be stopped by the session's abort signal (Ctrl+C).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createShell, type Shell } from '../helpers/run.ts';

let shell: Shell;
before(() => {
  shell = createShell();
});
after(() => shell.dispose());

const values = (code: string) => shell.values(code);

/** Runs `code` in a fresh shell whose abort signal fires (as Ctrl+C does) 150 ms in, then `after`. */
async function abortedRun(code: string, after: string): Promise<{ err: string; after: unknown[] }> {
  const sh = createShell();
  try {
    setTimeout(() => sh.session.abort.abort(), 150);
    const r = await sh.run(code);
    return { err: r.err, after: await sh.values(after) };
  } finally {
    await sh.dispose();
  }
}

describe('$_ in per-object script blocks', () => {
  it('is the outer object again after a nested pipeline', async () => {
    assert.deepEqual(await values("1..2 | ForEach-Object { 'a' | ForEach-Object { $_ }; $_ }"), ['a', 1, 'a', 2]);
    assert.deepEqual(await values("1..2 | Where-Object { ('x' | ForEach-Object { $_ }) -eq 'x' -and $_ -eq 2 }"), [2]);
  });

  it("puts the caller's $_ back when the pipeline is over, and leaves none where there was none", async () => {
    assert.deepEqual(await values("$_ = 'outer'; 1..2 | ForEach-Object { $_ }; $_"), [1, 2, 'outer']);
    // The child scope had no $_ of its own: afterwards its $_ is the parent's again.
    assert.deepEqual(await values("$_ = 'parent'; & { 1..3 | ForEach-Object { $_ } | Out-Null; $_ }"), ['parent']);
    assert.deepEqual(await values('function Show-Item { 1..2 | ForEach-Object { $_ } | Out-Null; $_ }; 7 | ForEach-Object { Show-Item }'), [7]);
  });

  it('is the object, not the error, after a catch block inside the script block', async () => {
    assert.deepEqual(await values("1..2 | ForEach-Object { try { throw 'x' } catch { 'caught' }; $_ }"), ['caught', 1, 'caught', 2]);
  });

  it('is visible to functions called from the block, and variables the block sets stay in the caller', async () => {
    assert.deepEqual(await values('function Get-Item2 { $_ * 10 }; 1..2 | ForEach-Object { Get-Item2 }'), [10, 20]);
    assert.deepEqual(await values('1..3 | ForEach-Object { $last = $_ }; $last'), [3]);
  });

  it('streams output downstream as the block writes it', async () => {
    assert.deepEqual(await values("1..2 | ForEach-Object { $_; \"after $_\" } | ForEach-Object { \"got $_\" }"), ['got 1', 'got after 1', 'got 2', 'got after 2']);
  });
});

describe('control flow through ForEach-Object', () => {
  it('break leaves the enclosing loop, as in PowerShell', async () => {
    assert.deepEqual(await values("foreach ($i in 1..3) { 1..5 | ForEach-Object { if ($_ -eq 2) { break }; \"$i-$_\" } }; 'after'"), ['1-1', 'after']);
  });

  it('continue goes on with the enclosing loop', async () => {
    assert.deepEqual(await values("foreach ($i in 1..2) { 1..3 | ForEach-Object { if ($_ -eq 2) { continue }; \"$i-$_\" } }; 'after'"), ['1-1', '2-1', 'after']);
  });

  it('return ends only the current object', async () => {
    assert.deepEqual(await values("1..3 | ForEach-Object { return $_; 'never' }"), [1, 2, 3]);
  });
});

describe('errors from one object', () => {
  it('a non-terminating error lets the other objects through with -ErrorAction Continue', async () => {
    const r = await shell.run("1..3 | ForEach-Object { if ($_ -eq 2) { Write-Error \"bad $_\" }; $_ } -ErrorAction Continue");
    assert.match(r.out, /1\s+2\s+3/);
    assert.match(r.err, /bad 2/);
  });

  it('a runtime error in the block ends that statement only; later objects still run', async () => {
    const r = await shell.run('1..3 | ForEach-Object { 10 / ($_ - 2) }');
    assert.match(r.out, /-10\s+10/);
    assert.match(r.err, /Attempted to divide by zero/);
  });

  it('a throw ends the pipeline and try/catch sees it', async () => {
    assert.deepEqual(await values("try { 1..4 | ForEach-Object { if ($_ -eq 2) { throw \"bad $_\" }; $_ } } catch { \"caught $_\" }"), [1, 'caught bad 2']);
  });
});

describe('stopping early', () => {
  it('Select-Object -First stops a function or block feeding it without reporting an error', async () => {
    const r = await shell.run("function Get-Numbers { foreach ($i in 1..100) { $i }; 'end' }; Get-Numbers | Select-Object -First 2; 1..1e9 | ForEach-Object { $_ } | Select-Object -First 2");
    assert.equal(r.err, '');
    assert.match(r.out, /^1\s+2\s+1\s+2\s*$/);
  });

  it('the abort signal stops a loop that never waits', async () => {
    const { err, after } = await abortedRun('$n = 0; while ($true) { $n++ }', '$n');
    assert.match(err, /pipeline has been stopped/);
    assert.ok((after[0] as number) > 0);
  });

  it('after Ctrl+C no later statement runs and no catch block takes the stop; finally blocks do', async () => {
    const { after } = await abortedRun(
      'while ($true) { try { $x = 1 } catch { $caught = 1 } finally { $cleaned = 1 } }; $next = 1',
      '$null -eq $next; $null -eq $caught; $cleaned',
    );
    assert.deepEqual(after, [true, true, 1]);
  });

  it('a long loop in a script block passed to a method still finishes synchronously', async () => {
    // Long enough to pass the periodic yield point; a yield there would fail the method call.
    assert.deepEqual(await values('@(1, 2).Where({ $i = 0; while ($i -lt 1000000) { $i++ }; $true }).Count'), [2]);
  });

  it('the abort signal stops a long synchronous pipeline', async () => {
    const { err } = await abortedRun('1..1e9 | ForEach-Object { $_ } | Out-Null', '1');
    assert.match(err, /pipeline has been stopped/);
  });
});

describe('script blocks cmdlets run per object through ctx.invoke', () => {
  it('calculated properties and sort keys see each object, and the caller keeps its $_', async () => {
    assert.deepEqual(await values("$_ = 'keep'; 1..3 | Select-Object @{ n = 'd'; e = { $_ * 2 } } | ForEach-Object d; $_"), [2, 4, 6, 'keep']);
    assert.deepEqual(await values('3, 1, 2 | Sort-Object { -$_ }'), [3, 2, 1]);
    assert.deepEqual(await values('1..5 | Group-Object { $_ % 2 } | ForEach-Object { "$($_.Name):$($_.Count)" }'), ['1:3', '0:2']);
  });
});

describe('pass-through pipeline binding', () => {
  it('binds each object whole, and $PSBoundParameters/isBound still see the current one', async () => {
    assert.deepEqual(await values('1, @(2, 3), $null | ForEach-Object { if ($null -eq $_) { "null" } else { $_.GetType().Name } }'), ['Int32', 'Object[]', 'null']);
    assert.deepEqual(await values("function Show-Bound { param([Parameter(ValueFromPipeline)]$Item) process { $PSBoundParameters['Item'] } }; 'a', 'b' | Show-Bound"), ['a', 'b']);
  });
});

describe('pipeline input to functions', () => {
  it('a simple function or filter takes any object, as $_ in process and as $input', async () => {
    assert.deepEqual(await values('function Double-It { process { $_ * 2 } }; 1..3 | Double-It'), [2, 4, 6]);
    assert.deepEqual(await values('filter Add-Hundred { $_ + 100 }; 1..2 | Add-Hundred'), [101, 102]);
    assert.deepEqual(await values('function Get-Total { $input | Measure-Object -Sum | ForEach-Object Sum }; 1..4 | Get-Total'), [10]);
  });

  it('an advanced function without a pipeline parameter still refuses input', async () => {
    const r = await shell.run('function Test-Refuse { [CmdletBinding()] param() process { "ran" } }; 1 | Test-Refuse');
    assert.match(r.err, /cannot be bound to any parameters/);
    assert.doesNotMatch(r.out, /ran/);
  });
});

describe('functions called many times (their declaration is built once)', () => {
  it('each call gets its own scope, dot-sourcing and recursion still work', async () => {
    assert.deepEqual(await values('function Set-X { $x = 5 }; Set-X; "[$x]"; . Set-X; "[$x]"'), ['[]', '[5]']);
    assert.deepEqual(await values('function Get-Sum($n) { if ($n -le 0) { 0 } else { $n + (Get-Sum ($n - 1)) } }; Get-Sum 10'), [55]);
    assert.deepEqual(await values('function Show-V { $v }; function Call-It { $v = "inner"; Show-V }; Call-It; $v = "outer"; Show-V'), ['inner', 'outer']);
  });

  it('[ValidateScript()] runs for every call', async () => {
    const r = await shell.run('function Test-Positive { param([ValidateScript({ $_ -gt 0 })][int]$N) $N }; Test-Positive 5; Test-Positive -1');
    assert.match(r.out, /5/);
    assert.match(r.err, /validation script/);
  });
});
