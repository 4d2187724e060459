// The read-run loop of the interactive shell: prompt, read a command (history, completion...), add
// it to the history file and Get-History, run it with Ctrl+C wired to the session's abort, repeat.
import { runInteractiveText } from '../../../cmdlets/core/remoting/entered-session.ts';
import type { ErrorRecord } from '../../runtime/errors.ts';
import { transcribeCommandLine } from '../../runtime/host-ui.ts';
import type { Session } from '../../runtime/session.ts';
import type { HistoryStore } from '../history-file.ts';
import type { TopLevelOutput } from '../top-level-output.ts';
import { promptText } from './prompt-text.ts';
import type { ShellController } from './shell-controller.ts';

/** How long a command may run without letting keys (Ctrl+C) in. */
const YIELD_MS = 25;

function isStopped(record: ErrorRecord): boolean {
  return record.exception.isA('System.Management.Automation.PipelineStoppedException');
}

export interface ShellLoopOptions {
  session: Session;
  controller: ShellController;
  history: HistoryStore;
  output: TopLevelOutput;
}

/** Runs until `exit` or Ctrl+D; returns the exit code. */
export async function runShellLoop({ session, controller, history, output }: ShellLoopOptions): Promise<number> {
  let lastYield = Date.now();
  // Output is the point where a long synchronous pipeline gives the event loop a turn, so that
  // Ctrl+C is read and aborts it.
  const out = (value: unknown): void | Promise<void> => {
    output.out(value);
    const now = Date.now();
    if (now - lastYield < YIELD_MS) return undefined;
    lastYield = now;
    return new Promise<void>((resolve) => setImmediate(resolve));
  };
  const streams = {
    ...output.streams,
    error(record: ErrorRecord) {
      // Ctrl+C returns to the prompt quietly, as in PowerShell.
      if (session.abort.signal.aborted && isStopped(record)) return;
      output.streams.error(record);
    },
  };
  for (;;) {
    history.refresh();
    const prompt = await promptText(session);
    const text = await controller.readCommand(prompt);
    if (text === null) return 0;
    if (text.trim() === '') continue;
    transcribeCommandLine(session.host, `${prompt}${text}`);
    history.add(text);
    // Get-History lists a command once it has run (so `Get-History` does not list itself).
    const entry: Session['history'][number] = { id: (session.history[session.history.length - 1]?.id ?? 0) + 1, commandLine: text, start: new Date() };
    controller.running();
    lastYield = Date.now();
    let exitCode: number | undefined;
    try {
      const result = await runInteractiveText(session, text, { out, streams });
      exitCode = result.exitCode;
    } catch (e) {
      session.host.writeDiagnostic(`emsh: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`, 'error');
    } finally {
      output.finish();
      entry.end = new Date();
      session.history.push(entry);
      controller.commandDone();
    }
    if (exitCode !== undefined) return exitCode;
  }
}
