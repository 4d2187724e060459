// The language end to end: text → parser → evaluator → objects. Values are compared, not formatting.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PSHashtable, PSObject } from '../../../src/runtime/values.ts';
import { createShell, type Shell } from '../../helpers/run.ts';

let shell: Shell;
before(() => {
  shell = createShell();
});
after(() => shell.dispose());

async function values(code: string): Promise<unknown[]> {
  return shell.values(code);
}
async function value(code: string): Promise<unknown> {
  const v = await values(code);
  assert.equal(v.length, 1, `expected one value from ${code}, got ${JSON.stringify(v)}`);
  return v[0];
}

describe('expressions', () => {
  it('does arithmetic with PowerShell precedence and conversions', async () => {
    assert.equal(await value('1 + 2 * 3'), 7);
    assert.equal(await value('5 / 2'), 2.5);
    assert.equal(await value('"1" + 2'), '12');
    assert.equal(await value('1 + "2"'), 3);
    assert.equal(await value('2gb / 1gb'), 2);
    assert.equal(await value('-not $false -and $true'), true);
  });

  it('writes arrays one element at a time and keeps @() arrays intact in variables', async () => {
    assert.deepEqual(await values('1, 2, 3'), [1, 2, 3]);
    assert.deepEqual(await values('$a = @(1); $a.Count'), [1]);
    assert.deepEqual(await values('@()'), []);
    assert.deepEqual(await values('$a = 1..3; $a[-1]'), [3]);
  });

  it('expands variables and subexpressions in double-quoted strings only', async () => {
    assert.equal(await value('$n = "World"; "Hello $n"'), 'Hello World');
    assert.equal(await value("$n = 'x'; 'Hello $n'"), 'Hello $n');
    assert.equal(await value('$a = 1,2; "$($a.Count) items: $a"'), '2 items: 1 2');
  });

  it('builds hashtables and custom objects in order', async () => {
    const h = await value('@{ b = 1; a = 2 }');
    assert.ok(h instanceof PSHashtable);
    assert.deepEqual(h.keys(), ['b', 'a']);
    const o = await value('[pscustomobject]@{ Name = "x"; Size = 2 }');
    assert.ok(o instanceof PSObject);
    assert.deepEqual(o.propertyNames(), ['Name', 'Size']);
  });

  it('filters with comparison operators when the left side is an array', async () => {
    assert.deepEqual(await values('1,2,3,4 -gt 2'), [3, 4]);
    assert.equal(await value('"mail.contoso.com" -like "*.contoso.com"'), true);
  });

  it('sets $Matches on -match', async () => {
    assert.equal(await value('if ("CN=mail1.contoso.com" -match "CN=(?<cn>[^,]+)") { $Matches.cn }'), 'mail1.contoso.com');
  });

  it('increments and assigns compound values', async () => {
    assert.equal(await value('$i = 1; $i++; $i += 10; $i'), 12);
    assert.deepEqual(await values('$i = 5; $i++'), []);
    assert.deepEqual(await values('$a, $b = 1, 2, 3; $b.Count'), [2]);
  });
});

