// The prompt's editing state machine: one pure function from (state, key) to the next state and
// the effects the shell must carry out (run the input, abandon it, exit, clear the screen, ask the
// completion engine). Key bindings follow PSReadLine (Emacs edit mode on a terminal, with the
// Windows-mode Tab cycling the issue asks for); see ../shared/reference/powershell.md section 5.
import type { CompletionItem, Completions } from '../../completion/types.ts';
import { firstWord, nextMatch, predict, previousMatch, searchHistory } from './history-nav.ts';
import type { Key, KeyPress } from './keys.ts';
import * as B from './line-buffer.ts';
import type { EditBuffer } from './line-buffer.ts';

export interface CompletionSession {
  items: CompletionItem[];
  /** The item now in the buffer. */
  index: number;
  /** Where the replaced word starts. */
  start: number;
  /** The buffer before the first completion (Escape goes back to it). */
  base: EditBuffer;
}

export interface SearchState {
  direction: 'back' | 'fwd';
  query: string;
  /** The history entry shown, or -1. */
  match: number;
  failed: boolean;
  /** The buffer before the search (Ctrl+G goes back to it). */
  saved: EditBuffer;
}

export interface EditorState {
  buffer: EditBuffer;
  /** Position in the history while walking it; entries.length means "the line being typed". */
  historyIndex: number;
  /** What was typed before walking the history, and the prefix Up/Down search for. */
  saved?: EditBuffer;
  search?: SearchState;
  completion?: CompletionSession;
  /** A completion request is out for this buffer. */
  completing?: boolean;
  undo: EditBuffer[];
  killRing: string;
  /** The last key inserted text (consecutive typing is one undo step). */
  typing?: boolean;
}

export type Effect =
  | { type: 'submit'; text: string }
  | { type: 'cancel'; text: string }
  | { type: 'exit' }
  | { type: 'clear-screen' }
  | { type: 'complete'; text: string; cursor: number; backwards: boolean }
  | { type: 'bell' };

export interface EditorEnv {
  /** History entries, oldest first. */
  history: readonly string[];
  /** True when the parser says more input could complete the text. */
  isIncomplete(text: string): boolean;
  /** A plain line (Read-Host): no history, completion or multi-line. */
  simple?: boolean;
}

export interface Step {
  state: EditorState;
  effects: Effect[];
}

export function initialState(history: readonly string[], text = ''): EditorState {
  return { buffer: B.of(text), historyIndex: history.length, undo: [], killRing: '' };
}

/** The grey suggestion after the cursor, when there is one to show. */
export function suggestion(state: EditorState, env: EditorEnv): string | undefined {
  if (env.simple || state.search || state.completion || state.saved) return undefined;
  if (state.buffer.cursor !== state.buffer.text.length) return undefined;
  return predict(env.history, state.buffer.text);
}

const step = (state: EditorState, ...effects: Effect[]): Step => ({ state, effects });

/** A text change: recorded for undo, ends history walking and completion. */
function edit(state: EditorState, buffer: EditBuffer, typing = false): EditorState {
  if (buffer.text === state.buffer.text) return { ...state, buffer, typing: false };
  const undo = typing && state.typing ? state.undo : [...state.undo, state.buffer].slice(-100);
  return { ...state, buffer, undo, typing, historyIndex: Number.MAX_SAFE_INTEGER, saved: undefined, completion: undefined };
}

function move(state: EditorState, buffer: EditBuffer): EditorState {
  return { ...state, buffer, typing: false };
}

function kill(state: EditorState, k: B.Kill): EditorState {
  return { ...edit(state, k.buffer), killRing: k.killed || state.killRing };
}

/** Applies a completion result to the state (called when the engine answers a `complete` effect). */
export function applyCompletions(state: EditorState, result: Completions, backwards = false): Step {
  const s = { ...state, completing: false };
  if (result.items.length === 0) return step(s, { type: 'bell' });
  const base = s.buffer;
  const index = backwards ? result.items.length - 1 : 0;
  const next = replaceWith(base, result.start, result.end, result.items[index].text);
  const applied = edit(s, next);
  if (result.items.length === 1) return step(applied);
  return step({ ...applied, completion: { items: result.items, index, start: result.start, base } });
}

function replaceWith(b: EditBuffer, start: number, end: number, text: string): EditBuffer {
  const t = b.text.slice(0, start) + text + b.text.slice(end);
  return { text: t, cursor: start + text.length };
}

