// Format-Table layouts, byte-exact. Cases marked "PS:" match expectations in PowerShell's
// test/powershell/Modules/Microsoft.PowerShell.Utility/Format-Table.Tests.ps1 (same inputs, same output,
// with the Windows PowerShell `...` where the dialect is Desktop).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatTable } from '../../src/format/format-commands.ts';
import { registerView, unregisterViews } from '../../src/format/views.ts';
import { DayOfWeek, hashtable, obj, text, typed } from './helpers.ts';

const W = 120;

test('PS: implicit autosize, values wider than headers (three variations)', () => {
  assert.equal(
    formatTable([obj({ abc: '1234', bcd: '123' }), obj({ abc: '1', bcd: '1234' })], { width: W }),
    text('', 'abc  bcd', '---  ---', '1234 123', '1    1234', '', ''),
  );
  assert.equal(
    formatTable([obj({ abc: '1234', bcd: '1234' }), obj({ abc: '1', bcd: '1' })], { width: W }),
    text('', 'abc  bcd', '---  ---', '1234 1234', '1    1', '', ''),
  );
  assert.equal(
    formatTable([obj({ abc: '123', bcd: '1234' }), obj({ abc: '1', bcd: '123' })], { width: W }),
    text('', 'abc bcd', '--- ---', '123 1234', '1   123', '', ''),
  );
});

test('PS: header shorter than the column, justification left/right, left/left, right/left, right/right', () => {
  assert.equal(formatTable([obj({ a: 'abc', b: 123 })], { width: W }), text('', 'a     b', '-     -', 'abc 123', '', ''));
  assert.equal(formatTable([obj({ a: 'abc', b: 'abc' })], { width: W }), text('', 'a   b', '-   -', 'abc abc', '', ''));
  assert.equal(formatTable([obj({ a: 123, b: 'abc' })], { width: W }), text('', '  a b', '  - -', '123 abc', '', ''));
  assert.equal(formatTable([obj({ a: 123, b: 123 })], { width: W }), text('', '  a   b', '  -   -', '123 123', '', ''));
});

test('PS: -Wrap spreads a multi-line value over several lines (right, left, middle)', () => {
  const content = 'This\nIs some random\nmultiline content';
  assert.equal(
    formatTable([obj({ A: 1, B: 2, Name: content })], { width: W, wrap: true }),
    text('', 'A B Name', '- - ----', '1 2 This', '    Is some random', '    multiline content', '', ''),
  );
  const pad = ' '.repeat(34);
  assert.equal(
    formatTable([obj({ Name: content, A: 1, B: 2 })], { width: W, wrap: true }),
    text('', `Name${pad}A B`, `----${pad}- -`, `This${pad}1 2`, 'Is some random', 'multiline content', '', ''),
  );
  assert.equal(
    formatTable([obj({ A: 1, Name: content, B: 2 })], { width: W, wrap: true }),
    text('', `A Name${pad}B`, `- ----${pad}-`, `1 This${pad}2`, '  Is some random', '  multiline content', '', ''),
  );
});

test('without -Wrap an embedded newline cuts the cell at the first line, with an ellipsis', () => {
  const o = obj({ Name: 'first\nsecond', N: 1 });
  // The column is as wide as the whole value (12 cells, newline included), as PowerShell measures it.
  assert.equal(formatTable([o], { width: W }), text('', 'Name         N', '----         -', 'first...     1', '', ''));
  assert.equal(
    formatTable([o], { width: W, dialect: 'Core' }),
    text('', 'Name         N', '----         -', 'first\u2026       1', '', ''),
  );
});

test('PS: -AutoSize: name size booleanValue, numbers and booleans right-aligned', () => {
  const rows = [obj({ name: 'Bob', size: 1234, booleanValue: true }), obj({ name: 'Jim', size: 5678, booleanValue: false })];
  assert.equal(
    formatTable(rows, { width: W, autoSize: true }),
    text('', 'name size booleanValue', '---- ---- ------------', 'Bob  1234         True', 'Jim  5678        False', '', ''),
  );
});

test('PS: no trailing whitespace after the header; -HideTableHeaders rows have none either', () => {
  assert.equal(formatTable(['hello'], { width: W, properties: ['foo'], force: true }), text('', 'foo', '---', '', '', ''));
  assert.equal(formatTable([obj({ a: 1, b: 2 })], { width: W, hideTableHeaders: true }), text('', '1 2', '', ''));
});

