// Unit tests of the helpers behind the core cmdlets: JSON text, file encodings, CSV parsing, syntax lines,
// calculated-property parsing, -UFormat.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JsonObject, compact, parseJson, pretty } from '../../../cmdlets/core/support/json-text.ts';
import { decodeBytes, encodeText, splitLines } from '../../../cmdlets/core/support/file-encoding.ts';
import { parseCsv } from '../../../cmdlets/core/csv.ts';
import { syntaxLines } from '../../../cmdlets/core/help/syntax.ts';
import { ExpressionError, parseExpression } from '../../../cmdlets/core/support/expressions.ts';
import { uformat } from '../../../cmdlets/core/date-time.ts';
import { selectObject } from '../../../cmdlets/core/select-object.ts';
import { newItem } from '../../../cmdlets/core/items.ts';
import { PSHashtable } from '../../../src/runtime/values.ts';

describe('JSON text', () => {
  it('pretty-prints with 5.1 alignment of nested values under their key', () => {
    const v = new JsonObject([
      ['a', 1],
      ['list', [new JsonObject([['x', 'y']]), 2]],
    ]);
    assert.equal(compact(v), '{"a":1,"list":[{"x":"y"},2]}');
    assert.equal(
      pretty(compact(v)),
      ['{', '    "a":  1,', '    "list":  [', '                 {', '                     "x":  "y"', '                 },', '                 2', '             ]', '}'].join('\n'),
    );
  });

  it('does not count quotes inside strings as structure', () => {
    assert.equal(pretty('{"a":"b,\\"{c}\\""}'), '{\n    "a":  "b,\\"{c}\\""\n}');
  });

  it('parses keeping key order and reporting the bad token', () => {
    const parsed = parseJson('{"z":1,"1":[true,null,-2.5e3]}') as { entries: [string, unknown][] };
    assert.deepEqual(parsed.entries.map((e) => e[0]), ['z', '1']);
    assert.deepEqual(parsed.entries[1][1], [true, null, -2500]);
    assert.throws(() => parseJson('{"a":tru}'), /Invalid JSON primitive: tru\./);
  });
});

describe('file encodings', () => {
  it('writes byte order marks per encoding and detects them when reading', () => {
    assert.deepEqual([...encodeText('A', 'Unicode')], [0xff, 0xfe, 0x41, 0]);
    assert.deepEqual([...encodeText('A', 'BigEndianUnicode')], [0xfe, 0xff, 0, 0x41]);
    assert.deepEqual([...encodeText('A', 'UTF8')], [0xef, 0xbb, 0xbf, 0x41]);
    assert.deepEqual([...encodeText('A', undefined)], [0x41]);
    assert.deepEqual([...encodeText('é', 'Ascii')], [0x3f]);
    for (const e of ['Unicode', 'BigEndianUnicode', 'UTF8', 'UTF32', 'BigEndianUTF32']) assert.equal(decodeBytes(encodeText('héllo', e)), 'héllo', e);
  });

  it('splits lines on CRLF, LF and CR without a trailing empty line', () => {
    assert.deepEqual(splitLines('a\r\nb\nc\rd\n'), ['a', 'b', 'c', 'd']);
    assert.deepEqual(splitLines(''), []);
    assert.deepEqual(splitLines('a;b;', ';'), ['a', 'b']);
  });
});

describe('CSV parsing', () => {
  it('handles quotes, doubled quotes, delimiters and newlines inside fields', () => {
    assert.deepEqual(parseCsv('"a","b ""q""",c\n"x,y","line1\nline2",\n', ','), [
      ['a', 'b "q"', 'c'],
      ['x,y', 'line1\nline2', ''],
    ]);
  });
});

describe('syntax lines', () => {
  it('orders positional, mandatory, then optional parameters per set', () => {
    assert.deepEqual(syntaxLines(selectObject, 'command').slice(-1), ['Select-Object [-InputObject <psobject>] [-Unique] [-Wait] [-Index <int[]>] [<CommonParameters>]']);
    assert.equal(syntaxLines(newItem, 'help')[1], 'New-Item [[-Path] <String[]>] -Name <String> [-ItemType <String>] [-Value <Object>] [-Force] [-WhatIf] [-Confirm] [<CommonParameters>]');
  });
});

describe('calculated properties', () => {
  const table = (entries: Record<string, unknown>) => {
    const h = new PSHashtable();
    for (const [k, v] of Object.entries(entries)) h.set(k, v);
    return h;
  };

  it('accepts abbreviated keys and rejects unknown or ambiguous ones', () => {
    assert.deepEqual(parseExpression(table({ n: 'Size', e: 'Length' }), ['Name', 'Expression']), { name: 'Size', expr: 'Length', named: true, extra: {} });
    assert.deepEqual(parseExpression(table({ Expression: 'Name', Descending: true }), ['Expression', 'Ascending', 'Descending']).extra, { Descending: true });
    assert.throws(() => parseExpression(table({ x: 1, e: 'a' }), ['Name', 'Expression']), (e: unknown) => e instanceof ExpressionError && e.message === 'The x key is not valid.');
    assert.throws(() => parseExpression(table({ n: 'a' }), ['Name', 'Expression']), /A mandatory entry for expression is missing\./);
  });
});

describe('Get-Date -UFormat', () => {
  it('formats the Unix specifiers', () => {
    const d = new Date(2024, 0, 5, 14, 3, 9);
    assert.equal(uformat(d, '%Y-%m-%d %H:%M:%S %a %b %e %I %p %j %u %%'), '2024-01-05 14:03:09 Fri Jan  5 02 PM 005 5 %');
  });
});
