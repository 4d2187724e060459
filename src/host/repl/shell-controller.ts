// The interactive shell's state outside React: who owns the keyboard (the command prompt, an inline
// Read-Host prompt, or nobody while a command runs), the live rows ink draws, the lines echoed into
// the scrollback, and progress bars. The ink view subscribes to it (useSyncExternalStore) and feeds
// it raw input; everything here is testable without a terminal.
import type { Completions } from '../../completion/types.ts';
import type { ProgressRecord } from '../../runtime/host-ui.ts';
import { applyCompletions, initialState, reduce, suggestion, type Effect, type EditorEnv, type EditorState } from './editor.ts';
import { createKeyDecoder, type Key } from './keys.ts';
import { plainLanguage, type Language } from './language.ts';
import { layoutInput, layoutList, type Row } from './layout.ts';
import { OutputSink } from './output-sink.ts';
import { progressRows } from './progress.ts';
import { rowAnsi } from './styles.ts';

export const CONTINUATION_PROMPT = '>> ';

export interface ShellControllerOptions {
  language: Language;
  /** History entries, oldest first (the live array of the history store). */
  history: () => readonly string[];
  complete: (text: string, cursor: number) => Promise<Completions>;
  color: boolean;
  /** Ctrl+C while a command runs or a prompt waits: stop the running pipeline. */
  onInterrupt: () => void;
  width: () => number;
  height: () => number;
}

export interface Echo {
  id: number;
  text: string;
}

export interface ShellSnapshot {
  /** Finished lines (banner, accepted input), written once above the live rows. */
  echoes: readonly Echo[];
  /** The live region, one terminal row each (ANSI). */
  rows: readonly string[];
  cursor?: { x: number; y: number };
  /** True when the shell is over and the view should unmount. */
  done: boolean;
}

interface Reader {
  prompt: string;
  editor: EditorState;
  env: EditorEnv;
  mask: boolean;
  /** The command prompt (history, completion, colouring, multi-line) rather than Read-Host. */
  command: boolean;
  resolve: (text: string | null) => void;
}

export class ShellController {
  readonly sink = new OutputSink();
  private readonly decoder = createKeyDecoder();
  private reader: Reader | undefined;
  private typeahead: Key[] = [];
  private readonly progress = new Map<number, ProgressRecord>();
  private progressTimer: NodeJS.Timeout | undefined;
  private lastProgressDraw = 0;
  private echoes: Echo[] = [];
  private nextEcho = 1;
  private completionRequest = 0;
  private done = false;
  private readonly listeners = new Set<() => void>();
  private snapshot: ShellSnapshot = { echoes: [], rows: [], done: false };
  private writeRaw: ((text: string) => void) | undefined;

  constructor(private readonly o: ShellControllerOptions) {}

  // ---------------------------------------------------------------- the view's side

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ShellSnapshot => this.snapshot;

  /** Connects the terminal: `write` prints above the live region (ink's useStdout().write). */
  attach(write: (text: string) => void): void {
    this.writeRaw = write;
    this.sink.attach(write);
  }

  /** One input event from ink (an escape sequence or a run of characters). */
  handleInput(event: string): void {
    this.handleKeys(this.decoder.push(event));
  }

  private handleKeys(keys: Key[]): void {
    for (const key of keys) {
      const r = this.reader;
      if (!r) {
        // A command is running: Ctrl+C stops it, other keys wait for the next prompt.
        if (key.kind === 'key' && key.ctrl && key.name === 'c') {
          this.typeahead = [];
          this.o.onInterrupt();
        } else this.typeahead.push(key);
        continue;
      }
      const step = reduce(r.editor, key, r.env);
      r.editor = step.state;
      for (const e of step.effects) this.effect(r, e);
    }
    this.update();
  }

  /** Terminal resized. */
  resized(): void {
    this.update();
  }

  // ---------------------------------------------------------------- the shell's side

  /** Shows the command prompt; resolves with the accepted input, or null for Ctrl+D on an empty line. */
  readCommand(prompt: string): Promise<string | null> {
    return this.read(prompt, { command: true, mask: false });
  }

  /** An inline prompt for a running command (Read-Host, mandatory parameters, choices). */
  readLine(prompt: string, options: { mask?: boolean } = {}): Promise<string | null> {
    const nl = prompt.lastIndexOf('\n');
    if (nl >= 0) this.sink.write(prompt.slice(0, nl + 1));
    this.sink.flushLines();
    const partial = this.sink.takePartialLine();
    return this.read(partial + prompt.slice(nl + 1), { command: false, mask: !!options.mask });
  }

  /** The shell is running a command: the prompt goes away, keys are kept for the next prompt. */
  running(): void {
    this.reader = undefined;
    this.update();
  }

  /** The command finished: the rest of its output is written. */
  commandDone(): void {
    this.sink.flushAll();
    this.progress.clear();
    this.update();
  }

  /** Adds finished text above the live region (the banner). */
  echo(text: string): void {
    this.pushEcho(text);
    this.update();
  }

  private pushEcho(text: string): void {
    this.sink.flushAll();
    this.echoes = [...this.echoes, { id: this.nextEcho++, text: text.replace(/\n$/, '') }];
  }