describe('control flow', () => {
  it('runs if/elseif/else', async () => {
    assert.equal(await value('$x = 5; if ($x -lt 3) { "small" } elseif ($x -lt 10) { "medium" } else { "large" }'), 'medium');
  });

  it('loops with foreach, for, while, do', async () => {
    assert.deepEqual(await values('foreach ($i in 1..3) { $i * 10 }'), [10, 20, 30]);
    assert.deepEqual(await values('for ($i = 0; $i -lt 3; $i++) { $i }'), [0, 1, 2]);
    assert.deepEqual(await values('$i = 0; while ($i -lt 2) { $i; $i++ }'), [0, 1]);
    assert.deepEqual(await values('$i = 0; do { $i; $i++ } until ($i -ge 2)'), [0, 1]);
  });

  it('honours labelled break and continue', async () => {
    assert.deepEqual(
      await values(':outer foreach ($a in 1..3) { foreach ($b in 1..3) { if ($b -eq 2) { continue outer }; if ($a -eq 3) { break outer }; "$a$b" } }'),
      ['11', '21'],
    );
  });

  it('matches switch clauses, with -Wildcard and default', async () => {
    assert.deepEqual(await values('switch (1, 5) { 1 { "one" } { $_ -gt 3 } { "big" } default { "other" } }'), ['one', 'big']);
    assert.deepEqual(await values('switch -Wildcard ("mail.contoso.com") { "*.fabrikam.com" { 1 } "*.contoso.com" { 2 } }'), [2]);
  });

  it('catches by exception type and runs finally', async () => {
    assert.deepEqual(await values('try { 1/0 } catch [System.DivideByZeroException] { "caught" } finally { "done" }'), ['caught', 'done']);
    assert.deepEqual(await values('try { throw "boom" } catch { $_.Exception.Message }'), ['boom']);
  });
});

describe('functions and scopes', () => {
  it('binds function parameters by name and position, with defaults', async () => {
    assert.equal(await value('function Add($a, $b = 10) { $a + $b }; Add 1'), 11);
    assert.equal(await value('function Add($a, $b = 10) { $a + $b }; Add -b 2 -a 1'), 3);
  });

  it('binds advanced function parameters through the cmdlet binder', async () => {
    const code = `
      function Get-Square {
        [CmdletBinding()]
        param([Parameter(Mandatory, ValueFromPipeline)][int]$Number)
        process { $Number * $Number }
      }
      1..3 | Get-Square`;
    assert.deepEqual(await values(code), [1, 4, 9]);
  });

  it('collects extra arguments of simple functions in $args', async () => {
    assert.deepEqual(await values('function f { $args.Count }; f a b c'), [3]);
  });

  it('uses dynamic scopes: a child sees the parent, assignments stay local', async () => {
    assert.deepEqual(await values('$x = 1; function f { $x; $x = 2; $x }; f; $x'), [1, 2, 1]);
    assert.deepEqual(await values('function g { $script:y = 5 }; g; $y'), [5]);
  });

  it('returns early with return', async () => {
    assert.deepEqual(await values('function f { 1; return 2; 3 }; f'), [1, 2]);
  });
});

describe('pipelines', () => {
  it('streams through ForEach-Object and Where-Object', async () => {
    assert.deepEqual(await values('1..10 | Where-Object { $_ % 2 -eq 0 } | ForEach-Object { $_ * 10 }'), [20, 40, 60, 80, 100]);
  });

  it('splats hashtables and arrays', async () => {
    assert.equal(await value('function f($a, $b) { "$a-$b" }; $p = @{ b = 2; a = 1 }; f @p'), '1-2');
  });
});

describe('errors', () => {
  it('reports a statement-terminating error and goes on with the next statement', async () => {
    const { out, err } = await shell.run('1/0; "after"');
    assert.match(err, /Attempted to divide by zero\./);
    assert.match(out, /after/);
  });

  it('stops the script on throw', async () => {
    const { out, err, result } = await shell.run('throw "stop here"; "never"');
    assert.equal(result.ok, false);
    assert.match(err, /stop here/);
    assert.doesNotMatch(out, /never/);
  });

  it('reports an unknown command with PowerShell wording and sets $?', async () => {
    const { err } = await shell.run('Get-Nothing');
    assert.match(err, /The term 'Get-Nothing' is not recognized as the name of a cmdlet, function, script file, or operable program\./);
    assert.deepEqual(await values('$?'), [false]);
  });

  it('reports a parse error with its line and column', async () => {
    const { err, result } = await shell.run('if ($true) {\n  "x"\n');
    assert.equal(result.parseFailed, true);
    assert.match(err, /Missing closing '\}' in statement block or type definition\./);
  });
});
