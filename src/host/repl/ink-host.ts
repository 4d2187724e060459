// The HostUI of the interactive shell: output goes above the live prompt, and prompts from cmdlets
// (Read-Host, Get-Credential, mandatory parameters, -Confirm and other choices) are answered inline
// on the prompt line. No ink here: it talks to the ShellController, which the ink view draws.
import { formatChoices, hotKey, resolveChoice, type ChoiceDescription, type HostUI, type ProgressRecord } from '../../runtime/host-ui.ts';
import type { ShellController } from './shell-controller.ts';
import { colorize, colorEnabled } from './styles.ts';

const DIAGNOSTIC_COLOURS: Record<string, string | undefined> = {
  error: 'Red',
  warning: 'Yellow',
  verbose: 'Yellow',
  debug: 'Yellow',
};

export interface InkHostOptions {
  color?: boolean;
  columns?: () => number | undefined;
}

export class InkHost implements HostUI {
  readonly interactive = true;
  readonly color: boolean;
  private controller: ShellController | undefined;
  private early = '';
  private readonly columns: () => number | undefined;

  constructor(options: InkHostOptions = {}) {
    this.color = options.color ?? colorEnabled();
    this.columns = options.columns ?? (() => process.stdout.columns);
  }

  get width(): number {
    return this.columns() || 80;
  }

  /** Connects the shell's controller; output written before goes out now. */
  connect(controller: ShellController): void {
    this.controller = controller;
    if (this.early) controller.sink.write(this.early);
    this.early = '';
  }

  writeOutput(text: string): void {
    if (this.controller) this.controller.sink.write(text);
    else this.early += text;
  }

  writeDiagnostic(text: string, kind: 'error' | 'warning' | 'verbose' | 'debug' | 'information'): void {
    const body = text.endsWith('\n') ? text.slice(0, -1) : text;
    const colour = this.color ? DIAGNOSTIC_COLOURS[kind] : undefined;
    this.writeOutput(`${colour ? colorize(body, colour) : body}\n`);
  }

  writeHost(text: string, options: { noNewline?: boolean; foreground?: string; background?: string }): void {
    const shown = this.color ? colorize(text, options.foreground, options.background) : text;
    this.writeOutput(options.noNewline ? shown : `${shown}\n`);
  }

  async readLine(prompt: string): Promise<string | null> {
    if (!this.controller) return null;
    return this.controller.readLine(prompt);
  }

  async readSecret(prompt: string): Promise<string | null> {
    if (!this.controller) return null;
    return this.controller.readLine(prompt, { mask: true });
  }

  /** The console host's choice prompt: `?` lists the help of each choice, a wrong answer asks again. */
  async promptForChoice(caption: string, message: string, choices: ChoiceDescription[], defaultIndex: number): Promise<number> {
    const head = [caption, message].filter((s) => s !== '').join('\n');
    if (head) this.writeOutput(`${head}\n`);
    for (;;) {
      const answer = await this.readLine(formatChoices(choices, defaultIndex));
      if (answer === null) return -1;
      if (answer.trim() === '?') {
        for (const c of choices) this.writeOutput(`${hotKey(c.label)} - ${c.help ?? c.label.replace('&', '')}\n`);
        continue;
      }
      const index = resolveChoice(answer, choices, defaultIndex);
      if (index >= 0) return index;
    }
  }

  progress(record: ProgressRecord): void {
    this.controller?.setProgress(record);
  }

  clear(): void {
    this.controller?.clearScreen(true);
  }
}
