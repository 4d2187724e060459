// Which lab computer the interactive shell has entered (Enter-PSSession), kept in the shell's
// `session.services`: the prompt reads `[mail.woodgrovebank.com]: PS C:\> ` and each command typed
// runs there until Exit-PSSession or `exit`. A small module on purpose: the read-run loops and the
// prompt (src/host) import it at startup, before any cmdlet module is loaded.
import { runText, type RunOptions, type RunResult } from '../../../src/runtime/evaluator/run-script.ts';
import type { Session } from '../../../src/runtime/session.ts';
import type { LabPSSession } from './ps-session.ts';

const ENTERED_KEY = 'core.remoting.entered';
/** Set on a lab computer's session: the shell that entered it (Exit-PSSession typed there acts on that shell). */
export const CALLER_KEY = 'core.remoting.caller';

interface Entered {
  psSession: LabPSSession;
  /** Opened by Enter-PSSession -ComputerName: closed again on exit. */
  temporary: boolean;
}

/** The session the interactive shell is in, if any. */
export function enteredPSSession(session: Session): LabPSSession | undefined {
  const entered = session.services.get(ENTERED_KEY) as Entered | undefined;
  if (entered && entered.psSession.state !== 'Opened') {
    session.services.delete(ENTERED_KEY);
    return undefined;
  }
  return entered?.psSession;
}

export async function enterSession(session: Session, psSession: LabPSSession, temporary: boolean): Promise<void> {
  await exitEnteredSession(session);
  psSession.remote.services.set(CALLER_KEY, session);
  session.services.set(ENTERED_KEY, { psSession, temporary } satisfies Entered);
}

export async function exitEnteredSession(session: Session): Promise<void> {
  const entered = session.services.get(ENTERED_KEY) as Entered | undefined;
  if (!entered) return;
  session.services.delete(ENTERED_KEY);
  entered.psSession.remote.services.delete(CALLER_KEY);
  if (entered.temporary) await entered.psSession.close();
}

/** The prompt's `[computer]: ` prefix and the session whose location and prompt follow it. */
export function enteredPrompt(session: Session): { prefix: string; session: Session } | undefined {
  const s = enteredPSSession(session);
  return s ? { prefix: `[${s.computerName}]: `, session: s.remote } : undefined;
}

/** Runs a typed command where the shell is: here, or on the entered computer (`exit` there leaves it). */
export async function runInteractiveText(session: Session, text: string, options: RunOptions): Promise<RunResult> {
  const s = enteredPSSession(session);
  if (!s) return runText(session, text, options);
  const result = await runText(s.remote, text, options);
  if (result.exitCode === undefined) return result;
  await exitEnteredSession(session);
  return { ok: result.ok };
}
