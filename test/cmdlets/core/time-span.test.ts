// New-TimeSpan (dates or parts, parameter sets, pipeline binding of LastWriteTime) and Measure-Command
// (a TimeSpan, the block's output discarded, run once per piped object).
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createShell } from '../../helpers/run.ts';
import { TimeSpan } from '../../../src/runtime/values.ts';

describe('New-TimeSpan', () => {
  const shell = createShell();
  after(() => shell.dispose());

  it('builds a span from its parts', async () => {
    const [span] = (await shell.values('New-TimeSpan -Days 1 -Hours 2 -Minutes 3 -Seconds 4')) as TimeSpan[];
    assert.ok(span instanceof TimeSpan);
    assert.equal(span.totalMilliseconds, ((26 * 60 + 3) * 60 + 4) * 1000);
  });

  it('measures between dates, positionally, negative when End is earlier', async () => {
    assert.deepEqual(await shell.values("(New-TimeSpan '2026-01-01 10:00' '2026-01-01 12:30').TotalMinutes"), [150]);
    assert.deepEqual(await shell.values("(New-TimeSpan -Start '2026-01-02' -End '2026-01-01').Days"), [-1]);
  });

  it('defaults End to now and binds Start from LastWriteTime', async () => {
    const [days] = await shell.values("([pscustomobject]@{ LastWriteTime = (Get-Date).AddDays(-3) } | New-TimeSpan).Days");
    assert.equal(days, 3);
  });

  it('refuses to mix the two parameter sets', async () => {
    const r = await shell.run("New-TimeSpan -Start '2026-01-01' -Days 2");
    assert.match(r.err, /Parameter set cannot be resolved/);
  });
});

describe('Measure-Command', () => {
  const shell = createShell();
  after(() => shell.dispose());

  it('writes one TimeSpan and discards the block output', async () => {
    const out = await shell.values("Measure-Command { 'discarded'; 1..5 }");
    assert.equal(out.length, 1);
    assert.ok(out[0] instanceof TimeSpan);
    assert.ok((out[0] as TimeSpan).totalMilliseconds >= 0);
  });

  it('runs the block once per piped object with $_ set, and once without input', async () => {
    assert.deepEqual(await shell.values('$seen = @(); 4, 5 | Measure-Command { $script:seen += $_ } | Out-Null; $seen'), [4, 5]);
    assert.deepEqual(await shell.values('$count = 0; Measure-Command { $script:count++ } | Out-Null; $count'), [1]);
  });

  it('runs the block dot-sourced: its variables remain in the caller\'s scope', async () => {
    assert.deepEqual(await shell.values("Measure-Command { $left = 'behind' } | Out-Null; $left"), ['behind']);
  });

  it('still shows what the block writes to the host', async () => {
    const r = await shell.run("Measure-Command { Write-Host 'visible' } | Out-Null");
    assert.equal(r.out, 'visible\n');
  });
});
