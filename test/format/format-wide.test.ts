// Format-Wide: one property per object in columns sharing the width (PowerShell's Format-Wide.Tests.ps1
// only checks that values appear; the layout follows WideOutputContext + ColumnWidthManager).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatWide } from '../../src/format/format-commands.ts';
import { hashtable, obj, text } from './helpers.ts';

const names = ['Testdir01', 'Testdir02', 'TestFile01.txt', 'TestFile02.txt', 'x'].map((Name, i) => obj({ Name, Length: i }));

test('two columns by default, sharing the width (left one padded, the right one not)', () => {
  assert.equal(
    formatWide(names.slice(0, 4), { width: 40 }),
    text('', `${'Testdir01'.padEnd(20)} Testdir02`, `${'TestFile01.txt'.padEnd(20)} TestFile02.txt`, '', ''),
  );
});

test('-Column 3: widths 13/13/12 share 40 cells; a partial last row keeps the padding of its filled cells', () => {
  assert.equal(
    formatWide(names, { width: 40, column: 3 }),
    text('', 'Testdir01     Testdir02     TestFile0...', `TestFile02... ${'x'.padEnd(13)} `, '', ''),
  );
});

test('-AutoSize fits as many columns as the widest value allows (14 cells: two in 40)', () => {
  assert.equal(
    formatWide(names, { width: 40, autoSize: true }),
    text('', `${'Testdir01'.padEnd(20)} Testdir02`, `${'TestFile01.txt'.padEnd(20)} TestFile02.txt`, `${'x'.padEnd(20)} `, '', ''),
  );
  // 9-cell values: four columns (10/9/9/9) fit in 40; two values leave two empty padded cells.
  assert.equal(formatWide(names.slice(0, 2), { width: 40, autoSize: true }).split('\n')[1], `Testdir01  Testdir02 ${' '.repeat(9)} `);
});

test('-Property picks the value; the display name (Name/Id/Key) otherwise; hashtables by key', () => {
  assert.equal(formatWide(names.slice(0, 2), { width: 20, property: 'Length' }), text('', `${'0'.padEnd(10)} 1`, '', ''));
  assert.equal(formatWide([obj({ A: 1, B: 2, C: 3 })], { width: 20 }), text('', `${'1'.padEnd(10)} `, '', ''));
  assert.match(formatWide([hashtable({ array: [1, 2] })], { width: 20 }), /^\narray {6}\n/);
});

test('strings print as they are unless -Force', () => {
  assert.equal(formatWide(['Line1', 'Line2'], { width: 20 }), 'Line1\nLine2\n');
  assert.equal(formatWide(['Line1', 'Line2'], { width: 20, force: true }), text('', `${'Line1'.padEnd(10)} Line2`, '', ''));
});
