// .NET numeric, date and time-span format strings (en-US, .NET Framework rounding as in Windows
// PowerShell 5.1), as `-f` and ToString(format) use them. Expectations from the .NET "Standard/Custom
// numeric format strings" and "Custom date and time format strings" documentation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatNumber } from '../../src/runtime/number-format.ts';
import { formatDate, formatTimeSpan } from '../../src/runtime/date-format.ts';
import { formatValue } from '../../src/runtime/format-operator.ts';
import { makeDate, withKind } from '../../src/runtime/datetime.ts';
import { EnumType, TimeSpan } from '../../src/runtime/values.ts';
import { PSGuid } from '../../src/runtime/dotnet-values.ts';
import { assertPSError } from './helpers.ts';

test('standard numeric formats', () => {
  const cases: [number | bigint, string, string][] = [
    [1234.5678, 'N2', '1,234.57'],
    [1234.5678, 'N', '1,234.57'],
    [1234.5, 'N0', '1,235'],
    [-1234.5678, 'N1', '-1,234.6'],
    [0, 'N2', '0.00'],
    [42, 'D3', '042'],
    [-42, 'D5', '-00042'],
    [42, 'D', '42'],
    [255, 'X4', '00FF'],
    [255, 'x', 'ff'],
    [-1, 'X', 'FFFFFFFF'],
    [-1n, 'X', 'FFFFFFFF'],
    [3.14159, 'F2', '3.14'],
    [2.675, 'F2', '2.68'],
    [0.5, 'F0', '1'],
    [2.5, 'F0', '3'],
    [-0.5, 'F3', '-0.500'],
    [42, 'F', '42.00'],
    [0.1235, 'P', '12.35 %'],
    [0.5, 'P0', '50 %'],
    [1234.5678, 'E', '1.234568E+003'],
    [1234.5678, 'e2', '1.23e+003'],
    [0, 'E2', '0.00E+000'],
    [1234.5, 'C', '$1,234.50'],
    [-1234.5, 'C', '($1,234.50)'],
    [1234.5678, 'G', '1234.5678'],
    [1234.5678, 'G3', '1.23E+03'],
    [0.0001234, 'G3', '0.000123'],
    [123, 'G', '123'],
    [0.1, 'R', '0.1'],
    [1e21, 'N0', '1,000,000,000,000,000,000,000'],
    [12345678901234567890n, 'N0', '12,345,678,901,234,567,890'],
  ];
  for (const [v, fmt, expected] of cases) assert.equal(formatNumber(v, fmt), expected, `${v} ${fmt}`);
  assertPSError(() => formatNumber(1.5, 'D'), 'Format specifier was invalid.', 'System.FormatException');
  assertPSError(() => formatNumber(1.5, 'X'), 'Format specifier was invalid.');
});

test('custom numeric formats', () => {
  const cases: [number, string, string][] = [
    [1234.5678, '0.00', '1234.57'],
    [1234567, '#,##0', '1,234,567'],
    [0, '#,##0', '0'],
    [0.5, '0.0%', '50.0%'],
    [12.5, '.00', '12.50'],
    [0.5, '.00', '.50'],
    [1234567, '#,##0,,', '1'],
    [5, '00', '05'],
    [-5, '0;(0)', '(5)'],
    [0, '0;(0);zero', 'zero'],
    [123456789, '(###) ###-####', '(12) 345-6789'],
    [1.5, '#.##', '1.5'],
    [0, '#', ''],
    [1234, '0.##E+00', '1.23E+03'],
    [7, "'#'0", '#7'],
    [7, '\\#0', '#7'],
    [123.456, '0.0', '123.5'],
    [-0.001, '0.00', '0.00'],
    [42, '000.0', '042.0'],
  ];
  for (const [v, fmt, expected] of cases) assert.equal(formatNumber(v, fmt), expected, `${v} ${fmt}`);
});

