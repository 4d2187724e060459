// .NET format strings for calculated properties (en-US), and .NET date patterns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFormatString } from '../../src/format/net-format.ts';
import { dotNetToString } from '../../src/format/display-string.ts';
import { formatDate } from '../../src/runtime/date-format.ts';
import { formatNumber } from '../../src/runtime/number-format.ts';

test('standard numeric formats', () => {
  assert.equal(formatNumber(1234.5, 'N2'), '1,234.50');
  assert.equal(formatNumber(1234.5, 'N0'), '1,235');
  assert.equal(formatNumber(-0.5, 'F3'), '-0.500');
  assert.equal(formatNumber(42, 'D5'), '00042');
  assert.equal(formatNumber(255, 'X'), 'FF');
  assert.equal(formatNumber(255, 'x4'), '00ff');
  assert.equal(formatNumber(0.125, 'P1'), '12.5 %');
  assert.equal(formatNumber(12345, 'E2'), '1.23E+004');
  assert.equal(formatNumber(1234.5, 'C'), '$1,234.50');
  assert.equal(formatNumber(10485760n, 'N0'), '10,485,760');
});

test('custom numeric patterns', () => {
  assert.equal(formatNumber(3.14159, '0.00'), '3.14');
  assert.equal(formatNumber(-3.14159, '0.00'), '-3.14');
  assert.equal(formatNumber(1234567, '#,##0'), '1,234,567');
  assert.equal(formatNumber(0.5, '#.##'), '.5');
  assert.equal(formatNumber(2, '0.#'), '2');
  assert.equal(formatNumber(7, '000'), '007');
  assert.equal(formatNumber(18.25, '0.0 MB'), '18.3 MB');
});

test('composite format strings: {0:fmt}, alignment, escaped braces', () => {
  assert.equal(applyFormatString(1.5, '{0:N1} KB', dotNetToString), '1.5 KB');
  assert.equal(applyFormatString(42, '{0,6}|{0,-4}|', dotNetToString), '    42|42  |');
  assert.equal(applyFormatString('x', '{{{0}}}', dotNetToString), '{x}');
  assert.equal(applyFormatString('text', 'N2', dotNetToString), 'text');
});

test('date formats: standard letters and custom patterns', () => {
  const d = new Date(2026, 10, 27, 18, 10, 17, 42);
  assert.equal(formatDate(d), '11/27/2026 6:10:17 PM');
  assert.equal(formatDate(d, 'd'), '11/27/2026');
  assert.equal(formatDate(d, 'D'), 'Friday, November 27, 2026');
  assert.equal(formatDate(d, 'F'), 'Friday, November 27, 2026 6:10:17 PM');
  assert.equal(formatDate(d, 's'), '2026-11-27T18:10:17');
  assert.equal(formatDate(d, 'yyyy-MM-dd HH:mm:ss.fff'), '2026-11-27 18:10:17.042');
  assert.equal(formatDate(d, "ddd MMM d 'at' h tt"), 'Fri Nov 27 at 6 PM');
  assert.equal(applyFormatString(d, '{0:yyyyMMdd}', dotNetToString), '20261127');
});

test("FormatString uses the runtime's .NET formatters; one .NET refuses leaves the plain value", () => {
  assert.equal(applyFormatString(-1, 'C', dotNetToString), '($1.00)');
  assert.equal(applyFormatString(1.005, 'N2', dotNetToString), '1.01');
  assert.equal(applyFormatString(1.5, 'D5', dotNetToString), '1.5');
  assert.equal(applyFormatString(1.5, '{0:D5} x', dotNetToString), '1.5 x');
  assert.equal(applyFormatString(new Date(2026, 0, 5), 'M', dotNetToString), 'January 05');
});
