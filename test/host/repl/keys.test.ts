import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createKeyDecoder, key, normalizePaste, type Key } from '../../../src/host/repl/keys.ts';

function decode(...events: string[]): Key[] {
  const d = createKeyDecoder();
  return events.flatMap((e) => d.push(e));
}

describe('key decoder', () => {
  it('splits control characters out of a fast-typed run', () => {
    assert.deepEqual(decode('ls\r'), [{ kind: 'text', text: 'ls' }, key('enter')]);
    assert.deepEqual(decode('a\tb\x7f'), [{ kind: 'text', text: 'a' }, key('tab'), { kind: 'text', text: 'b' }, key('backspace')]);
  });
  it('maps Ctrl+letters', () => {
    assert.deepEqual(decode('\x01\x05\x0b\x15\x17\x0c\x03\x04\x12'), ['a', 'e', 'k', 'u', 'w', 'l', 'c', 'd', 'r'].map((n) => key(n, { ctrl: true })));
  });
  it('decodes arrows, Home/End, Delete and their modifiers', () => {
    assert.deepEqual(decode('\x1b[A', '\x1b[D', '\x1b[H', '\x1b[F', '\x1b[1~', '\x1b[4~', '\x1b[3~', '\x1bOC'), [
      key('up'),
      key('left'),
      key('home'),
      key('end'),
      key('home'),
      key('end'),
      key('delete'),
      key('right'),
    ]);
    assert.deepEqual(decode('\x1b[1;5C', '\x1b[1;5D', '\x1b[1;3D', '\x1b[Z'), [
      key('right', { ctrl: true }),
      key('left', { ctrl: true }),
      key('left', { alt: true }),
      key('tab', { shift: true }),
    ]);
  });
  it('decodes Alt+letter, Alt+Backspace and Alt+Enter', () => {
    assert.deepEqual(decode('\x1bb', '\x1bf', '\x1b\x7f', '\x1b\r'), [
      key('b', { alt: true }),
      key('f', { alt: true }),
      key('backspace', { alt: true }),
      key('enter', { alt: true }),
    ]);
  });
  it('decodes a lone Escape', () => {
    assert.deepEqual(decode('\x1b'), [key('escape')]);
  });
  it('gathers a bracketed paste, line breaks included, into one paste', () => {
    assert.deepEqual(decode('\x1b[200~', 'if ($x) {\r  1\r', '}', '\x1b[201~'), [{ kind: 'paste', text: 'if ($x) {\n  1\n}' }]);
    assert.deepEqual(decode('\x1b[200~a\r\nb\x1b[201~x'), [{ kind: 'paste', text: 'a\nb' }, { kind: 'text', text: 'x' }]);
  });
  it('decodes kitty CSI-u Shift+Enter', () => {
    assert.deepEqual(decode('\x1b[13;2u'), [key('enter', { shift: true })]);
  });
  it('normalises pasted text', () => {
    assert.equal(normalizePaste('a\r\nb\rc\x07'), 'a\nb\nc');
  });
});
