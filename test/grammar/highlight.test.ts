// Syntax colouring for the REPL (no PowerShell test equivalent: PowerShell's token kinds and PSReadLine's
// colour categories were the model).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classify } from '../../grammar/highlight.ts';

function colours(text: string): string[] {
  return classify(text).map((r) => `${text.slice(r.start, r.end)}:${r.kind}`);
}

test('commands, parameters, variables, pipes and comments', () => {
  assert.deepEqual(colours('Get-ExchangeCertificate -Thumbprint $t | FL # c'), [
    'Get-ExchangeCertificate:command', '-Thumbprint:parameter', '$t:variable', '|:operator', 'FL:command', '# c:comment',
  ]);
});

test('keywords, operators, numbers, types and members', () => {
  const result = colours('if ($x -eq 5) { [Math]::Round(2.5) }');
  for (const expected of ['if:keyword', '$x:variable', '-eq:operator', '5:number', 'Math:type', 'Round:member', '2.5:number']) {
    assert.ok(result.includes(expected), `${expected} in ${result.join(' ')}`);
  }
});

test('strings, with expanded variables coloured as variables', () => {
  assert.deepEqual(colours('"a $x b"'), ['"a :string', '$x:variable', 'b":string']);
  assert.deepEqual(colours("'lit'"), ["'lit':string"]);
});

test('bareword arguments are text, a keyword used as an argument is not a keyword', () => {
  assert.deepEqual(colours('Write-Output if mail.contoso.com'), ['Write-Output:command', 'if:text', 'mail.contoso.com:text']);
});

test('errors are marked, unfinished input is not', () => {
  assert.deepEqual(colours('1 2'), ['1:number', '2:error']);
  assert.deepEqual(colours('"abc'), ['"abc:string']);
  assert.deepEqual(colours('Write-Output (1 + '), ['Write-Output:command', '(:text', '1:number', '+:operator']);
});

test('ranges are ordered, non-overlapping and within the text; odd input never throws', () => {
  for (const text of ['', '`', '@"', '$', '${', '[', '@{ a = ', '"$(', '<#', '\u0000\u00ff', 'a'.repeat(2000), '(((((((((']) {
    const ranges = classify(text);
    let last = 0;
    for (const r of ranges) {
      assert.ok(r.start >= last && r.end > r.start && r.end <= text.length, `${JSON.stringify(text)} ${JSON.stringify(r)}`);
      last = r.end;
    }
  }
});
