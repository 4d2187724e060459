// Enter-PSSession / Exit-PSSession: the interactive shell works on a lab computer (entered-session.ts
// keeps which one; the prompt and the read-run loops of src/host ask it).
import { defineCmdlet } from '../../../src/pipeline/cmdlet.ts';
import type { ErrorSpec } from '../../../src/pipeline/context.ts';
import { ErrorRecord } from '../../../src/runtime/errors.ts';
import type { Session } from '../../../src/runtime/session.ts';
import { resolveLabComputer } from './lab-computers.ts';
import { asLabPSSession, listPSSessions, notAPSSession, openPSSession, type LabPSSession } from './ps-session.ts';
import { CALLER_KEY, enterSession, exitEnteredSession } from './entered-session.ts';
import { REMOTING_SETUP, sessionNotAvailable } from './session-cmdlets.ts';

export const enterPSSessionCmdlet = defineCmdlet({
  name: 'Enter-PSSession',
  commandId: 'Microsoft.PowerShell.Commands.EnterPSSessionCommand',
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
        message: 'You are currently in a Windows PowerShell PSSession and cannot use the Enter-PSSession cmdlet to enter another PSSession.',
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
      if (p.Session !== undefined) {
        psSession = asLabPSSession(p.Session);
        if (!psSession) return ctx.writeError(notAPSSession(p.Session));
      } else {
        psSession = open.find((s) => (p.Id !== undefined ? s.id === p.Id : s.name.toLowerCase() === p.Name!.toLowerCase()));
        if (!psSession) return ctx.writeError(sessionNotAvailable(p.Id !== undefined ? { id: p.Id } : { name: p.Name! }));
      }
      if (psSession.state !== 'Opened') return ctx.writeError(sessionMustBeOpen(psSession, p.Session !== undefined));
    }
    await enterSession(session, psSession, temporary);
  },
});

/** PowerShell's error for entering a session that is not open (with -Session it names the session). */
function sessionMustBeOpen(s: LabPSSession, given: boolean): ErrorSpec {
  return {
    message: given
      ? `Cannot enter session ${s.name} because it is not in the disconnected state or is not available for connection. Retrieve the remote session using Get-PSSession -ComputerName ${s.computerName} -InstanceId ${s.instanceId}.`
      : 'Session must be open.',
    errorId: 'PushedRunspaceMustBeOpen',
    category: 'InvalidArgument',
    exceptionType: 'System.ArgumentException',
  };
}

export const exitPSSessionCmdlet = defineCmdlet({
  name: 'Exit-PSSession',
  commandId: 'Microsoft.PowerShell.Commands.ExitPSSessionCommand',
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
