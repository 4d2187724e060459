// The prompt's view of the real parser and highlighter.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { grammarLanguage } from '../../../src/host/repl/grammar-language.ts';
import { layoutInput } from '../../../src/host/repl/layout.ts';

const lang = grammarLanguage();

describe('grammar language', () => {
  it('says which input needs a continuation line', () => {
    for (const t of ['if ($x) {', 'Get-Item |', 'Get-Item `', '"abc', '@(1,']) assert.equal(lang.isIncomplete(t), true, t);
    for (const t of ['Get-Date', 'if ($x) { 1 }', '']) assert.equal(lang.isIncomplete(t), false, t);
  });
  it('reports parse errors of complete input only', () => {
    assert.deepEqual(lang.errors('if ($x) {'), []);
    assert.ok(lang.errors('Get-Item ))').length > 0);
    assert.deepEqual(lang.errors('Get-Date'), []);
  });
  it('colours a command line as PSReadLine does', () => {
    const text = 'Get-ChildItem -Path "c:\\x" $HOME 42 | % { $_.Name } # note';
    const l = layoutInput({ prompt: '> ', continuation: '>> ', text, cursor: 0, spans: lang.classify(text), width: 100 });
    const styled = Object.fromEntries(l.rows[0].filter((s) => s.style && s.style !== 'prompt').map((s) => [s.text.trim(), s.style]));
    assert.equal(styled['Get-ChildItem'], 'command');
    assert.equal(styled['-Path'], 'parameter');
    assert.equal(styled['"c:\\x"'], 'string');
    assert.equal(styled.$HOME, 'variable');
    assert.equal(styled['42'], 'number');
    assert.equal(styled.Name, 'member');
    assert.equal(styled['# note'], 'comment');
  });
});
