// New-PSSession, Get-PSSession, Remove-PSSession: persistent connections to lab computers.
import { defineCmdlet } from '../../../src/pipeline/cmdlet.ts';
import type { CmdletContext, ErrorSpec } from '../../../src/pipeline/context.ts';
import { ErrorRecord } from '../../../src/runtime/errors.ts';
import { hasWildcardCharacters, wildcardMatch } from '../../../src/runtime/wildcard.ts';
import { resolveLabComputer } from './lab-computers.ts';
import { asLabPSSession, notAPSSession, listPSSessions, openPSSession, PSSESSION_TYPE, removePSSession, type LabPSSession } from './ps-session.ts';

const MODULE = 'Microsoft.PowerShell.Core';

/** Two lab organisations, Contoso (this shell) and Woodgrove Bank (made with -Path), for the examples. */
export const REMOTING_SETUP =
  "$saved = $env:EMSH_LAB_REGISTRY; $env:EMSH_LAB_REGISTRY = Join-Path $env:EMSH_HOME lab.json\n" +
  'Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com -ListenPort 2525 | Out-Null\n' +
  'Initialize-LabOrganization -Name "Woodgrove Bank" -DomainName woodgrovebank.com -EdgeServer mail.woodgrovebank.com -ListenPort 2625 -Path (Join-Path $env:EMSH_HOME woodgrove) | Out-Null';

function sessionsMatching(ctx: CmdletContext, p: { Id?: number[]; Name?: string[]; ComputerName?: string[] }): LabPSSession[] {
  const sessions = listPSSessions(ctx.session);
  // As PowerShell: an -Id, or a -Name without wildcards, that names no session is an error.
  for (const id of p.Id ?? []) {
    if (!sessions.some((s) => s.id === id)) ctx.writeError(sessionNotAvailable({ id }));
  }
  for (const name of p.Name ?? []) {
    if (!hasWildcardCharacters(name) && !sessions.some((s) => wildcardMatch(s.name, name))) ctx.writeError(sessionNotAvailable({ name }));
  }
  return sessions.filter(
    (s) =>
      (!p.Id || p.Id.includes(s.id)) &&
      (!p.Name || p.Name.some((n) => wildcardMatch(s.name, n))) &&
      (!p.ComputerName || p.ComputerName.some((n) => wildcardMatch(s.computerName, n))),
  );
}

/** PowerShell's error for an -Id or -Name that names no session of this shell (its name text has two spaces before "is"). */
export function sessionNotAvailable(wanted: { id: number } | { name: string }): ErrorSpec {
  const byId = 'id' in wanted;
  return {
    message: byId ? `The remote session with the session ID ${wanted.id} is not available.` : `The remote session with the name ${wanted.name}  is not available.`,
    errorId: byId ? 'RemoteRunspaceNotAvailableForSpecifiedSessionId' : 'RemoteRunspaceNotAvailableForSpecifiedName',
    category: 'InvalidArgument',
    targetObject: byId ? wanted.id : wanted.name,
    exceptionType: 'System.ArgumentException',
  };
}

export const newPSSessionCmdlet = defineCmdlet({
  name: 'New-PSSession',
  commandId: 'Microsoft.PowerShell.Commands.NewPSSessionCommand',
  synopsis: 'Creates a persistent connection to a lab computer.',
  description: [
    'Opens a session on each computer named by -ComputerName and returns its PSSession (Id, Name, ComputerName, State, Availability). ' +
      'Use it with Invoke-Command -Session and Enter-PSSession; commands run there keep their variables and services ' +
      '(Start-Service MSExchangeTransport keeps running) until Remove-PSSession or the end of this shell.',
    '',
    'Lab computers: localhost is this shell\'s own state root; any other name is a server Initialize-LabOrganization recorded in the ' +
      'lab registry ($env:EMSH_LAB_REGISTRY), such as the partner organisation\'s Edge server (mail.woodgrovebank.com), or another ' +
      'server of this organisation (mail2.mail.contoso.com: the session works on that server, as -Server mail2 would). ' +
      'An unknown name fails as a WinRM connection does (FullyQualifiedErrorId NetworkPathNotFound,PSSessionOpenFailed).',
  ].join('\n'),
  module: MODULE,
  outputType: [PSSESSION_TYPE],
  parameters: {
    ComputerName: { type: 'string[]', position: 0, aliases: ['Cn'], defaultDescription: 'localhost', description: 'The lab computers (FQDN of a lab server, or localhost).' },
    Name: { type: 'string[]', description: 'Friendly names for the sessions (default WinRM<Id>).' },
  },
  examples: [
    {
      title: 'Connect to the partner organisation\'s Edge server',
      setup: REMOTING_SETUP,
      code: '$s = New-PSSession -ComputerName mail.woodgrovebank.com\n$s | Format-List Id,Name,ComputerName,State,Availability\nRemove-PSSession $s; $env:EMSH_LAB_REGISTRY = $saved',
      output: 'Id           : 1\nName         : WinRM1\nComputerName : mail.woodgrovebank.com\nState        : Opened\nAvailability : Available',
    },
  ],
  process(p, ctx) {
    const names = p.ComputerName ?? ['localhost'];
    names.forEach((computer, i) => {
      const found = resolveLabComputer(ctx, computer, { commandId: 'PSSessionOpenFailed', category: 'OpenError' });
      if (found instanceof ErrorRecord) {
        ctx.writeError(found);
        return;
      }
      const s = openPSSession(ctx.session, found, { keep: true, ...(p.Name?.[i] ? { name: p.Name[i] } : {}) });
      ctx.write(s.object);
    });
  },
});

