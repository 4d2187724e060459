// The HostUI for a terminal or pipes: output to stdout, diagnostics to stderr (red on a terminal),
// prompts read from stdin line by line.
import type { Interface } from 'node:readline';
import { formatChoices, resolveChoice, type ChoiceDescription, type HostUI, type ProgressRecord } from '../runtime/host-ui.ts';

const colours: Record<string, string> = {
  error: '\x1b[31m',
  warning: '\x1b[33m',
  verbose: '\x1b[33m',
  debug: '\x1b[33m',
  information: '',
};

export class ConsoleHost implements HostUI {
  readonly interactive: boolean;
  readonly color: boolean;
  private lines: AsyncIterator<string> | undefined;
  private rl: Interface | undefined;

  constructor(options: { nonInteractive?: boolean } = {}) {
    this.interactive = !!process.stdin.isTTY && !options.nonInteractive;
    this.color = !!process.stdout.isTTY && !process.env.NO_COLOR;
  }

  get width(): number {
    return process.stdout.columns && process.stdout.isTTY ? process.stdout.columns : 120;
  }

  writeOutput(text: string): void {
    process.stdout.write(text);
  }

  writeDiagnostic(text: string, kind: 'error' | 'warning' | 'verbose' | 'debug' | 'information'): void {
    const body = text.endsWith('\n') ? text : `${text}\n`;
    const colour = this.color && process.stderr.isTTY ? colours[kind] : '';
    process.stderr.write(colour ? `${colour}${body.replace(/\n$/, '')}\x1b[0m\n` : body);
  }

  writeHost(text: string, options: { noNewline?: boolean; foreground?: string }): void {
    process.stdout.write(options.noNewline ? text : `${text}\n`);
  }

  /** Imports node:readline on the first read (`-Command` never reads, and the import costs every start). */
  private async reader(): Promise<AsyncIterator<string>> {
    if (!this.lines) {
      const { createInterface } = await import('node:readline');
      this.rl ??= createInterface({ input: process.stdin, terminal: false });
      this.lines ??= this.rl[Symbol.asyncIterator]();
    }
    return this.lines;
  }

  async readLine(prompt: string): Promise<string | null> {
    process.stdout.write(prompt);
    const n = await (await this.reader()).next();
    return n.done ? null : n.value;
  }

  async readSecret(prompt: string): Promise<string | null> {
    return this.readLine(prompt);
  }

  async promptForChoice(caption: string, message: string, choices: ChoiceDescription[], defaultIndex: number): Promise<number> {
    process.stdout.write(`\n${caption}\n${message}\n`);
    const answer = await this.readLine(formatChoices(choices, defaultIndex));
    return resolveChoice(answer, choices, defaultIndex);
  }

  progress(record: ProgressRecord): void {
    if (!process.stderr.isTTY) return;
    const width = 30;
    const filled = Math.round((Math.max(0, Math.min(100, record.percentComplete)) / 100) * width);
    const bar = record.completed ? '' : `${record.activity} [${'o'.repeat(filled)}${' '.repeat(width - filled)}] ${record.status}`;
    process.stderr.write(`\r\x1b[K${bar}`);
  }

  clear(): void {
    if (process.stdout.isTTY) process.stdout.write('\x1b[2J\x1b[3J\x1b[H');
  }

  close(): void {
    this.rl?.close();
  }
}
