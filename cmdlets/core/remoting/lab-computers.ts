// Which lab computer a -ComputerName names: `localhost` (or `.`) is this shell's own state root; any
// other name is looked up among the servers Initialize-LabOrganization recorded in the lab registry
// (src/store/lab-machines.ts): a session on the organisation's state root, logged on to that server
// (the first Edge is the root's local server; mail2 or hub1 are reached like -Server mail2). A name
// the lab doesn't know fails as PowerShell's remoting does when WinRM can't find the computer.
import fs from 'node:fs';
import type { CmdletContext } from '../../../src/pipeline/context.ts';
import type { ErrorRecord } from '../../../src/runtime/errors.ts';
import { PSObject } from '../../../src/runtime/values.ts';
import { LabMachineRegistry } from '../../../src/store/lab-machines.ts';
import { SERVER_CONTEXT_ENV } from '../../../src/store/server-context.ts';
import { STATE_ROOT_ENV } from '../../../src/store/state-root.ts';
import { exchangeStateRoot } from '../../exchange/exchange-state.ts';

export interface LabComputer {
  /** The name as given (PowerShell shows it as ComputerName and PSComputerName). */
  computerName: string;
  stateRoot: string;
  /** The server the session is logged on to, when it is not the organisation's local server (mail2, hub1). */
  server?: string;
  /** The computer's own name (mail for mail.woodgrovebank.com), its $env:COMPUTERNAME; undefined for localhost. */
  hostName?: string;
}

const LOCAL_NAMES = new Set(['localhost', '.', '127.0.0.1', '::1']);

/** How each cmdlet reports a connection that could not be opened (FullyQualifiedErrorId and category differ). */
export interface OpenFailure {
  commandId: 'PSSessionOpenFailed' | 'PSSessionStateBroken' | 'CreateRemoteRunspaceFailed';
  category: 'OpenError' | 'InvalidArgument';
}

/** The computer, or an error record in PowerShell's words for a failed connection. */
export function resolveLabComputer(ctx: CmdletContext, name: string, failure: OpenFailure): LabComputer | ErrorRecord {
  const computerName = name.trim();
  const ownRoot = exchangeStateRoot(ctx.session);
  if (LOCAL_NAMES.has(computerName.toLowerCase())) return { computerName, stateRoot: ownRoot };
  const registry = LabMachineRegistry.forStateRoot(ownRoot, ctx.session.env);
  let machine;
  try {
    machine = registry.resolve(computerName);
  } catch {
    machine = undefined;
  }
  if (!machine) {
    const known = safeList(registry).map((m) => m.fqdn);
    return openFailed(
      ctx,
      computerName,
      failure,
      `WinRM cannot process the request. The following error occurred while using Kerberos authentication: Cannot find the computer ${computerName}. ` +
        'Verify that the computer exists on the network and that the name provided is spelled correctly. ' +
        `In the lab, the computers are the servers Initialize-LabOrganization recorded in ${registry.file}` +
        (known.length > 0 ? ` (${known.join(', ')}).` : '; none is recorded yet.'),
    );
  }
  if (!fs.existsSync(machine.stateRoot)) {
    return openFailed(ctx, computerName, failure, `The state root of ${machine.fqdn}, ${machine.stateRoot}, no longer exists. Run Initialize-LabOrganization -Path again to set up ${machine.organization}.`);
  }
  return { computerName, stateRoot: machine.stateRoot, hostName: machine.name, ...(machine.local ? {} : { server: machine.name }) };
}

/**
 * The environment of a session on the computer: a copy of the caller's (so `$env:` changes there stay
 * there, as on a remote computer), with the computer's own values: its state root, its name, and the
 * server it is logged on to (another Edge of the organisation) or none.
 */
export function labComputerEnvironment(callerEnv: NodeJS.ProcessEnv, computer: LabComputer): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...callerEnv, [STATE_ROOT_ENV]: computer.stateRoot };
  if (computer.hostName) env.COMPUTERNAME = computer.hostName.toUpperCase();
  if (computer.server) env[SERVER_CONTEXT_ENV] = computer.server;
  else delete env[SERVER_CONTEXT_ENV];
  return env;
}

function safeList(registry: LabMachineRegistry) {
  try {
    return registry.list();
  } catch {
    return [];
  }
}

function openFailed(ctx: CmdletContext, computer: string, failure: OpenFailure, reason: string): ErrorRecord {
  const message = `Connecting to remote server ${computer} failed with the following error message : ${reason} For more information, see the about_Remote_Troubleshooting Help topic.`;
  const target = failure.commandId === 'PSSessionOpenFailed' ? new PSObject(['System.Management.Automation.RemoteRunspace', 'System.Object']) : computer;
  const record = ctx.errorRecord({
    message,
    errorId: failure.commandId === 'CreateRemoteRunspaceFailed' ? 'CreateRemoteRunspaceFailed' : 'NetworkPathNotFound',
    category: failure.category,
    targetObject: target,
    exceptionType: 'System.Management.Automation.Remoting.PSRemotingTransportException',
  });
  record.detailsMessage = `[${computer}] ${message}`;
  record.commandId = failure.commandId === 'CreateRemoteRunspaceFailed' ? undefined : failure.commandId;
  return record;
}