test('PS: strings with -Force and -Property fox,bar: the columns, rows of empty cells', () => {
  const expected = text('', 'fox bar', '--- ---', '    ', '', '');
  assert.equal(formatTable(['single line string'], { width: W, properties: ['fox', 'bar'], force: true }), expected);
  assert.equal(formatTable(['line1\nline2'], { width: W, properties: ['fox', 'bar'], force: true }), expected);
  assert.equal(
    formatTable([['line1', 'line2']], { width: W, properties: ['fox', 'bar'], force: true }),
    text('', 'fox bar', '--- ---', '    ', '    ', '', ''),
  );
});

test('PS: empty hashtable and $null produce nothing', () => {
  assert.equal(formatTable([hashtable({})], { width: W, properties: ['foo', 'bar'] }), '');
  assert.equal(formatTable([null], { width: W, properties: ['foo', 'bar'] }), '');
});

test('strings without -Force are printed as they are, not as table rows', () => {
  assert.equal(formatTable(['hello', 'world'], { width: W, properties: ['foo'] }), 'hello\nworld\n');
});

test('PS: hashtable as the Name/Value table; Name column 30 wide; enumeration limit on values', () => {
  const h = hashtable({ array: Array.from({ length: 256 }, (_, i) => i) });
  const name = (s: string) => s.padEnd(31);
  assert.equal(
    formatTable([h], { width: W }),
    text('', `${name('Name')}Value`, `${name('----')}-----`, `${name('array')}{0, 1, 2, 3...}`, '', ''),
  );
  assert.equal(
    formatTable([h], { width: W, dialect: 'Core' }),
    text('', `${name('Name')}Value`, `${name('----')}-----`, `${name('array')}{0, 1, 2, 3\u2026}`, '', ''),
  );
});

test('PS: $FormatEnumerationLimit -1, 0, 1, 2 and 10 for @{test = 1, 2}', () => {
  const row = (limit: number) =>
    formatTable([hashtable({ test: [1, 2] })], { width: W, enumerationLimit: limit }).split('\n')[3];
  assert.equal(row(-1), `${'test'.padEnd(31)}{1, 2}`);
  assert.equal(row(0), `${'test'.padEnd(31)}{...}`);
  assert.equal(row(1), `${'test'.padEnd(31)}{1...}`);
  assert.equal(row(2), `${'test'.padEnd(31)}{1, 2}`);
  assert.equal(row(10), `${'test'.padEnd(31)}{1, 2}`);
});

test('PS: complex hashtable: int array, string array, enum values', () => {
  const h = hashtable({ intArray: [1, 2, 3, 4], arrayList: ['string1', 'string2'], enumerable: DayOfWeek.value(0) });
  const out = formatTable([h], { width: W });
  assert.match(out, /\nintArray {23}\{1, 2, 3, 4\}\n/);
  assert.match(out, /\narrayList {22}\{string1, string2\}\n/);
  assert.match(out, /\nenumerable {21}Sun\n/);
});

test('PS: double-byte characters take two cells', () => {
  const o = obj({ '\u54c7': '62', dbda: 'KM', '\u6d88\u606f': '\u5343' });
  assert.equal(formatTable([o], { width: W }), text('', '\u54c7 dbda \u6d88\u606f', '-- ---- ----', '62 KM   \u5343', '', ''));
});

test('PS: calculated column with width 10 and center alignment', () => {
  const out = formatTable([obj({ one: 1 })], {
    width: W,
    properties: [{ label: 'one', expression: 'one', width: 10, alignment: 'center' }],
  });
  assert.equal(out, text('', '   one', '   ---', '    1', '', ''));
});

test('PS (7.4): Core formats fractional numbers in tables with two decimals; Desktop shows them in full', () => {
  const o = obj({ double: 1234.56789, float: 9876.543 });
  assert.equal(formatTable([o], { width: W, dialect: 'Core' }).split('\n')[3], '1234.57 9876.54');
  assert.equal(formatTable([o], { width: W }).split('\n')[3], '1234.56789 9876.543');
});

test('a table wider than the screen: the last column shrinks and its values get an ellipsis', () => {
  const o = obj({ Name: 'short', Description: 'a very long description text here' });
  assert.equal(
    formatTable([o], { width: 20 }),
    text('', 'Name  Description', '----  -----------', 'short a very long...', '', ''),
  );
  assert.equal(
    formatTable([o], { width: 20, dialect: 'Core' }),
    text('', 'Name  Description', '----  -----------', 'short a very long d\u2026', '', ''),
  );
});

test('columns that cannot keep one cell are hidden from the right; a 1-cell label wraps per character', () => {
  const o = obj({ first: 'aaaaaaaa', second: 'bbbbbbbb', third: 'cccccccc' });
  const out = formatTable([o], { width: 10 });
  const col = (ch: string) => `${' '.repeat(9)}${ch}`;
  assert.equal(out, text('', 'first    s', ...[...'econd'].map(col), '-----    -', 'aaaaaaaa b', '', ''));
});