function cycle(state: EditorState, delta: number): Step {
  const c = state.completion!;
  const index = (c.index + delta + c.items.length) % c.items.length;
  const buffer = replaceWith(c.base, c.start, c.base.cursor, c.items[index].text);
  return step({ ...state, buffer, completion: { ...c, index }, typing: false });
}

function isKey(k: Key, name: string, mods: { ctrl?: boolean; alt?: boolean; shift?: boolean } = {}): boolean {
  return k.kind === 'key' && k.name === name && k.ctrl === !!mods.ctrl && k.alt === !!mods.alt && (mods.shift === undefined || k.shift === mods.shift);
}

export function reduce(state: EditorState, key: Key, env: EditorEnv): Step {
  if (state.search) return searchKey(state, key, env);
  if (state.completion) {
    if (isKey(key, 'tab', { shift: false })) return cycle(state, 1);
    if (isKey(key, 'tab', { shift: true })) return cycle(state, -1);
    if (isKey(key, 'escape')) return step({ ...state, buffer: state.completion.base, completion: undefined });
    state = { ...state, completion: undefined };
  }
  if (key.kind === 'text') return step(edit(state, B.insert(state.buffer, key.text), true));
  if (key.kind === 'paste') return step(edit(state, B.insert(state.buffer, env.simple ? key.text.replace(/\n[\s\S]*/, '') : key.text)));
  return keyPress(state, key, env);
}

function keyPress(state: EditorState, k: KeyPress, env: EditorEnv): Step {
  const b = state.buffer;
  const chord = (k.ctrl ? 'C-' : '') + (k.alt ? 'M-' : '') + (k.shift && k.name.length > 1 ? 'S-' : '') + k.name;
  switch (chord) {
    case 'enter':
    case 'C-m':
    case 'C-j':
      if (!env.simple && env.isIncomplete(b.text)) return step(edit(state, B.insert(b, '\n')));
      return step(move(state, B.of(b.text)), { type: 'submit', text: b.text });
    case 'M-enter':
    case 'S-enter':
      return step(env.simple ? state : edit(state, B.insert(b, '\n')));
    case 'C-c':
      return step(initialState(env.history), { type: 'cancel', text: b.text });
    case 'C-d':
      if (b.text === '') return step(state, { type: 'exit' });
      return step(edit(state, B.deleteForward(b)));
    case 'C-l':
      return step(state, { type: 'clear-screen' });
    case 'escape':
      return step(b.text === '' ? state : edit(state, B.empty));
    case 'backspace':
    case 'C-h':
      return step(edit(state, B.backspace(b)));
    case 'delete':
      return step(edit(state, B.deleteForward(b)));
    case 'left':
    case 'C-b':
      return step(move(state, B.left(b)));
    case 'right':
    case 'C-f':
      return acceptOr(state, env, (s) => s, () => move(state, B.right(b)));
    case 'home':
    case 'C-a':
      return step(move(state, B.home(b)));
    case 'end':
    case 'C-e':
      return acceptOr(state, env, (s) => s, () => move(state, B.end(b)));
    case 'C-left':
    case 'M-left':
    case 'M-b':
      return step(move(state, B.wordLeft(b)));
    case 'C-right':
    case 'M-right':
    case 'M-f':
      return acceptOr(state, env, firstWord, () => move(state, B.wordRight(b)));
    case 'C-home':
      return step(move(state, { text: b.text, cursor: 0 }));
    case 'C-end':
      return step(move(state, { text: b.text, cursor: b.text.length }));
    case 'C-k':
      return step(kill(state, B.killToEnd(b)));
    case 'C-u':
      return step(kill(state, B.killToStart(b)));
    case 'C-w':
      return step(kill(state, B.killWhitespaceWord(b)));
    case 'M-backspace':
    case 'C-backspace':
      return step(kill(state, B.killWordLeft(b)));
    case 'M-d':
    case 'C-delete':
      return step(kill(state, B.killWordRight(b)));
    case 'C-y':
      return step(state.killRing ? edit(state, B.insert(b, state.killRing)) : state);
    case 'C-z':
    case 'C-_': {
      const prev = state.undo[state.undo.length - 1];
      if (!prev) return step(state, { type: 'bell' });
      return step({ ...state, buffer: prev, undo: state.undo.slice(0, -1), typing: false, completion: undefined });
    }
    case 'up':
    case 'C-p':
      return env.simple ? step(state) : upDown(state, env, -1);
    case 'down':
    case 'C-n':
      return env.simple ? step(state) : upDown(state, env, 1);
    case 'C-r':
    case 'C-s':
      if (env.simple) return step(state);
      return step({ ...state, search: { direction: k.name === 'r' ? 'back' : 'fwd', query: '', match: -1, failed: false, saved: b } });
    case 'tab':
    case 'S-tab': {
      if (env.simple) return step(state);
      const lineHead = b.text.slice(B.lineStart(b), b.cursor);
      if (b.text.includes('\n') && lineHead.trim() === '' && !k.shift) return step(edit(state, B.insert(b, '    ')));
      return step({ ...state, completing: true }, { type: 'complete', text: b.text, cursor: b.cursor, backwards: k.shift });
    }
    default:
      return step(state);
  }
}

