// A PSSession to a lab computer: an in-process Session bound to that computer's state root (see
// lab-computers.ts), kept open, with its services (Start-Service MSExchangeTransport), until
// Remove-PSSession or the end of the shell that opened it. The sessions a shell opened are listed
// in its `session.services` (Get-PSSession); the object is PowerShell's PSSession with its table view.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { registerView } from '../../../src/format/views.ts';
import { createSession } from '../../../src/host/create-session.ts';
import { installFileSystemProvider } from '../../../src/providers/install.ts';
import { statePaths } from '../../../src/store/state-root.ts';
import type { ErrorSpec } from '../../../src/pipeline/context.ts';
import type { Session } from '../../../src/runtime/session.ts';
import { PSObject } from '../../../src/runtime/values.ts';
import { setSessionServer } from '../../exchange/exchange-state.ts';
import { labComputerEnvironment, type LabComputer } from './lab-computers.ts';
import { RemoteHost } from './remote-host.ts';

export const PSSESSION_TYPE = 'System.Management.Automation.Runspaces.PSSession';
const SERVICE_KEY = 'core.remoting.sessions';
/** The session behind each PSSession object (kept off the object, so its members are only PowerShell's). */
const behind = new WeakMap<PSObject, LabPSSession>();

registerView(PSSESSION_TYPE, {
  kind: 'table',
  columns: [
    { label: 'Id', expression: 'Id', width: 3, alignment: 'right' },
    { label: 'Name', expression: 'Name', width: 15 },
    { label: 'ComputerName', expression: 'ComputerName', width: 15 },
    { label: 'ComputerType', expression: 'ComputerType', width: 15 },
    { label: 'State', expression: 'State', width: 13 },
    { label: 'ConfigurationName', expression: 'ConfigurationName', width: 20 },
    { label: 'Availability', expression: 'Availability', width: 15, alignment: 'right' },
  ],
});

export class LabPSSession {
  readonly instanceId = randomUUID();
  state: 'Opened' | 'Closed' = 'Opened';
  readonly object: PSObject;

  constructor(
    readonly id: number,
    readonly name: string,
    readonly computerName: string,
    /** The session on the lab computer (its state root). */
    readonly remote: Session,
  ) {
    this.object = sessionObject(this);
  }

  get availability(): 'Available' | 'None' {
    return this.state === 'Opened' ? 'Available' : 'None';
  }

  /** Ends the remote session: its services stop (its disposers run). */
  async close(): Promise<void> {
    if (this.state === 'Closed') return;
    this.state = 'Closed';
    await this.remote.dispose();
  }
}

function sessionObject(s: LabPSSession): PSObject {
  const obj = new PSObject([PSSESSION_TYPE, 'System.Object']);
  behind.set(obj, s);
  const fixed: [string, unknown][] = [
    ['Id', s.id],
    ['Name', s.name],
    ['ComputerName', s.computerName],
    ['ComputerType', 'RemoteMachine'],
  ];
  for (const [name, value] of fixed) obj.defineProperty({ name, kind: 'code', get: () => value });
  obj.defineProperty({ name: 'State', kind: 'code', get: () => s.state, typeName: 'System.Management.Automation.Runspaces.RunspaceState' });
  obj.defineProperty({ name: 'ConfigurationName', kind: 'code', get: () => 'Microsoft.PowerShell' });
  obj.defineProperty({ name: 'InstanceId', kind: 'code', get: () => s.instanceId, typeName: 'System.Guid' });
  obj.defineProperty({ name: 'Availability', kind: 'code', get: () => s.availability, typeName: 'System.Management.Automation.Runspaces.RunspaceAvailability' });
  obj.defineProperty({ name: 'Transport', kind: 'code', get: () => 'WSMan' });
  return obj;
}

interface SessionTable {
  nextId: number;
  sessions: LabPSSession[];
}

/** The PSSessions this shell opened; the first use registers closing them all when the shell ends. */
function sessionTable(session: Session): SessionTable {
  let table = session.services.get(SERVICE_KEY) as SessionTable | undefined;
  if (!table) {
    const created: SessionTable = { nextId: 1, sessions: [] };
    session.services.set(SERVICE_KEY, created);
    session.disposers.push(async () => {
      for (const s of created.sessions.splice(0)) await s.close();
    });
    table = created;
  }
  return table;
}

export function listPSSessions(session: Session): LabPSSession[] {
  return [...sessionTable(session).sessions];
}

/** Opens a session on the computer's state root; `keep` lists it for Get-PSSession (Invoke-Command -ComputerName does not). */
export function openPSSession(caller: Session, computer: LabComputer, options: { name?: string; keep: boolean }): LabPSSession {
  const { computerName, stateRoot } = computer;
  const table = sessionTable(caller);
  const id = table.nextId++;
  const env = labComputerEnvironment(caller.env, computer);
  const remote = createSession({ host: new RemoteHost(caller.host), stateRoot, nonInteractive: true, dialect: caller.dialect, env });
  if (computer.server) setSessionServer(remote, computer.server);
  // A remote session starts on the computer's own drive (C:\), not in this shell's folder.
  installFileSystemProvider(remote, path.join(statePaths(stateRoot).drivesFolder, 'C'));
  const name = options.name ?? `${caller.dialect === 'Core' ? 'Runspace' : 'WinRM'}${id}`;
  const s = new LabPSSession(id, name, computerName, remote);
  if (options.keep) table.sessions.push(s);
  return s;
}

/** Closes a session and forgets it. */
export async function removePSSession(caller: Session, s: LabPSSession): Promise<void> {
  const table = sessionTable(caller);
  table.sessions = table.sessions.filter((x) => x !== s);
  await s.close();
}

/** The error for a -Session value that is not a PSSession. */
export function notAPSSession(value: unknown): ErrorSpec {
  return {
    message: `Cannot bind parameter 'Session'. The value "${String(value)}" is not a PSSession; use the object New-PSSession or Get-PSSession returns.`,
    errorId: 'CannotConvertArgument',
    category: 'InvalidArgument',
    targetObject: value,
  };
}

/** The LabPSSession behind a PSSession object (or the session itself), else undefined. */
export function asLabPSSession(value: unknown): LabPSSession | undefined {
  if (value instanceof LabPSSession) return value;
  if (value instanceof PSObject) return behind.get(value);
  return undefined;
}
