import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyCompletions, initialState, reduce, suggestion, type Effect, type EditorEnv, type EditorState } from '../../../src/host/repl/editor.ts';
import { key, type Key } from '../../../src/host/repl/keys.ts';
import { fakeLanguage } from './fake-language.ts';

function envWith(history: string[] = []): EditorEnv {
  return { history, isIncomplete: fakeLanguage.isIncomplete };
}

function run(keys: (Key | string)[], env = envWith(), state: EditorState = initialState(env.history)): { state: EditorState; effects: Effect[] } {
  const effects: Effect[] = [];
  for (const k of keys) {
    const step = reduce(state, typeof k === 'string' ? { kind: 'text', text: k } : k, env);
    state = step.state;
    effects.push(...step.effects);
  }
  return { state, effects };
}

const C = (n: string) => key(n, { ctrl: true });

describe('editing keys', () => {
  it('types, moves and deletes', () => {
    const { state } = run(['Get-Item', key('left'), key('left'), key('backspace'), 'I', key('home'), key('delete'), 'g', key('end'), 's']);
    assert.equal(state.buffer.text, 'get-IIems');
    assert.equal(state.buffer.cursor, 9);
  });
  it('Ctrl+A/E/K/U/W and yank', () => {
    let r = run(['Get-Item -Path x', C('a'), C('k')]);
    assert.equal(r.state.buffer.text, '');
    assert.equal(r.state.killRing, 'Get-Item -Path x');
    r = run(['abc def', C('w'), C('a'), C('y')]);
    assert.equal(r.state.buffer.text, 'defabc ');
    r = run(['one two', key('left'), key('left'), C('u')]);
    assert.deepEqual(r.state.buffer, { text: 'wo', cursor: 0 });
  });
  it('Ctrl+Left/Right move by words', () => {
    const r = run(['Get-Item -Path c:\\x', key('left', { ctrl: true }), key('left', { ctrl: true })]);
    assert.equal(r.state.buffer.cursor, 15);
    const r2 = run([key('right', { ctrl: true })], envWith(), r.state);
    assert.equal(r2.state.buffer.cursor, 16);
  });
  it('undoes with Ctrl+Z, typing being one step', () => {
    const r = run(['Get-Item', ' x', key('backspace'), C('z')]);
    assert.equal(r.state.buffer.text, 'Get-Item x');
    assert.equal(run([C('z')], envWith(), r.state).state.buffer.text, '');
  });
  it('Escape clears the line', () => {
    assert.equal(run(['abc', key('escape')]).state.buffer.text, '');
  });
  it('Ctrl+L asks to clear the screen, Ctrl+D exits only on an empty line', () => {
    assert.deepEqual(run([C('l')]).effects, [{ type: 'clear-screen' }]);
    assert.deepEqual(run([C('d')]).effects, [{ type: 'exit' }]);
    const r = run(['ab', key('home'), C('d')]);
    assert.deepEqual(r.effects, []);
    assert.equal(r.state.buffer.text, 'b');
  });
  it('Ctrl+C abandons the input', () => {
    const r = run(['Get-Item', C('c')]);
    assert.deepEqual(r.effects, [{ type: 'cancel', text: 'Get-Item' }]);
    assert.equal(r.state.buffer.text, '');
  });
});

describe('Enter and multi-line input', () => {
  it('submits complete input', () => {
    assert.deepEqual(run(['Get-Date', key('enter')]).effects, [{ type: 'submit', text: 'Get-Date' }]);
  });
  it('continues incomplete input on a new line, then submits', () => {
    const r = run(['if ($true) {', key('enter'), '"yes"', key('enter'), '}', key('enter')]);
    assert.deepEqual(r.effects, [{ type: 'submit', text: 'if ($true) {\n"yes"\n}' }]);
  });
  it('inserts a pasted block as text, without running it', () => {
    const r = run([{ kind: 'paste', text: 'Get-Date\nGet-Item x' }]);
    assert.deepEqual(r.effects, []);
    assert.equal(r.state.buffer.text, 'Get-Date\nGet-Item x');
  });
  it('Alt+Enter adds a line', () => {
    assert.equal(run(['a', key('enter', { alt: true }), 'b']).state.buffer.text, 'a\nb');
  });
  it('Up and Down move between the lines of a multi-line input before walking history', () => {
    const env = envWith(['old']);
    const r = run(['if (1) {', key('enter'), 'x', key('up')], env);
    assert.equal(r.state.buffer.text, 'if (1) {\nx');
    assert.equal(r.state.buffer.cursor, 1);
    assert.equal(run([key('up')], env, r.state).state.buffer.text, 'old');
  });
});

