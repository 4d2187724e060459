import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { layoutInput, layoutList, rowsText } from '../../../src/host/repl/layout.ts';
import { rowAnsi } from '../../../src/host/repl/styles.ts';
import { fakeLanguage } from './fake-language.ts';

const base = { prompt: 'PS C:\\> ', continuation: '>> ', width: 80 };

describe('input layout', () => {
  it('puts the prompt and text on a row with the cursor after the text', () => {
    const l = layoutInput({ ...base, text: 'Get-Date', cursor: 8 });
    assert.equal(rowsText(l.rows), 'PS C:\\> Get-Date');
    assert.deepEqual(l.cursor, { x: 16, y: 0 });
  });
  it('wraps long input at the width, as a terminal does, and finds the cursor there', () => {
    const text = 'Write-Output ' + 'x'.repeat(80);
    const l = layoutInput({ ...base, text, cursor: 70 });
    assert.equal(l.rows.length, 2);
    assert.equal(rowsText([l.rows[0]]).length, 80);
    assert.deepEqual(l.cursor, { x: 78 - 80 + 80, y: 0 });
    const end = layoutInput({ ...base, text, cursor: text.length });
    assert.deepEqual(end.cursor, { x: 8 + text.length - 80, y: 1 });
  });
  it('moves the cursor to a new row when the text fills the last one exactly', () => {
    const text = 'x'.repeat(72);
    const l = layoutInput({ ...base, text, cursor: 72 });
    assert.deepEqual(l.cursor, { x: 0, y: 1 });
    assert.equal(l.rows.length, 2);
  });
  it('shows continuation prompts on the lines of a multi-line input', () => {
    const l = layoutInput({ ...base, text: 'if ($x) {\n  1\n}', cursor: 12 });
    assert.equal(rowsText(l.rows), 'PS C:\\> if ($x) {\n>>   1\n>> }');
    assert.deepEqual(l.cursor, { x: 5, y: 1 });
  });
  it('colours tokens with PSReadLine defaults', () => {
    const text = "Get-Item -Path 'x' $v 42";
    const l = layoutInput({ ...base, text, cursor: text.length, spans: fakeLanguage.classify(text) });
    const styles = l.rows[0].filter((s) => s.style && s.style !== 'prompt').map((s) => [s.text, s.style]);
    assert.deepEqual(styles, [
      ['Get-Item', 'command'],
      ['-Path', 'parameter'],
      ["'x'", 'string'],
      ['$v', 'variable'],
      ['42', 'number'],
    ]);
    const ansi = rowAnsi(l.rows[0], true);
    assert.match(ansi, /\x1b\[93mGet-Item\x1b\[0m/);
    assert.match(ansi, /\x1b\[90m-Path\x1b\[0m/);
    assert.match(ansi, /\x1b\[36m'x'\x1b\[0m/);
    assert.match(ansi, /\x1b\[92m\$v\x1b\[0m/);
  });
  it('marks a parse error in red, underlined, and the prompt\'s > in red', () => {
    const text = '(1))';
    const l = layoutInput({ ...base, text, cursor: 4, errors: fakeLanguage.errors(text), promptError: true });
    const marked = l.rows[0].filter((s) => s.underline);
    assert.deepEqual(marked, [{ text: ')', style: 'error', underline: true }]);
    assert.deepEqual(l.rows[0].find((s) => s.style === 'prompt-error'), { text: '>', style: 'prompt-error' });
    assert.match(rowAnsi(l.rows[0], true), /\x1b\[91;4m\)\x1b\[0m/);
  });
  it('writes plain text with NO_COLOR', () => {
    const text = 'Get-Item -Path x';
    const l = layoutInput({ ...base, text, cursor: 0, spans: fakeLanguage.classify(text), suggestion: 'abc' });
    assert.equal(rowAnsi(l.rows[0], false), 'PS C:\\> Get-Item -Path xabc');
  });
  it('draws the prediction after the cursor, dimmed', () => {
    const l = layoutInput({ ...base, text: 'Get-Ex', cursor: 6, suggestion: 'changeCertificate' });
    assert.equal(rowsText(l.rows), 'PS C:\\> Get-ExchangeCertificate');
    assert.deepEqual(l.rows[0][l.rows[0].length - 1], { text: 'changeCertificate', style: 'prediction' });
    assert.deepEqual(l.cursor, { x: 14, y: 0 });
  });
  it('masks secrets', () => {
    const l = layoutInput({ ...base, prompt: 'Password: ', text: 'P@ss', cursor: 4, mask: true });
    assert.equal(rowsText(l.rows), 'Password: ****');
  });
  it('counts wide characters as two cells', () => {
    const l = layoutInput({ ...base, prompt: '> ', text: '日本', cursor: 2 });
    assert.deepEqual(l.cursor, { x: 6, y: 0 });
  });
});

describe('completion list layout', () => {
  const items = Array.from({ length: 30 }, (_, i) => ({ text: `Item${i}`, display: `Item${i}`, kind: 'command' as const }));
  it('arranges candidates in columns and highlights the current one', () => {
    const rows = layoutList(items.slice(0, 5), 1, 40, 10);
    assert.equal(rows.length, 1);
    assert.equal(rowsText(rows).trimEnd(), 'Item0  Item1  Item2  Item3  Item4');
    assert.deepEqual(rows[0].find((s) => s.style === 'selected'), { text: 'Item1', style: 'selected' });
  });
  it('shows a window around the selection when there are too many rows', () => {
    const rows = layoutList(items, 29, 20, 4);
    assert.equal(rows.length, 4);
    assert.match(rowsText(rows), /Item29/);
    assert.match(rowsText([rows[3]]), /30 possibilities/);
  });
});
