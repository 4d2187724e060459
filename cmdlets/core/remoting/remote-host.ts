// The host a lab computer's session writes to: the caller's console. As in PowerShell remoting,
// Write-Host and progress on the remote computer show on the local console, and a remote command
// can't ask questions (there is no one at the remote end to answer them).
import type { ChoiceDescription, HostUI, ProgressRecord } from '../../../src/runtime/host-ui.ts';

export class RemoteHost implements HostUI {
  readonly interactive = false;

  constructor(private readonly caller: HostUI) {}

  get width(): number {
    return this.caller.width;
  }
  get color(): boolean {
    return this.caller.color;
  }
  writeOutput(text: string): void {
    this.caller.writeOutput(text);
  }
  writeDiagnostic(text: string, kind: 'error' | 'warning' | 'verbose' | 'debug' | 'information'): void {
    this.caller.writeDiagnostic(text, kind);
  }
  writeHost(text: string, options: { noNewline?: boolean; foreground?: string; background?: string }): void {
    this.caller.writeHost(text, options);
  }
  async readLine(): Promise<string | null> {
    return null;
  }
  async readSecret(): Promise<string | null> {
    return null;
  }
  async promptForChoice(_caption: string, _message: string, _choices: ChoiceDescription[], _defaultIndex: number): Promise<number> {
    return -1;
  }
  progress(record: ProgressRecord): void {
    this.caller.progress(record);
  }
  clear(): void {}
}