/** Right/End/Ctrl+Right at the end of the line accept the prediction (all of it, or its next word). */
function acceptOr(state: EditorState, env: EditorEnv, part: (s: string) => string, otherwise: () => EditorState): Step {
  const s = suggestion(state, env);
  if (s === undefined) return step(otherwise());
  return step(edit(state, B.insert(state.buffer, part(s))));
}

function upDown(state: EditorState, env: EditorEnv, delta: -1 | 1): Step {
  const b = state.buffer;
  const { line } = B.position(b);
  const lines = B.lineCount(b);
  if (lines > 1 && ((delta < 0 && line > 0) || (delta > 0 && line < lines - 1))) return step(move(state, B.moveLine(b, delta)));
  const entries = env.history;
  const index = Math.min(state.historyIndex, entries.length);
  const saved = state.saved ?? b;
  const walking = state.saved !== undefined;
  // Typed text narrows the walk to entries starting with it (one line of it; a block walks plainly).
  const prefix = saved.text.includes('\n') ? '' : saved.text;
  if (delta < 0) {
    const i = previousMatch(entries, index, prefix, b.text);
    if (i < 0) return step(state, { type: 'bell' });
    return step({ ...state, buffer: B.of(entries[i]), historyIndex: i, saved, typing: false });
  }
  if (!walking) return step(state, { type: 'bell' });
  const i = nextMatch(entries, index, prefix, b.text);
  if (i < 0) return step({ ...state, buffer: saved, historyIndex: entries.length, saved: undefined, typing: false });
  return step({ ...state, buffer: B.of(entries[i]), historyIndex: i, saved, typing: false });
}

function searchKey(state: EditorState, key: Key, env: EditorEnv): Step {
  const s = state.search!;
  const entries = env.history;
  const show = (query: string, from: number, direction: 'back' | 'fwd'): Step => {
    const i = query === '' ? -1 : searchHistory(entries, query, from, direction);
    if (i < 0) return step({ ...state, search: { ...s, query, direction, failed: query !== '' } }, ...(query ? [{ type: 'bell' } as Effect] : []));
    const at = entries[i].toLowerCase().indexOf(query.toLowerCase());
    return step({ ...state, buffer: { text: entries[i], cursor: at }, search: { ...s, query, direction, match: i, failed: false } });
  };
  const start = s.match >= 0 ? s.match : s.direction === 'back' ? entries.length - 1 : 0;
  if (key.kind === 'text' || key.kind === 'paste') return show(s.query + key.text.replace(/\n/g, ' '), start, s.direction);
  if (isKey(key, 'backspace')) return show(s.query.slice(0, -1), s.direction === 'back' ? entries.length - 1 : 0, s.direction);
  if (isKey(key, 'r', { ctrl: true })) return show(s.query, s.match >= 0 ? s.match - 1 : start, 'back');
  if (isKey(key, 's', { ctrl: true })) return show(s.query, s.match >= 0 ? s.match + 1 : start, 'fwd');
  if (isKey(key, 'g', { ctrl: true }) || isKey(key, 'c', { ctrl: true })) return step({ ...state, buffer: s.saved, search: undefined });
  const done: EditorState = { ...state, search: undefined, buffer: B.of(state.buffer.text, state.buffer.cursor) };
  if (isKey(key, 'escape')) return step(done);
  if (isKey(key, 'enter')) return step(done, { type: 'submit', text: done.buffer.text });
  return reduce(done, key, env);
}