test('date formats (en-US)', () => {
  const d = makeDate(2026, 11, 7, 15, 4, 5, 120);
  const cases: [string | undefined, string][] = [
    [undefined, '11/7/2026 3:04:05 PM'],
    ['d', '11/7/2026'],
    ['D', 'Saturday, November 7, 2026'],
    ['f', 'Saturday, November 7, 2026 3:04 PM'],
    ['F', 'Saturday, November 7, 2026 3:04:05 PM'],
    ['g', '11/7/2026 3:04 PM'],
    ['G', '11/7/2026 3:04:05 PM'],
    ['M', 'November 07'],
    ['s', '2026-11-07T15:04:05'],
    ['u', '2026-11-07 15:04:05Z'],
    ['t', '3:04 PM'],
    ['T', '3:04:05 PM'],
    ['Y', 'November, 2026'],
    ['yyyy-MM-dd', '2026-11-07'],
    ['dd/MM/yy HH:mm:ss', '07/11/26 15:04:05'],
    ['ddd, MMM d', 'Sat, Nov 7'],
    ['dddd MMMM', 'Saturday November'],
    ['h:mm tt', '3:04 PM'],
    ['hh t', '03 P'],
    ['HH:mm:ss.fff', '15:04:05.120'],
    ['ss.FFF', '05.12'],
    ["yyyyMMdd'T'HHmm", '20261107T1504'],
    ['%d', '7'],
    ['yyyy \\y', '2026 y'],
  ];
  for (const [fmt, expected] of cases) assert.equal(formatDate(d, fmt), expected, String(fmt));
  const utc = withKind(new Date(Date.UTC(2026, 10, 7, 8, 0, 0)), 'Utc');
  assert.equal(formatDate(utc, 'o'), '2026-11-07T08:00:00.0000000Z');
  assert.equal(formatDate(utc, 'r'), 'Sat, 07 Nov 2026 08:00:00 GMT');
  assert.equal(formatDate(utc, '%K'), 'Z');
  assertPSError(() => formatDate(d, 'Q'), 'Input string was not in a correct format.', 'System.FormatException');
});

test('time span formats', () => {
  const t = new TimeSpan(((26 * 60 + 3) * 60 + 4) * 1000 + 500);
  assert.equal(formatTimeSpan(t), '1.02:03:04.5000000');
  assert.equal(formatTimeSpan(t, 'c'), '1.02:03:04.5000000');
  assert.equal(formatTimeSpan(t, 'g'), '1:2:03:04.5');
  assert.equal(formatTimeSpan(t, 'G'), '1:02:03:04.5000000');
  assert.equal(formatTimeSpan(new TimeSpan(90_000)), '00:01:30');
  assert.equal(formatTimeSpan(new TimeSpan(-90_000)), '-00:01:30');
  assert.equal(formatTimeSpan(t, "hh\\:mm\\:ss"), '02:03:04');
  assert.equal(formatTimeSpan(t, "d'd 'h'h'"), '1d 2h');
  assertPSError(() => formatTimeSpan(t, 'hh:mm'), 'Input string was not in a correct format.');
});

test('formatValue dispatches by value kind', () => {
  const e = new EnumType('Test.Flags', { A: 1, B: 2 }, true).value(3);
  assert.equal(formatValue(e, 'G'), 'A, B');
  assert.equal(formatValue(e, 'D'), '3');
  assert.equal(formatValue(e, 'X'), '00000003');
  const g = PSGuid.parse('0f8fad5b-d9cb-469f-a165-70867728950e')!;
  assert.equal(formatValue(g, 'N'), '0f8fad5bd9cb469fa16570867728950e');
  assert.equal(formatValue(g, 'B'), '{0f8fad5b-d9cb-469f-a165-70867728950e}');
  assert.equal(formatValue([1, 2]), 'System.Object[]');
  assert.equal(formatValue(null, 'N2'), '');
  assert.equal(formatValue('text', 'N2'), 'text');
  assert.equal(formatValue(true), 'True');
});
