import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as B from '../../../src/host/repl/line-buffer.ts';

describe('line buffer', () => {
  it('inserts at the cursor and deletes both ways', () => {
    let b = B.of('Get-Item', 4);
    b = B.insert(b, 'Child');
    assert.deepEqual(b, { text: 'Get-ChildItem', cursor: 9 });
    assert.deepEqual(B.backspace(b), { text: 'Get-ChilItem', cursor: 8 });
    assert.deepEqual(B.deleteForward(b), { text: 'Get-Childtem', cursor: 9 });
    assert.deepEqual(B.backspace(B.of('x', 0)), { text: 'x', cursor: 0 });
  });
  it('never splits a surrogate pair', () => {
    const b = B.of('a😀b', 3);
    assert.equal(B.left(b).cursor, 1);
    assert.equal(B.right(B.of('a😀b', 1)).cursor, 3);
    assert.deepEqual(B.backspace(b), { text: 'ab', cursor: 1 });
  });
  it('moves by words with PowerShell delimiters', () => {
    const text = 'Get-Item -Path c:\\certs';
    assert.equal(B.wordLeft(B.of(text)).cursor, 18);
    assert.equal(B.wordLeft(B.of(text, 18)).cursor, 15);
    assert.equal(B.wordLeft(B.of(text, 10)).cursor, 4);
    assert.equal(B.wordRight(B.of(text, 0)).cursor, 3);
    assert.equal(B.wordRight(B.of(text, 3)).cursor, 8);
  });
  it('Home/End stay on the current line of a multi-line input', () => {
    const b = B.of('if ($x) {\n  1\n}', 12);
    assert.equal(B.home(b).cursor, 10);
    assert.equal(B.end(b).cursor, 13);
  });
  it('kills to the end, to the start, and words', () => {
    const b = B.of('Get-Item -Path x', 9);
    assert.deepEqual(B.killToEnd(b), { buffer: { text: 'Get-Item ', cursor: 9 }, killed: '-Path x' });
    assert.deepEqual(B.killToStart(b), { buffer: { text: '-Path x', cursor: 0 }, killed: 'Get-Item ' });
    assert.deepEqual(B.killWhitespaceWord(B.of('a b-c d')), { buffer: { text: 'a b-c ', cursor: 6 }, killed: 'd' });
    assert.deepEqual(B.killWhitespaceWord(B.of('a b-c ')), { buffer: { text: 'a ', cursor: 2 }, killed: 'b-c ' });
    assert.deepEqual(B.killWordLeft(B.of('a b-c')), { buffer: { text: 'a b-', cursor: 4 }, killed: 'c' });
    assert.deepEqual(B.killWordRight(B.of('a b-c', 1)), { buffer: { text: 'a-c', cursor: 1 }, killed: ' b' });
  });
  it('moves between lines keeping the column', () => {
    const b = B.of('abcdef\nxy\nlonger', 5);
    assert.equal(B.moveLine(b, 1).cursor, 9);
    assert.equal(B.moveLine(B.of('abcdef\nxy\nlonger', 9), 1).cursor, 12);
    assert.equal(B.moveLine(b, -1), b);
    assert.deepEqual(B.position(B.of('ab\ncd', 4)), { line: 1, column: 1 });
  });
});
