// The Confirm prompt (ShouldProcess / ShouldContinue), with PowerShell's caption and choices.
import { PSException } from '../runtime/errors.ts';
import type { Session } from '../runtime/session.ts';

export type ConfirmAnswer = 'yes' | 'yesToAll' | 'no' | 'noToAll' | 'suspend';

const choices = [
  { label: '&Yes', help: 'Continue with only the next step of the operation.', answer: 'yes' },
  { label: 'Yes to &All', help: 'Continue with all the steps of the operation.', answer: 'yesToAll' },
  { label: '&No', help: 'Skip this operation and proceed to the next operation.', answer: 'no' },
  { label: 'No to A&ll', help: 'Skip this operation and all subsequent operations.', answer: 'noToAll' },
  { label: '&Suspend', help: 'Pause the current pipeline and return to the command prompt.', answer: 'suspend' },
] as const;

/** ShouldContinue(query, caption) offers only Yes, No (and Suspend). */
const withoutToAll = choices.filter((c) => c.answer !== 'yesToAll' && c.answer !== 'noToAll');

/** What ShouldProcess(target, action) describes: shown after `What if: `, in the prompt and as a verbose line. */
export function operationDescription(action: string, target: string): string {
  return `Performing the operation "${action}" on target "${target}".`;
}

/** The prompt's question when ShouldProcess was given none. */
export function confirmQuestion(description: string): string {
  return `Are you sure you want to perform this action?\n${description}`;
}

export function nonInteractiveError(): PSException {
  const e = new PSException(
    'Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.',
    'System.Management.Automation.Host.HostException',
  );
  (e as PSException & { errorId?: string }).errorId = 'HostFunctionNotImplemented';
  return e;
}

/** Asks `message` under `caption`; without a person to ask, the host's NonInteractive error. */
export async function confirmAction(session: Session, message: string, caption = 'Confirm', toAll = true): Promise<ConfirmAnswer> {
  if (!session.interactive) throw nonInteractiveError();
  const offered = toAll ? choices : withoutToAll;
  for (;;) {
    const index = await session.host.promptForChoice(caption || 'Confirm', message, [...offered], 0);
    if (index >= 0) return offered[index].answer;
    if (index === -1) return 'no';
  }
}