test('right-aligned values are cut at the head', () => {
  const o = obj({ Name: 'x', Size: 123456789012 });
  const out = formatTable([o], { width: 9, properties: ['Name', { label: 'Size', expression: 'Size', alignment: 'right' }] });
  assert.equal(out, text('', 'Name Size', '---- ----', 'x    ...2', '', ''));
});

test('wildcards select matching properties; missing plain names still get a column', () => {
  const o = obj({ CertificateDomains: ['a.com', 'b.com'], CertificateRequest: null, Other: 1 });
  assert.equal(
    formatTable([o], { width: W, properties: ['Cert*', 'Missing'] }),
    text('', 'CertificateDomains CertificateRequest Missing', '------------------ ------------------ -------', '{a.com, b.com}                        ', '', ''),
  );
});

test('calculated properties: label, expression function, format string', () => {
  const rows = [obj({ Name: 'mail', Bytes: 1536 }), obj({ Name: 'db', Bytes: 10485760 })];
  const out = formatTable(rows, {
    width: W,
    properties: ['Name', { label: 'KB', expression: (o) => Number((o as { getProperty(n: string): unknown }).getProperty('Bytes')) / 1024, formatString: '{0:N1}' }],
  });
  // Numeric expression results right-align the column, whatever the format string makes of them.
  assert.equal(out, text('', 'Name       KB', '----       --', 'mail      1.5', 'db   10,240.0', '', ''));
});

test('objects after the first share its columns (missing properties show empty)', () => {
  const out = formatTable([obj({ a: 'x' }), obj({ b: 'y' })], { width: W });
  assert.equal(out, text('', 'a', '-', 'x', '', '', ''));
});

test('-GroupBy: a table per group under "   Label: value"', () => {
  const rows = [obj({ Kind: 'Send', Name: 'Internet' }), obj({ Kind: 'Send', Name: 'Org' }), obj({ Kind: 'Receive', Name: 'Inet' })];
  assert.equal(
    formatTable(rows, { width: W, properties: ['Name'], groupBy: 'Kind' }),
    text('', '   Kind: Send', '', 'Name', '----', 'Internet', 'Org', '', '   Kind: Receive', '', 'Name', '----', 'Inet', '', ''),
  );
});

// Fixed-width views: PS's "render headers that span multiple rows" and "render rows" cases, with
// the view's columns LongLongHeader/Header2/Header3 over First/Second/Third.
const VIEW_TYPE = 'Test.Format';
function fixedView(widths: number[], alignments?: ('left' | 'right' | 'center')[]) {
  unregisterViews(VIEW_TYPE);
  registerView(VIEW_TYPE, {
    kind: 'table',
    columns: ['LongLongHeader', 'Header2', 'Header3'].slice(0, widths.length).map((label, i) => ({
      label,
      expression: ['First', 'Second', 'Third'][i],
      width: widths[i],
      alignment: alignments?.[i],
    })),
  });
}
const numbers = () => typed(VIEW_TYPE, { First: 1, Second: 2, Third: 3 });
const wide = () => typed(VIEW_TYPE, { First: '12345', Second: '12345678', Third: '123456' });
const star = (s: string) => s.replace(/\*/g, ' ');

test('PS: headers spanning multiple rows (7,7,7 / 4,7,4 / 4,4,7 / 14,7,3 / one column)', () => {
  fixedView([7, 7, 7]);
  assert.equal(formatTable([numbers()], { width: W }), text('', 'LongLon Header2 Header3', 'gHeader', '------- ------- -------', '1       2       3', '', ''));
  fixedView([4, 7, 4]);
  assert.equal(
    formatTable([numbers()], { width: W }),
    text('', 'Long Header2 Head', 'Long         er3', 'Head', 'er', '---- ------- ----', '1    2       3', '', ''),
  );
  fixedView([4, 4, 7]);
  assert.equal(
    formatTable([numbers()], { width: W }),
    text('', 'Long Head Header3', 'Long er2', 'Head', 'er', '---- ---- -------', '1    2    3', '', ''),
  );
  fixedView([14, 7, 3]);
  assert.equal(
    formatTable([numbers()], { width: W }),
    text('', 'LongLongHeader Header2 Hea', `${' '.repeat(23)}der`, `${' '.repeat(23)}3`, '-------------- ------- ---', '1              2       3', '', ''),
  );
  fixedView([4]);
  assert.equal(formatTable([numbers()], { width: W }), text('', 'Long', 'Long', 'Head', 'er', '----', '1', '', ''));
  unregisterViews(VIEW_TYPE);
});

