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

export function nonInteractiveError(): PSException {
  const e = new PSException(
    'PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.',
    'System.Management.Automation.Host.HostException',
  );
  (e as PSException & { errorId?: string }).errorId = 'HostFunctionNotImplemented';
  return e;
}

export async function confirmAction(session: Session, operation: string, caption = 'Confirm'): Promise<ConfirmAnswer> {
  if (!session.interactive) throw nonInteractiveError();
  const message = caption === 'Confirm' ? `Are you sure you want to perform this action?\n${operation}` : operation;
  for (;;) {
    const index = await session.host.promptForChoice(caption, message, [...choices], 0);
    if (index >= 0) return choices[index].answer;
    if (index === -1) return 'no';
  }
}