describe('history', () => {
  const history = ['Get-Date', 'Get-Item c:\\', 'Set-ReceiveConnector -DomainSecureEnabled $true', 'Get-Item c:\\certificates'];
  it('Up/Down walk the history and come back to the typed line', () => {
    const env = envWith(history);
    let r = run([key('up'), key('up')], env);
    assert.equal(r.state.buffer.text, 'Set-ReceiveConnector -DomainSecureEnabled $true');
    r = run([key('down'), key('down')], env, r.state);
    assert.equal(r.state.buffer.text, '');
  });
  it('Up with typed text searches by prefix', () => {
    const env = envWith(history);
    const r = run(['Get-I', key('up'), key('up')], env);
    assert.equal(r.state.buffer.text, 'Get-Item c:\\');
    const back = run([key('down'), key('down')], env, r.state);
    assert.equal(back.state.buffer.text, 'Get-I');
  });
  it('Ctrl+R searches incrementally backwards, again with Ctrl+R', () => {
    const env = envWith(history);
    let r = run([C('r'), 'Item'], env);
    assert.equal(r.state.buffer.text, 'Get-Item c:\\certificates');
    assert.equal(r.state.search?.query, 'Item');
    r = run([C('r')], env, r.state);
    assert.equal(r.state.buffer.text, 'Get-Item c:\\');
    r = run([key('enter')], env, r.state);
    assert.deepEqual(r.effects, [{ type: 'submit', text: 'Get-Item c:\\' }]);
  });
  it('a failed search says so; Ctrl+G restores the line', () => {
    const env = envWith(history);
    let r = run(['typed', C('r'), 'zzz'], env);
    assert.equal(r.state.search?.failed, true);
    r = run([C('g')], env, r.state);
    assert.equal(r.state.search, undefined);
    assert.equal(r.state.buffer.text, 'typed');
  });
  it('an arrow ends the search and edits the found line', () => {
    const env = envWith(history);
    const r = run([C('r'), 'Date', key('end'), 'x'], env);
    assert.equal(r.state.search, undefined);
    assert.equal(r.state.buffer.text, 'Get-Datex');
  });
});

describe('inline prediction', () => {
  const env = envWith(['Get-ExchangeCertificate -Thumbprint AB12 | fl', 'Get-Date']);
  it('suggests the rest of the newest matching entry', () => {
    const r = run(['Get-Ex'], env);
    assert.equal(suggestion(r.state, env), 'changeCertificate -Thumbprint AB12 | fl');
    assert.equal(suggestion(run(['Get-Ex', key('left')], env).state, env), undefined, 'only at the end of the line');
  });
  it('Right arrow accepts it, Ctrl+Right accepts a word', () => {
    assert.equal(run(['Get-Ex', key('right')], env).state.buffer.text, 'Get-ExchangeCertificate -Thumbprint AB12 | fl');
    assert.equal(run(['Get-Ex', key('right', { ctrl: true })], env).state.buffer.text, 'Get-ExchangeCertificate');
  });
});

describe('tab completion', () => {
  const items = ['Get-ExchangeCertificate', 'Get-ExchangeServer'].map((t) => ({ text: t, display: t, kind: 'command' as const }));
  it('asks for completions, applies the first, and cycles with Tab / Shift+Tab', () => {
    const env = envWith();
    let r = run(['Get-Exch', key('tab')], env);
    assert.deepEqual(r.effects, [{ type: 'complete', text: 'Get-Exch', cursor: 8, backwards: false }]);
    let s = applyCompletions(r.state, { start: 0, end: 8, items }).state;
    assert.equal(s.buffer.text, 'Get-ExchangeCertificate');
    assert.equal(s.completion?.items.length, 2);
    s = run([key('tab')], env, s).state;
    assert.equal(s.buffer.text, 'Get-ExchangeServer');
    s = run([key('tab', { shift: true })], env, s).state;
    assert.equal(s.buffer.text, 'Get-ExchangeCertificate');
    r = run([' -'], env, s);
    assert.equal(r.state.completion, undefined);
    assert.equal(r.state.buffer.text, 'Get-ExchangeCertificate -');
  });
  it('Escape during cycling goes back to what was typed', () => {
    const s = applyCompletions(run(['Get-Exch']).state, { start: 0, end: 8, items }).state;
    assert.equal(run([key('escape')], envWith(), s).state.buffer.text, 'Get-Exch');
  });
  it('a single match is applied without a list; none rings', () => {
    const one = applyCompletions(run(['Get-ExchangeC']).state, { start: 0, end: 13, items: items.slice(0, 1) });
    assert.equal(one.state.buffer.text, 'Get-ExchangeCertificate');
    assert.equal(one.state.completion, undefined);
    assert.deepEqual(applyCompletions(run(['zz']).state, { start: 0, end: 2, items: [] }).effects, [{ type: 'bell' }]);
  });
  it('completes in the middle of a line, keeping the rest', () => {
    const s = run(['Get-Exch | fl', ...Array(5).fill(key('left'))]).state;
    const r = applyCompletions(s, { start: 0, end: 8, items: items.slice(0, 1) }).state;
    assert.deepEqual(r.buffer, { text: 'Get-ExchangeCertificate | fl', cursor: 23 });
  });
  it('Read-Host prompts do not complete, walk history or continue lines', () => {
    const env: EditorEnv = { ...envWith(['secret']), simple: true };
    const r = run(['{', key('tab'), key('up'), key('enter')], env);
    assert.deepEqual(r.effects, [{ type: 'submit', text: '{' }]);
  });
});