test('PS: rows in fixed left/right/center columns: narrow, wide (truncated), wrapped', () => {
  const header = ['Long*Header2*Heade', 'Long**********r3', 'Head', 'er', '----*-------*-----'].map(star);
  fixedView([4, 7, 5], ['left', 'right', 'center']);
  assert.equal(formatTable([numbers()], { width: W, dialect: 'Core' }), text('', ...header, star('1**********2***3'), '', ''));
  assert.equal(formatTable([numbers()], { width: W, dialect: 'Core', wrap: true }), text('', ...header, star('1**********2***3'), '', ''));
  assert.equal(
    formatTable([wide()], { width: W, dialect: 'Core' }),
    text('', ...header, '123\u2026 \u2026345678 1234\u2026', '', ''),
  );
  assert.equal(formatTable([wide()], { width: W }), text('', ...header, '1... ...5678 12...', '', ''));
  assert.equal(
    formatTable([wide()], { width: W, dialect: 'Core', wrap: true }),
    text('', ...header, '1234 1234567 12345', star('5**********8***6'), '', ''),
  );
  fixedView([4, 8, 6], ['left', 'right', 'center']);
  assert.equal(
    formatTable([wide()], { width: W, dialect: 'Core', wrap: true }),
    text('', ...['Long**Header2*Header', 'Long************3', 'Head', 'er', '----**-------*------'].map(star), '1234 12345678 123456', '5', '', ''),
  );
  fixedView([5, 7, 6], ['left', 'right', 'center']);
  assert.equal(
    formatTable([wide()], { width: W, wrap: true }),
    text('', ...['LongL*Header2*Header', 'ongHe***********3', 'ader', '-----*-------*------'].map(star), '12345 1234567 123456', star('************8'), '', ''),
  );
  fixedView([5, 8, 5], ['left', 'right', 'center']);
  assert.equal(
    formatTable([wide()], { width: W, wrap: true }),
    text('', ...['LongL**Header2*Heade', 'ongHe***********r3', 'ader', '-----**-------*-----'].map(star), '12345 12345678 12345', star('*****************6'), '', ''),
  );
  fixedView([3]);
  const oneHeader = ['Lon', 'gLo', 'ngH', 'ead', 'er', '---'];
  assert.equal(formatTable([wide()], { width: W, dialect: 'Core' }), text('', ...oneHeader, '12\u2026', '', ''));
  assert.equal(formatTable([wide()], { width: W }), text('', ...oneHeader, '123', '', ''));
  assert.equal(formatTable([wide()], { width: W, wrap: true }), text('', ...oneHeader, '123', '45', '', ''));
  unregisterViews(VIEW_TYPE);
});

test('PS: left/center/right view without widths is auto-sized from the labels', () => {
  unregisterViews(VIEW_TYPE);
  registerView(VIEW_TYPE, {
    kind: 'table',
    columns: [
      { label: 'Left', expression: 'Left', alignment: 'left' },
      { label: 'Center', expression: 'Center', alignment: 'center' },
      { label: 'Right', expression: 'Right', alignment: 'right' },
    ],
  });
  const o = typed(VIEW_TYPE, { Left: 1, Center: 2, Right: 3 });
  assert.equal(formatTable([o], { width: W }), text('', 'Left Center Right', '---- ------ -----', '1      2        3', '', ''));
  unregisterViews(VIEW_TYPE);
});

test('PS: truncation leaves no trailing whitespace, double-cell characters included', () => {
  unregisterViews(VIEW_TYPE);
  const left = { kind: 'table' as const, columns: [{ label: 'Left', expression: 'Left', width: 4, alignment: 'left' as const }] };
  registerView(VIEW_TYPE, left);
  const o = typed(VIEW_TYPE, { Left: '123\u{2B758}' });
  assert.equal(formatTable([o], { width: W, dialect: 'Core' }).replace(/\n/g, ''), 'Left----123\u2026');
  assert.equal(formatTable([o], { width: W }).replace(/\n/g, ''), 'Left----1...');
  unregisterViews(VIEW_TYPE);
  registerView(VIEW_TYPE, { kind: 'table', columns: [{ label: 'Center', expression: 'Center', width: 6, alignment: 'center' }] });
  const c = typed(VIEW_TYPE, { Center: '12345\u{2B758}' });
  assert.equal(formatTable([c], { width: W, dialect: 'Core' }).replace(/\n/g, ''), 'Center------12345\u2026');
  assert.equal(formatTable([c], { width: W }).replace(/\n/g, ''), 'Center------123...');
  unregisterViews(VIEW_TYPE);
});
