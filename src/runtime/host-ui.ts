// What the runtime needs from whoever hosts it (the CLI's line mode, the ink REPL, tests).
// Implementations live in src/host/; the runtime and cmdlets only see this interface.

export interface ChoiceDescription {
  /** Label with `&` before the hot key: `&Yes`, `Yes to &All`. */
  label: string;
  help?: string;
}

export interface ProgressRecord {
  activity: string;
  status: string;
  percentComplete: number;
  id: number;
  completed: boolean;
  currentOperation?: string;
}

export interface HostUI {
  /** True when a person can answer prompts (a terminal, and not -NonInteractive). */
  readonly interactive: boolean;
  /** Columns available for formatting. */
  readonly width: number;
  /** Whether ANSI colour may be used. */
  readonly color: boolean;
  /** Formatted pipeline output (already text). */
  writeOutput(text: string): void;
  /** Error, warning, verbose and debug text (already formatted, with prefixes). */
  writeDiagnostic(text: string, kind: 'error' | 'warning' | 'verbose' | 'debug' | 'information'): void;
  /** Write-Host. */
  writeHost(text: string, options: { noNewline?: boolean; foreground?: string; background?: string }): void;
  /** Reads one line (Read-Host, prompts); null when input has ended. */
  readLine(prompt: string): Promise<string | null>;
  /** Reads a secret without echo. */
  readSecret(prompt: string): Promise<string | null>;
  /** PromptForChoice: returns the chosen index. */
  promptForChoice(caption: string, message: string, choices: ChoiceDescription[], defaultIndex: number): Promise<number>;
  progress(record: ProgressRecord): void;
  clear(): void;
}

/** A host for scripts and tests: output into buffers, no person to ask. */
export class BufferHost implements HostUI {
  readonly interactive: boolean;
  readonly width: number;
  readonly color = false;
  out = '';
  err = '';
  hostText = '';
  private readonly answers: string[];

  constructor(options: { width?: number; answers?: string[]; interactive?: boolean } = {}) {
    this.width = options.width ?? 120;
    this.answers = [...(options.answers ?? [])];
    this.interactive = options.interactive ?? this.answers.length > 0;
  }

  writeOutput(text: string): void {
    this.out += text;
  }
  writeDiagnostic(text: string): void {
    this.err += text.endsWith('\n') ? text : `${text}\n`;
  }
  writeHost(text: string, options: { noNewline?: boolean }): void {
    const s = options.noNewline ? text : `${text}\n`;
    this.hostText += s;
    this.out += s;
  }
  async readLine(prompt: string): Promise<string | null> {
    this.out += prompt;
    const answer = this.answers.shift();
    if (answer !== undefined) this.out += `${answer}\n`;
    return answer ?? null;
  }
  async readSecret(prompt: string): Promise<string | null> {
    this.out += prompt;
    const answer = this.answers.shift();
    if (answer !== undefined) this.out += '\n';
    return answer ?? null;
  }
  async promptForChoice(caption: string, message: string, choices: ChoiceDescription[], defaultIndex: number): Promise<number> {
    const answer = await this.readLine(`${caption}\n${message}\n${formatChoices(choices, defaultIndex)}`);
    return resolveChoice(answer, choices, defaultIndex);
  }
  progress(): void {}
  clear(): void {}
}

/** `[Y] Yes  [A] Yes to All  [N] No  [?] Help (default is "Y"): ` */
export function formatChoices(choices: ChoiceDescription[], defaultIndex: number): string {
  const parts = choices.map((c) => `[${hotKey(c.label)}] ${c.label.replace('&', '')}  `);
  const def = choices[defaultIndex] ? hotKey(choices[defaultIndex].label) : '';
  return `${parts.join('')}[?] Help (default is "${def}"): `;
}

export function hotKey(label: string): string {
  const i = label.indexOf('&');
  return i >= 0 ? label[i + 1].toUpperCase() : label[0].toUpperCase();
}

/** Maps an answer (hot key or label, case-insensitive; empty = default) to a choice index, or -1. */
export function resolveChoice(answer: string | null, choices: ChoiceDescription[], defaultIndex: number): number {
  if (answer === null) return -1;
  const a = answer.trim().toLowerCase();
  if (a === '') return defaultIndex;
  return choices.findIndex((c) => hotKey(c.label).toLowerCase() === a || c.label.replace('&', '').toLowerCase() === a);
}

const transcriptRecorders = new WeakMap<HostUI, ((text: string) => void)[]>();

/** A command line the interactive shell read without the host (the ink editor), for open transcripts. */
export function transcribeCommandLine(host: HostUI, promptAndCommand: string): void {
  for (const record of transcriptRecorders.get(host) ?? []) record(`${promptAndCommand}\n`);
}

/**
 * Start-Transcript's hook: from now on `record` also receives the text the host writes (output, errors
 * and warnings, Write-Host) and each line it reads with its prompt, without colour codes. Returns the
 * function that detaches it. A host method that calls another (a diagnostic written through
 * writeOutput) is recorded once.
 */
export function attachTranscript(host: HostUI, record: (text: string) => void): () => void {
  const patched = host as unknown as Record<string, unknown>;
  const originals = new Map<string, unknown>();
  let depth = 0;
  const write = (text: string) => record(text.replace(/\x1b\[[0-9;]*m/g, ''));
  const recorders = transcriptRecorders.get(host) ?? [];
  transcriptRecorders.set(host, [...recorders, write]);
  const wrap = <A extends unknown[], R>(name: string, transcribe: (args: A, result: R) => void) => {
    const had = Object.prototype.hasOwnProperty.call(patched, name);
    originals.set(name, had ? patched[name] : undefined);
    const original = patched[name] as (...args: A) => R;
    patched[name] = function (this: unknown, ...args: A): R {
      depth++;
      try {
        const result = original.apply(host, args);
        if (depth === 1) transcribe(args, result);
        return result;
      } finally {
        depth--;
      }
    };
  };
  wrap<[string], void>('writeOutput', ([text]) => write(text));
  wrap<[string], void>('writeDiagnostic', ([text]) => write(text.endsWith('\n') ? text : `${text}\n`));
  wrap<[string, { noNewline?: boolean }], void>('writeHost', ([text, options]) => write(options?.noNewline ? text : `${text}\n`));
  wrap<[string], Promise<string | null>>('readLine', ([prompt], answer) => {
    void answer.then((line) => line !== null && write(`${prompt}${line}\n`));
  });
  return () => {
    transcriptRecorders.set(host, (transcriptRecorders.get(host) ?? []).filter((r) => r !== write));
    for (const [name, own] of originals) {
      if (own === undefined) delete patched[name];
      else patched[name] = own;
    }
  };
}
