// The transport as a shell sees it: run by this session (Start-Service here; stopped with the
// session), by another process on the same state root (a shell or `emsh -Service`, reached over
// the control endpoint), or by nobody.
import path from 'node:path';
import type { Session } from '../../../src/runtime/session.ts';
import { probeService, type ServiceProbe } from '../../../src/transport/control/service-claim.ts';
import { exchangeState, exchangeStateRoot } from '../exchange-state.ts';
import { ownTransport, type TransportOwner } from './transport-owner.ts';
import type { RunningTransport } from './transport-runtime.ts';

const OWNER_KEY = 'exchange.transport';

export type TransportLocation =
  | { where: 'here'; owner: TransportOwner; running: RunningTransport }
  | { where: 'elsewhere'; probe: Exclude<ServiceProbe, { state: 'Stopped' }> }
  | { where: 'nowhere' };

export function sessionOwner(session: Session): TransportOwner | undefined {
  const owner = session.services.get(OWNER_KEY) as TransportOwner | undefined;
  return owner?.running?.service.status === 'Running' ? owner : undefined;
}

/** The service this session runs, if any. */
export function runningTransport(session: Session): RunningTransport | undefined {
  return sessionOwner(session)?.running;
}

export async function locateTransport(session: Session): Promise<TransportLocation> {
  const owner = sessionOwner(session);
  if (owner?.running) return { where: 'here', owner, running: owner.running };
  const probe = await probeService(path.resolve(exchangeStateRoot(session)));
  return probe.state === 'Stopped' ? { where: 'nowhere' } : { where: 'elsewhere', probe };
}

/** Starts the service in this session; ServiceAlreadyRunningError when another process runs it. */
export async function startSessionTransport(session: Session): Promise<TransportOwner> {
  const existing = sessionOwner(session);
  if (existing) return existing;
  const owner = await ownTransport(exchangeState(session), 'shell', { env: session.env }, {
    // Stop-Service from another shell stops it here too: forget it.
    onStopped: () => {
      if (session.services.get(OWNER_KEY) === owner) session.services.delete(OWNER_KEY);
    },
  });
  session.services.set(OWNER_KEY, owner);
  session.disposers.push(() => owner.stop());
  return owner;
}

export async function stopSessionTransport(session: Session): Promise<boolean> {
  const owner = sessionOwner(session);
  if (!owner) return false;
  await owner.stop();
  return true;
}