  setProgress(record: ProgressRecord): void {
    if (record.completed) this.progress.delete(record.id);
    else this.progress.set(record.id, record);
    const now = Date.now();
    if (record.completed || now - this.lastProgressDraw > 100) {
      this.lastProgressDraw = now;
      this.update();
    } else if (!this.progressTimer) {
      this.progressTimer = setTimeout(() => {
        this.progressTimer = undefined;
        this.lastProgressDraw = Date.now();
        this.update();
      }, 100);
    }
  }

  /**
   * Clear-Host (with the scrollback) and Ctrl+L (the screen only): the ANSI clear is written above
   * the live region, and the echoes already written are dropped (an empty list lets <Static> start
   * over; its items are append-only otherwise).
   */
  clearScreen(scrollback: boolean): void {
    this.sink.flushLines();
    this.writeRaw?.(`\x1b[H\x1b[2J${scrollback ? '\x1b[3J' : ''}`);
    this.echoes = [];
    this.update();
  }

  /** Ends the session: the view unmounts. */
  finish(): void {
    this.sink.flushAll();
    this.reader = undefined;
    this.done = true;
    if (this.progressTimer) clearTimeout(this.progressTimer);
    this.update();
  }

  // ---------------------------------------------------------------- internals

  private read(prompt: string, options: { command: boolean; mask: boolean }): Promise<string | null> {
    return new Promise((resolve) => {
      const history = options.command ? this.o.history() : [];
      this.reader = {
        prompt,
        editor: initialState(history),
        env: { history, isIncomplete: (t) => this.o.language.isIncomplete(t), simple: !options.command },
        mask: options.mask,
        command: options.command,
        resolve,
      };
      const ahead = this.typeahead;
      this.typeahead = [];
      this.handleKeys(ahead);
    });
  }

  private effect(r: Reader, e: Effect): void {
    switch (e.type) {
      case 'submit':
        this.accept(r, e.text);
        this.reader = undefined;
        r.resolve(e.text);
        break;
      case 'cancel':
        this.accept(r, e.text);
        if (!r.command) {
          this.reader = undefined;
          this.o.onInterrupt();
          r.resolve(null);
        }
        break;
      case 'exit':
        if (r.command) {
          this.reader = undefined;
          r.resolve(null);
        }
        break;
      case 'clear-screen':
        this.clearScreen(false);
        break;
      case 'complete':
        this.requestCompletion(r, e.text, e.cursor, e.backwards);
        break;
      case 'bell':
        break;
    }
  }

  private requestCompletion(r: Reader, text: string, cursor: number, backwards: boolean): void {
    const id = ++this.completionRequest;
    this.o.complete(text, cursor).then(
      (result) => {
        const current = r.editor.buffer;
        if (id !== this.completionRequest || this.reader !== r || current.text !== text || current.cursor !== cursor) return;
        const step = applyCompletions(r.editor, result, backwards);
        r.editor = step.state;
        this.update();
      },
      () => {
        r.editor = { ...r.editor, completing: false };
      },
    );
  }

  /** Writes the accepted (or abandoned) input above the live region, as it looked without ghosts. */
  private accept(r: Reader, text: string): void {
    const rows = this.inputRows(r, text, text.length, false).rows;
    this.pushEcho(rows.map((row) => rowAnsi(row, this.o.color)).join('\n'));
  }

  private inputRows(r: Reader, text: string, cursor: number, live: boolean) {
    const lang = r.command ? this.o.language : plainLanguage;
    const errors = r.mask ? [] : lang.errors(text);
    return layoutInput({
      prompt: r.prompt,
      continuation: CONTINUATION_PROMPT,
      text,
      cursor,
      spans: r.mask ? [] : lang.classify(text),
      errors,
      promptError: errors.length > 0,
      suggestion: live && r.command ? suggestion(r.editor, r.env) : undefined,
      mask: r.mask,
      width: this.o.width(),
    });
  }

  private update(): void {
    const width = this.o.width();
    const maxRows = Math.max(1, this.o.height() - 1);
    let rows: Row[] = [];
    let cursor: { x: number; y: number } | undefined;
    const r = this.reader;
    if (r && !this.done) {
      const ed = r.editor;
      const input = this.inputRows(r, ed.buffer.text, ed.buffer.cursor, true);
      rows = input.rows;
      cursor = input.cursor;
      if (ed.completion) rows = [...rows, ...layoutList(ed.completion.items, ed.completion.index, width, Math.min(10, maxRows - rows.length))];
      if (ed.search) {
        const s = ed.search;
        const status = `${s.failed ? 'failed-' : ''}${s.direction === 'back' ? 'bck' : 'fwd'}-i-search: ${s.query}`;
        rows = [...rows, [{ text: status, style: 'status' }]];
        cursor = { x: Math.min(width - 1, [...status].length), y: rows.length - 1 };
      }
    } else if (!this.done) rows = progressRows([...this.progress.values()], width);
    if (rows.length > maxRows) {
      const first = Math.max(0, Math.min((cursor?.y ?? rows.length) - maxRows + 1, rows.length - maxRows));
      rows = rows.slice(first, first + maxRows);
      if (cursor) cursor = { x: cursor.x, y: cursor.y - first };
    }
    this.snapshot = { echoes: this.echoes, rows: rows.map((row) => rowAnsi(row, this.o.color)), cursor, done: this.done };
    for (const l of this.listeners) l();
  }
}
