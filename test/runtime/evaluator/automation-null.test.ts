// "No output" (AutomationNull) is kept apart from $null as PowerShell does: a command or statement that
// wrote nothing pipes nothing and runs no foreach or switch turn, even from a variable; as an operand,
// argument or condition it is $null (PowerShell issues 7049, 9150, 14920, 5674, 10313).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createShell } from '../../helpers/run.ts';

describe('AutomationNull: "no output" versus $null', () => {
  const shell = createShell();
  after(() => shell.dispose());
  before(async () => {
    await shell.run('function Get-None {}; function Get-Null { return $null }; function Show-Arg($a) { if ($null -eq $a) { "null" } else { "value" }; $a | ForEach-Object { "piped" } }');
  });

  const out = async (code: string) => {
    const r = await shell.run(code);
    assert.equal(r.err, '', `no error from: ${code}`);
    return r.out;
  };

  describe('piping "no output" sends nothing', () => {
    const nothing: [string, string][] = [
      ['a script block that writes nothing', '(& {}) | % {"x"}'],
      ['an empty subexpression', '$() | % {"x"}'],
      ['a subexpression whose if writes nothing', '$(if ($false) {1}) | % {"z"}'],
      ['a variable holding a script block\'s nothing', '$v = & {}; $v | % {"w"}'],
      ['a variable holding a function\'s nothing', '$r = Get-None; $r | % {"q"}'],
      ['a copy of such a variable', '$v = & {}; $w = $v; $w | % {"w"}'],
      ['a parenthesised variable', '$v = Get-None; ($v) | % {"p"}'],
      ['an empty array', '@() | % {"e"}'],
      ['a command in a pipeline', 'Get-None | % {"c"}'],
    ];
    for (const [what, code] of nothing) {
      it(what, async () => assert.equal(await out(code), ''));
    }

    it('while $null is one object', async () => {
      assert.equal(await out('$null | % {"n"}'), 'n\n');
      assert.equal(await out('Get-Null | % {"n"}'), 'n\n');
      assert.equal(await out('$n = Get-Null; $n | % {"n"}'), 'n\n');
    });

    it('as an element of an array it is skipped, $null is not', async () => {
      assert.equal(await out('$v = & {}; 1, $v, 2, $v, 3 | % {"[$_]"}'), '[1]\n[2]\n[3]\n');
      assert.equal(await out('$v = & {}; $a = 1, $v, 2; $a.Count; $a | % {"[$_]"}'), '3\n[1]\n[2]\n');
      assert.equal(await out('1, $null, 2 | % {"[$_]"}'), '[1]\n[]\n[2]\n');
    });

    it('written as output it writes nothing', async () => {
      assert.deepEqual(await shell.values('$v = Get-None; $v'), []);
      assert.deepEqual(await shell.values('$v = Get-None; 1, $v, 2'), [1, 2]);
      assert.deepEqual(await shell.values('& { $v = Get-None; return $v }'), []);
      assert.deepEqual(await shell.values('$null'), [null]);
    });

    it('a script block body that writes a variable holding nothing writes nothing', async () => {
      assert.equal(await out('$v = Get-None; 1, 2 | % { $v } | % { "leak" }'), '');
      assert.equal(await out('$v = Get-None; 1..2 | % { $v, 3 } | % { "[$_]" }'), '[3]\n[3]\n');
    });

    it('a chained assignment stores nothing in both variables', async () => {
      assert.equal(await out('$a = $b = Get-None; $a | % { "a" }; $b | % { "b" }; $null -eq $a'), 'True\n');
    });

    it('Get-Member reports no input', async () => {
      const r = await shell.run('$v = Get-None; $v | Get-Member');
      assert.match(r.err, /You must specify an object for the Get-Member cmdlet\./);
    });
  });

  describe('in expressions it is $null', () => {
    const cases: [string, string][] = [
      ['$v -eq $null', 'True'],
      ['$null -eq $v', 'True'],
      ['$v -ne $null', 'False'],
      ['$v.Count', '0'],
      ['"[$v]"', '[]'],
      ['[string]::IsNullOrEmpty($v)', 'True'],
      ['if ($v) { "yes" } else { "no" }', 'no'],
      ['-not $v', 'True'],
      ['$v -is [object]', 'False'],
      ['[int]$v', '0'],
      ['$v + 1', '1'],
      ['"a" + $v', 'a'],
      ['$v -like ""', 'True'],
      ['(Get-None) -eq $null', 'True'],
      ['(Get-None).Count', '0'],
      ['"[$(Get-None)]"', '[]'],
      ['[string]::IsNullOrEmpty((Get-None))', 'True'],
      ['$null -eq $(if ($false) { 1 })', 'True'],
      ['$h = @{ a = $v }; $h.ContainsKey("a"); $null -eq $h.a', 'True\nTrue'],
      ['"{0}|" -f $v', '|'],
    ];
    for (const [code, expected] of cases) {
      it(code, async () => assert.equal(await out(`$v = Get-None; ${code}`), `${expected}\n`));
    }
  });

  describe('@() and counting', () => {
    it('@($v).Count is 0 while @($null).Count is 1', async () => {
      assert.equal(await out('$v = Get-None; @($v).Count; @($null).Count; @(Get-None).Count; @(Get-Null).Count'), '0\n1\n0\n1\n');
    });
  });

  describe('as a command argument it becomes $null (issue 9150)', () => {
    it('a variable holding nothing', async () => {
      assert.equal(await out('$v = Get-None; Show-Arg $v'), 'null\npiped\n');
    });
    it('a parenthesised command that writes nothing', async () => {
      assert.equal(await out('Show-Arg (Get-None)'), 'null\npiped\n');
    });
    it('a named parameter and an element of an array argument', async () => {
      assert.equal(await out('$v = Get-None; Show-Arg -a $v'), 'null\npiped\n');
      assert.equal(await out('function Count-Nulls($items) { @($items | Where-Object { $null -eq $_ }).Count }; $v = Get-None; $a = 1, $v; Count-Nulls $a'), '1\n');
    });
    it('a cmdlet argument', async () => {
      assert.equal(await out('$v = Get-None; Set-Variable -Name k -Value $v; $k | % { "piped" }'), 'piped\n');
    });
    it('splatting a variable that holds nothing passes no argument', async () => {
      assert.equal(await out('function Count-Args { $args.Count }; $v = Get-None; Count-Args @v'), '0\n');
    });
  });

  describe('foreach and switch', () => {
    it('foreach runs no turn over nothing, as over $null', async () => {
      assert.equal(await out('foreach ($x in (Get-None)) { "ran" }'), '');
      assert.equal(await out('foreach ($x in Get-None) { "ran" }'), '');
      assert.equal(await out('$v = Get-None; foreach ($x in $v) { "ran" }'), '');
      assert.equal(await out('foreach ($x in $null) { "ran" }'), '');
    });

    it('foreach over a bare command that returns $null runs once, in parentheses never (issue 5674)', async () => {
      assert.equal(await out('foreach ($x in Get-Null) { "once" }'), 'once\n');
      assert.equal(await out('foreach ($x in (Get-Null)) { "never" }'), '');
    });

    it('foreach over an array keeps a "nothing" element as a turn that reads $null', async () => {
      assert.equal(await out('$v = Get-None; foreach ($x in 1, $v, 2) { "<$x>" }'), '<1>\n<>\n<2>\n');
    });

    it('switch over nothing runs no clause, not even default; over $null it does', async () => {
      assert.equal(await out('$v = Get-None; switch ($v) { default { "d" } }'), '');
      assert.equal(await out('switch (Get-None) { $null { "n" } default { "d" } }'), '');
      assert.equal(await out('switch ($null) { $null { "n" } }'), 'n\n');
    });
  });

  describe('stores', () => {
    it('a property or an element assigned nothing holds $null', async () => {
      assert.equal(await out('$o = [pscustomobject]@{ p = 1 }; $o.p = Get-None; $null -eq $o.p; $o.p | % { "piped" }'), 'True\npiped\n');
      assert.equal(await out('$a = 1, 2; $a[0] = Get-None; $a | % { "[$_]" }'), '[]\n[2]\n');
    });

    it('a typed variable converts it as $null', async () => {
      assert.equal(await out('[int]$n = Get-None; $n'), '0\n');
    });

    it('an environment variable assigned nothing is removed', async () => {
      assert.equal(await out('$env:EMSH_AN_TEST = "x"; $env:EMSH_AN_TEST = Get-None; $null -eq $env:EMSH_AN_TEST'), 'True\n');
    });
  });

  it('the admin case: removing what a filter did not find does nothing', async () => {
    const code = 'function Remove-Thing { param([Parameter(ValueFromPipeline)]$InputObject) process { "removing [$InputObject]" } }; ' +
      '$found = 1, 2 | Where-Object { $_ -gt 5 }; $found | Remove-Thing';
    assert.equal(await out(code), '');
  });
});
