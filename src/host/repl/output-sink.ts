// Command output on its way to the terminal: gathered and written in batches above the live prompt
// (ink's writeToStdout erases the live region, writes, and draws it again). Only whole lines are
// written while a command runs, because the redrawn live region would otherwise start on the
// partial line and erase it next time; the partial rest is written when the command ends.

export class OutputSink {
  private pending = '';
  private scheduled = false;
  /** Where text goes; set by the view once ink is mounted. Text written before is kept. */
  private target: ((text: string) => void) | undefined;

  constructor(private readonly maxPending = 64 * 1024) {}

  attach(target: (text: string) => void): void {
    this.target = target;
    this.flushLines();
  }

  write(text: string): void {
    if (!text) return;
    this.pending += text;
    if (this.pending.length >= this.maxPending) this.flushLines();
    else this.schedule();
  }

  /** The unfinished last line (e.g. Write-Host -NoNewline before Read-Host), taken out of the sink. */
  takePartialLine(): string {
    const nl = this.pending.lastIndexOf('\n');
    const partial = this.pending.slice(nl + 1);
    this.pending = this.pending.slice(0, nl + 1);
    return partial;
  }

  /** Writes every whole line now. */
  flushLines(): void {
    if (!this.target) return;
    const nl = this.pending.lastIndexOf('\n');
    if (nl < 0) return;
    const text = this.pending.slice(0, nl + 1);
    this.pending = this.pending.slice(nl + 1);
    this.target(text);
  }

  /** Writes everything, ending an unfinished line (the command is over). */
  flushAll(): void {
    if (this.pending && !this.pending.endsWith('\n')) this.pending += '\n';
    this.flushLines();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flushLines();
    });
  }
}
