// The prompt string: the user's `prompt` function when defined (its output joined as text; `PS>`
// when it fails, as the console host does), else `PS <location>> `. In a session entered with
// Enter-PSSession, the remote session's prompt after `[computer]: `.
import { enteredPrompt } from '../../../cmdlets/core/remoting/entered-session.ts';
import { runText } from '../../runtime/evaluator/run-script.ts';
import type { Session } from '../../runtime/session.ts';
import { toPSString } from '../../runtime/to-string.ts';

export async function promptText(session: Session): Promise<string> {
  const entered = enteredPrompt(session);
  if (entered) return entered.prefix + (await promptText(entered.session));
  if (!session.globalScope.lookupFunction('prompt')) return `PS ${session.currentLocation()}> `;
  const parts: unknown[] = [];
  const lastSuccess = session.lastSuccess;
  const errors = session.errors.length;
  let failed = false;
  const ignore = () => {};
  try {
    const result = await runText(session, 'prompt', {
      out: (v) => void parts.push(v),
      streams: { error: () => (failed = true), warning: ignore, verbose: ignore, debug: ignore, information: ignore, progress: ignore },
    });
    if (!result.ok) failed = true;
  } catch {
    failed = true;
  } finally {
    session.lastSuccess = lastSuccess;
    if (session.errors.length > errors) session.errors.splice(0, session.errors.length - errors);
  }
  if (failed) return 'PS>';
  return parts.map((p) => toPSString(p)).join(' ');
}