export const getPSSessionCmdlet = defineCmdlet({
  name: 'Get-PSSession',
  commandId: 'Microsoft.PowerShell.Commands.GetPSSessionCommand',
  synopsis: 'Gets the PSSessions this shell opened.',
  description: 'Lists the sessions New-PSSession opened in this shell (all of them, or those with the -Id, -Name or -ComputerName given; wildcards allowed in names).',
  module: MODULE,
  outputType: [PSSESSION_TYPE],
  parameters: {
    ComputerName: { type: 'string[]', position: 0, aliases: ['Cn'], description: 'Only the sessions to these computers (wildcards allowed).' },
    Id: { type: 'int[]', description: 'Only the sessions with these Ids.' },
    Name: { type: 'string[]', description: 'Only the sessions with these names (wildcards allowed).' },
  },
  examples: [
    {
      title: 'The open sessions',
      setup: REMOTING_SETUP,
      code: 'New-PSSession -ComputerName mail.woodgrovebank.com | Out-Null\nGet-PSSession | ForEach-Object { "$($_.Id) $($_.ComputerName) $($_.State)" }\nGet-PSSession | Remove-PSSession; $env:EMSH_LAB_REGISTRY = $saved',
      output: '1 mail.woodgrovebank.com Opened',
    },
  ],
  process(p, ctx) {
    for (const s of sessionsMatching(ctx, p)) ctx.write(s.object);
  },
});

export const removePSSessionCmdlet = defineCmdlet({
  name: 'Remove-PSSession',
  commandId: 'Microsoft.PowerShell.Commands.RemovePSSessionCommand',
  synopsis: 'Closes PSSessions: the services they run stop.',
  description: 'Closes the sessions given (-Session, from the pipeline, or by -Id, -Name, -ComputerName): their State becomes Closed and what they ran stops (the transport service started there with Start-Service).',
  module: MODULE,
  defaultParameterSet: 'Session',
  parameters: {
    Session: { type: 'object[]', position: 0, mandatory: true, sets: ['Session'], valueFromPipeline: true, description: 'The PSSession objects to close.' },
    Id: { type: 'int[]', mandatory: true, sets: ['Id'], description: 'The Ids of the sessions to close.' },
    Name: { type: 'string[]', mandatory: true, sets: ['Name'], description: 'The names of the sessions to close (wildcards allowed).' },
    ComputerName: { type: 'string[]', mandatory: true, sets: ['ComputerName'], aliases: ['Cn'], description: 'Close the sessions to these computers (wildcards allowed).' },
  },
  examples: [
    {
      title: 'Close a session',
      setup: REMOTING_SETUP,
      code: '$s = New-PSSession -ComputerName mail.woodgrovebank.com\nRemove-PSSession $s\n$s.State; @(Get-PSSession).Count; $env:EMSH_LAB_REGISTRY = $saved',
      output: 'Closed\n0',
    },
  ],
  async process(p, ctx) {
    const targets = p.Session
      ? p.Session.map((v) => {
          const s = asLabPSSession(v);
          if (!s) {
            ctx.writeError(notAPSSession(v));
          }
          return s;
        })
      : sessionsMatching(ctx, p);
    for (const s of targets) if (s) await removePSSession(ctx.session, s);
  },
});
