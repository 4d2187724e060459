// Enter-PSSession / Exit-PSSession: the interactive shell works on a lab computer (entered-session.ts
// keeps which one; the prompt and the read-run loops of src/host ask it).
import { defineCmdlet } from '../../../src/pipeline/cmdlet.ts';
import { ErrorRecord } from '../../../src/runtime/errors.ts';
import type { Session } from '../../../src/runtime/session.ts';
import { resolveLabComputer } from './lab-computers.ts';
import { asLabPSSession, listPSSessions, openPSSession, type LabPSSession } from './ps-session.ts';
import { CALLER_KEY, enterSession, exitEnteredSession } from './entered-session.ts';
import { REMOTING_SETUP } from './session-cmdlets.ts';

export const enterPSSessionCmdlet = defineCmdlet({
  name: 'Enter-PSSession',
  synopsis: 'Works interactively on a lab computer.',
  description:
    'Makes the interactive shell run each command typed on the computer (-ComputerName, in a session closed when you leave) or in a ' +
    'PSSession (-Session, -Id, -Name). The prompt shows the computer: [mail.woodgrovebank.com]: PS C:\\>. Exit-PSSession (or exit) ' +
    'comes back. Scripts use Invoke-Command instead.',
  module: 'Microsoft.PowerShell.Core',
  defaultParameterSet: 'ComputerName',
  parameters: {
    ComputerName: { type: 'string', position: 0, mandatory: true, sets: ['ComputerName'], aliases: ['Cn'], description: 'The lab computer.' },
    Session: { type: 'object', mandatory: true, sets: ['Session'], valueFromPipeline: true, description: 'A PSSession (New-PSSession).' },
    Id: { type: 'int', mandatory: true, sets: ['Id'], description: 'The Id of a PSSession.' },
    Name: { type: 'string', mandatory: true, sets: ['Name'], description: 'The name of a PSSession.' },
  },
  examples: [
    {
      title: 'Work on the partner organisation\'s Edge server',
      setup: REMOTING_SETUP,
      code: 'Enter-PSSession -ComputerName mail.woodgrovebank.com\n(Get-PSSession).Count; Exit-PSSession; $env:EMSH_LAB_REGISTRY = $saved',
      remarks: 'Typed at the prompt, the commands after Enter-PSSession run on mail.woodgrovebank.com until Exit-PSSession.',
      output: '0',
    },
  ],
  async process(p, ctx) {
    const session = ctx.session;
    if (session.services.has(CALLER_KEY)) {
      ctx.fail({
        message: 'Enter-PSSession can\'t be used inside an entered session. Run Exit-PSSession first, then enter the other session.',
        errorId: 'RemoteHostDoesNotSupportPushRunspace',
        category: 'InvalidArgument',
        exceptionType: 'System.ArgumentException',
      });
    }
    let psSession: LabPSSession | undefined;
    let temporary = false;
    if (p.ComputerName !== undefined) {
      const found = resolveLabComputer(ctx, p.ComputerName, { commandId: 'CreateRemoteRunspaceFailed', category: 'InvalidArgument' });
      if (found instanceof ErrorRecord) return ctx.fail(found);
      psSession = openPSSession(session, found, { keep: false });
      temporary = true;
    } else {
      const open = listPSSessions(session);
      psSession = p.Session !== undefined ? asLabPSSession(p.Session) : open.find((s) => (p.Id !== undefined ? s.id === p.Id : s.name.toLowerCase() === p.Name!.toLowerCase()));
      if (!psSession || psSession.state !== 'Opened') {
        const what = p.Id !== undefined ? `Id ${p.Id}` : p.Name !== undefined ? `name "${p.Name}"` : 'the session given';
        return ctx.fail({
          message: `The remote session with ${what} isn't available (not found, or closed). Run Get-PSSession to see the open sessions.`,
          errorId: 'RemoteRunspaceNotAvailable',
          category: 'InvalidArgument',
          exceptionType: 'System.ArgumentException',
        });
      }
    }
    await enterSession(session, psSession, temporary);
  },
});

export const exitPSSessionCmdlet = defineCmdlet({
  name: 'Exit-PSSession',
  synopsis: 'Leaves the session Enter-PSSession entered.',
  description: 'The interactive shell runs commands here again; a session entered with -ComputerName is closed, one entered from a PSSession stays open. Does nothing outside an entered session.',
  module: 'Microsoft.PowerShell.Core',
  parameters: {},
  examples: [{ title: 'Leave the remote computer', code: 'Exit-PSSession' }],
  async process(_p, ctx) {
    const caller = (ctx.session.services.get(CALLER_KEY) as Session | undefined) ?? ctx.session;
    await exitEnteredSession(caller);
  },
});
