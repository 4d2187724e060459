// Number literals: decimal, real, exponent, hex, binary, type suffixes and kb..pb multipliers.
// PowerShell cases matched: Parser.Tests.ps1 numeric literal tables ("<Script> has type <ExpectedType>":
// `0x80000000` int -2147483648, `0xFFFFFFFF` -1, `0x100000000` long, `1kb` int, `2147483648` long,
// `9223372036854775808` decimal, suffixed literals `1l 1u 1ul 1s 1us 1y 1uy 1n 1d`), "Invalid numerics
// are commands" (`12abc`, `1gbx`), "BadNumericConstant" for out-of-range suffixed literals (`128y`, `256uy`),
// about_Numeric_Literals (`1tb`, `1.5kb` double, `0x1d` is hex 29 not a decimal suffix).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ConstantAst } from '../../grammar/ast.ts';
import { parseNumberLiteral } from '../../grammar/numbers.ts';
import { errors, expressionOf, show } from './ast-text.ts';

function constant(text: string): ConstantAst {
  const expression = expressionOf(text);
  assert.equal(expression.kind, 'Constant', `${text} is not a constant`);
  return expression;
}

const TABLE: [string, number | bigint, string][] = [
  ['0', 0, 'int'],
  ['42', 42, 'int'],
  ['2147483647', 2147483647, 'int'],
  ['2147483648', 2147483648, 'long'],
  ['9223372036854775807', 9223372036854775807n, 'long'],
  ['9223372036854775808', 9223372036854775808n, 'decimal'],
  ['100000000000000000000000000000', 1e29, 'double'],
  ['0x1F', 31, 'int'],
  ['0X1f', 31, 'int'],
  ['0x80000000', -2147483648, 'int'],
  ['0xFFFFFFFF', -1, 'int'],
  ['0x100000000', 4294967296, 'long'],
  ['0xFFFFFFFFFFFFFFFF', -1, 'long'],
  ['0x1d', 29, 'int'],
  ['0xffl', 255, 'long'],
  ['0b101', 5, 'int'],
  ['0B11', 3, 'int'],
  ['1e3', 1000, 'double'],
  ['1E-2', 0.01, 'double'],
  ['.5', 0.5, 'double'],
  ['3.25', 3.25, 'double'],
  ['1kb', 1024, 'int'],
  ['1KB', 1024, 'int'],
  ['1Mb', 1048576, 'int'],
  ['2GB', 2147483648, 'long'],
  ['1tb', 1099511627776, 'long'],
  ['1TB', 1099511627776, 'long'],
  ['1pb', 1125899906842624, 'long'],
  ['1.5kb', 1536, 'double'],
  ['0x10kb', 16384, 'int'],
  ['1e3kb', 1024000, 'double'],
  ['1l', 1, 'long'],
  ['1L', 1, 'long'],
  ['1lmb', 1048576, 'long'],
  ['1.5l', 2, 'long'],
  ['1u', 1, 'uint'],
  ['1ul', 1, 'ulong'],
  ['1s', 1, 'short'],
  ['1us', 1, 'ushort'],
  ['1y', 1, 'sbyte'],
  ['1uy', 1, 'byte'],
  ['1n', 1n, 'bigint'],
  ['1d', 1, 'decimal'],
  ['1.5d', 1.5, 'decimal'],
  ['1dkb', 1024, 'decimal'],
];

test('number literal table: value and type', () => {
  for (const [text, value, type] of TABLE) {
    const node = constant(text);
    assert.deepEqual([node.value, node.type], [value, type], text);
    assert.equal(node.text, text);
    assert.deepEqual([node.span.start, node.span.end], [0, text.length], `${text} span`);
  }
});

test('1tb is exactly 1099511627776', () => {
  assert.equal(constant('1tb').value, 1099511627776);
  assert.equal(constant('5tb').value, 5 * 1099511627776);
});

test('a leading minus is part of the number in argument mode and a unary operator in expression mode', () => {
  assert.equal(show('Write-Output -5'), '(cmd "Write-Output" -5:int)');
  assert.equal(show('-5'), '-5:int');
  assert.equal(show('- 5'), '(- 5:int)');
  assert.equal(show('3 -5'), '(- 3:int 5:int)');
  assert.deepEqual(parseNumberLiteral('2147483648', true), { value: -2147483648, type: 'int' });
});

test('numbers in argument mode keep their text and type', () => {
  assert.equal(show('Set-X -Size 2GB -Count 0x10 -Ratio 1.5'), '(cmd "Set-X" -Size 2147483648:long -Count 16:int -Ratio 1.5:double)');
  assert.equal(show('Write-Output 007'), '(cmd "Write-Output" 7:int)');
});

test('a word that only starts like a number is a command or a bareword', () => {
  assert.equal(show('12abc'), '(cmd "12abc")');
  assert.equal(show('1gbx'), '(cmd "1gbx")');
  assert.equal(show('0x'), '(cmd "0x")');
  assert.equal(show('1_000'), '(cmd "1_000")');
  assert.equal(show('Write-Output 2+2'), '(cmd "Write-Output" "2+2")');
  assert.equal(show('Write-Output 1.2.3'), '(cmd "Write-Output" "1.2.3")');
});

test('out-of-range suffixed literals are BadNumericConstant', () => {
  assert.deepEqual(errors('128y'), ['BadNumericConstant@0']);
  assert.deepEqual(errors('256uy'), ['BadNumericConstant@0']);
  assert.deepEqual(errors('$x = 70000s'), ['BadNumericConstant@5']);
  assert.equal(parseNumberLiteral('127y')?.value, 127);
  assert.equal(parseNumberLiteral('128y'), null);
  assert.equal(parseNumberLiteral('abc'), undefined);
});

test('numbers next to operators', () => {
  assert.equal(show('1+2'), '(+ 1:int 2:int)');
  assert.equal(show('1..3'), '(.. 1:int 3:int)');
  assert.equal(show('2kb/1kb'), '(/ 2048:int 1024:int)');
  assert.equal(show('0x10-1'), '(- 16:int 1:int)');
});
