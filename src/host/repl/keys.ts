// Decodes terminal input into key presses. ink splits stdin into events (one escape sequence, or a
// run of plain characters); this turns each event into keys, splitting control characters out of
// text runs (`abc\r` typed fast is three letters and Enter) and gathering a bracketed paste
// (ESC[200~ ... ESC[201~) into one paste event whose line breaks are text, not Enter.

export interface KeyPress {
  kind: 'key';
  /** `enter`, `tab`, `backspace`, `delete`, `left`, `right`, `up`, `down`, `home`, `end`, `escape`,
   * `pageup`, `pagedown`, `insert`, `space`, `f1`..`f12`, or the letter/character of a Ctrl/Alt chord. */
  name: string;
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
}

export type Key = KeyPress | { kind: 'text'; text: string } | { kind: 'paste'; text: string };

export function key(name: string, mods: { ctrl?: boolean; alt?: boolean; shift?: boolean } = {}): KeyPress {
  return { kind: 'key', name, ctrl: !!mods.ctrl, alt: !!mods.alt, shift: !!mods.shift };
}

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

const TILDE_KEYS: Record<string, string> = {
  '1': 'home',
  '2': 'insert',
  '3': 'delete',
  '4': 'end',
  '5': 'pageup',
  '6': 'pagedown',
  '7': 'home',
  '8': 'end',
  '11': 'f1',
  '12': 'f2',
  '13': 'f3',
  '14': 'f4',
  '15': 'f5',
  '17': 'f6',
  '18': 'f7',
  '19': 'f8',
  '20': 'f9',
  '21': 'f10',
  '23': 'f11',
  '24': 'f12',
};

const LETTER_KEYS: Record<string, string> = {
  A: 'up',
  B: 'down',
  C: 'right',
  D: 'left',
  H: 'home',
  F: 'end',
  P: 'f1',
  Q: 'f2',
  R: 'f3',
  S: 'f4',
};

/** xterm modifier parameter: 1 + (shift 1 | alt 2 | ctrl 4). */
function modifiers(param: string | undefined): { ctrl: boolean; alt: boolean; shift: boolean } {
  const m = param ? Number(param) - 1 : 0;
  return { shift: (m & 1) !== 0, alt: (m & 2) !== 0, ctrl: (m & 4) !== 0 };
}

/** A key for one control character (below 0x20, or DEL). */
function controlKey(ch: string): KeyPress {
  const code = ch.charCodeAt(0);
  switch (code) {
    case 0x0d:
    case 0x0a:
      return key('enter');
    case 0x09:
      return key('tab');
    case 0x7f:
    case 0x08:
      return key('backspace');
    case 0x1b:
      return key('escape');
    case 0x00:
      return key('space', { ctrl: true });
    default:
      if (code <= 0x1a) return key(String.fromCharCode(code + 0x60), { ctrl: true });
      return key(String.fromCharCode(code + 0x40), { ctrl: true }); // 0x1c..0x1f: \ ] ^ _
  }
}

function isControl(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c < 0x20 || c === 0x7f;
}

/** Splits a plain run into text and control keys. */
function decodeText(run: string): Key[] {
  const keys: Key[] = [];
  let text = '';
  for (const ch of run) {
    if (isControl(ch)) {
      if (text) keys.push({ kind: 'text', text });
      text = '';
      keys.push(controlKey(ch));
    } else text += ch;
  }
  if (text) keys.push({ kind: 'text', text });
  return keys;
}

/** Decodes one escape sequence (starting with ESC). */
function decodeEscape(seq: string): Key | undefined {
  if (seq === '\x1b' || seq === '\x1b\x1b') return key('escape');
  const csi = /^\x1b\x1b?\[(\d*)(?:;(\d+))?(?:;(\d+))?([A-Za-z~$^])$/.exec(seq);
  if (csi) {
    const [, a, b, c, final] = csi;
    const altPrefix = seq.startsWith('\x1b\x1b');
    if (final === '~') {
      if (a === '27' && c) {
        // xterm modifyOtherKeys: ESC[27;<mod>;<code>~
        const k = codeKey(Number(c), modifiers(b));
        return k;
      }
      const name = TILDE_KEYS[a];
      if (!name) return undefined;
      const m = modifiers(b);
      return key(name, { ...m, alt: m.alt || altPrefix });
    }
    if (final === 'u') return codeKey(Number(a), modifiers(b));
    if (final === 'Z') return key('tab', { shift: true });
    const name = LETTER_KEYS[final] ?? LETTER_KEYS[final.toUpperCase()];
    if (!name) return undefined;
    const m = modifiers(b);
    // rxvt: lower-case letters are Shift+arrow.
    return key(name, { ...m, shift: m.shift || final !== final.toUpperCase(), alt: m.alt || altPrefix });
  }
  const ss3 = /^\x1bO([A-Za-z])$/.exec(seq);
  if (ss3) {
    const name = LETTER_KEYS[ss3[1]] ?? LETTER_KEYS[ss3[1].toUpperCase()];
    return name ? key(name, { ctrl: ss3[1] !== ss3[1].toUpperCase() }) : undefined;
  }
  // ESC followed by one character: Alt+character.
  const rest = seq.slice(1);
  if ([...rest].length === 1) {
    if (isControl(rest)) return { ...controlKey(rest), alt: true };
    return key(rest, { alt: true });
  }
  return undefined;
}

/** Kitty / modifyOtherKeys code points. */
function codeKey(code: number, mods: { ctrl: boolean; alt: boolean; shift: boolean }): KeyPress {
  if (code === 13) return key('enter', mods);
  if (code === 9) return key('tab', mods);
  if (code === 127 || code === 8) return key('backspace', mods);
  if (code === 27) return key('escape', mods);
  if (code === 32) return key('space', mods);
  return key(String.fromCodePoint(code).toLowerCase(), mods);
}

export interface KeyDecoder {
  /** Decodes one input event from ink (an escape sequence, or a run of characters). */
  push(event: string): Key[];
}

export function createKeyDecoder(): KeyDecoder {
  let paste: string | undefined;
  return {
    push(event: string): Key[] {
      if (paste !== undefined) {
        const end = event.indexOf(PASTE_END);
        if (end < 0) {
          paste += event;
          return [];
        }
        const text = normalizePaste(paste + event.slice(0, end));
        paste = undefined;
        const after = event.slice(end + PASTE_END.length);
        return [{ kind: 'paste', text }, ...(after ? this.push(after) : [])];
      }
      if (event.startsWith(PASTE_START)) {
        paste = '';
        const rest = event.slice(PASTE_START.length);
        return rest ? this.push(rest) : [];
      }
      if (event.startsWith('\x1b')) {
        const k = decodeEscape(event);
        return k ? [k] : [];
      }
      return decodeText(event);
    },
  };
}

/** Pasted text: CRLF and CR become LF, tabs stay, other control characters are dropped. */
export function normalizePaste(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\x1b\[[0-9;]*[A-Za-z~]/g, '')
    .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
}
