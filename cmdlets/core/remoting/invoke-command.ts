// Invoke-Command: runs a script block here, in PSSessions (-Session), or on lab computers through a
// session opened for the command and closed after it (-ComputerName).
import { defineCmdlet } from '../../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../../src/pipeline/context.ts';
import { ErrorRecord } from '../../../src/runtime/errors.ts';
import type { ScriptBlock } from '../../../src/runtime/scriptblock.ts';
import { resolveLabComputer } from './lab-computers.ts';
import { asLabPSSession, notAPSSession, openPSSession, type LabPSSession } from './ps-session.ts';
import { invokeOnLabComputer } from './remote-invoke.ts';
import { REMOTING_SETUP } from './session-cmdlets.ts';

function closedSessionError(ctx: CmdletContext, s: LabPSSession): ErrorRecord {
  return ctx.errorRecord({
    // PowerShell's text, two double spaces included.
    message: `Because the session state for session ${s.name}, ${s.instanceId}, ${s.computerName} is not equal to Open, you cannot run a command  in the session.  The session state is ${s.state}.`,
    errorId: 'InvokeCommandCommandInvalidSessionState',
    category: 'InvalidOperation',
    targetObject: s.object,
    exceptionType: 'System.Management.Automation.Runspaces.InvalidRunspaceStateException',
  });
}

async function onSessions(ctx: CmdletContext, sessions: unknown[], block: ScriptBlock, args: unknown[], hide: boolean): Promise<void> {
  for (const value of sessions) {
    const s = asLabPSSession(value);
    if (!s) {
      ctx.writeError(notAPSSession(value));
      continue;
    }
    if (s.state !== 'Opened') {
      ctx.writeError(closedSessionError(ctx, s));
      continue;
    }
    await invokeOnLabComputer(ctx, s, block, args, { hideComputerName: hide });
  }
}

async function onComputers(ctx: CmdletContext, computers: string[], block: ScriptBlock, args: unknown[], hide: boolean): Promise<void> {
  for (const computer of computers) {
    const found = resolveLabComputer(ctx, computer, { commandId: 'PSSessionStateBroken', category: 'OpenError' });
    if (found instanceof ErrorRecord) {
      ctx.writeError(found);
      continue;
    }
    const s = openPSSession(ctx.session, found, { keep: false });
    try {
      await invokeOnLabComputer(ctx, s, block, args, { hideComputerName: hide });
    } finally {
      await s.close();
    }
  }
}

export const invokeCommandCmdlet = defineCmdlet({
  name: 'Invoke-Command',
  synopsis: 'Runs commands here, in PSSessions, or on lab computers.',
  description: [
    'Runs -ScriptBlock with -ArgumentList (its param() values and $args):',
    '- with -Session, in each PSSession (variables and services stay there for the next command);',
    '- with -ComputerName, on each lab computer, in a session opened for this command and closed after it;',
    '- with neither, in this shell (a child scope).',
    'Remote output comes back with a PSComputerName property (-HideComputerName leaves it out); remote errors come back as ' +
      'error records. The block sees none of this shell\'s variables: pass values with -ArgumentList.',
  ].join('\n'),
  module: 'Microsoft.PowerShell.Core',
  commandId: 'Microsoft.PowerShell.Commands.InvokeCommandCommand',
  defaultParameterSet: 'InProcess',
  parameters: {
    ScriptBlock: { type: 'scriptblock', position: 0, mandatory: true, aliases: ['Command'], description: 'The commands to run.' },
    Session: { type: 'object[]', mandatory: true, sets: ['Session'], description: 'The PSSessions to run the commands in (New-PSSession, Get-PSSession).' },
    ComputerName: { type: 'string[]', mandatory: true, sets: ['ComputerName'], aliases: ['Cn'], description: 'The lab computers to run the commands on.' },
    ArgumentList: { type: 'object[]', aliases: ['Args'], description: 'Values for the script block\'s parameters (and $args).' },
    HideComputerName: { type: 'switch', sets: ['Session', 'ComputerName'], description: 'Do not add PSComputerName to the output objects.' },
  },
  examples: [
    {
      title: 'Configure the partner organisation from this shell',
      setup: REMOTING_SETUP,
      code:
        "Invoke-Command -ComputerName mail.woodgrovebank.com -ScriptBlock { param($domain) Set-TransportConfig -TLSReceiveDomainSecureList $domain } -ArgumentList contoso.com\n" +
        '(Invoke-Command -ComputerName mail.woodgrovebank.com { Get-TransportConfig }).TLSReceiveDomainSecureList\n' +
        '@((Get-TransportConfig).TLSReceiveDomainSecureList).Count; $env:EMSH_LAB_REGISTRY = $saved',
      output: 'contoso.com\n0',
    },
    {
      title: 'Output objects say where they come from',
      setup: REMOTING_SETUP,
      code: 'Invoke-Command -ComputerName mail.woodgrovebank.com { Get-AcceptedDomain } | Format-List DomainName,PSComputerName; $env:EMSH_LAB_REGISTRY = $saved',
      output: 'DomainName     : woodgrovebank.com\nPSComputerName : mail.woodgrovebank.com',
    },
  ],
  async process(p, ctx) {
    const args = p.ArgumentList ?? [];
    if (p.Session) return onSessions(ctx, p.Session, p.ScriptBlock!, args, p.HideComputerName);
    if (p.ComputerName) return onComputers(ctx, p.ComputerName, p.ScriptBlock!, args, p.HideComputerName);
    const items = await ctx.invoke(p.ScriptBlock!, { args });
    for (const item of items) ctx.write(item, false);
  },
});
