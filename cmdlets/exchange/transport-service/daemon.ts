// `emsh -Service`: the Edge transport of the state root's local server as a foreground daemon, for
// use beside other shells on the same state root. It owns the root's transport (claim + control
// endpoint, see transport-owner.ts), so those shells see it in Get-Service, drive its queues, and
// stop or restart it. Configuration changes they make are picked up without a restart (the store
// is polled, the certificate is read per connection) and logged. SIGINT, SIGTERM or Stop-Service
// stop it cleanly (queues on disk, socket and claim removed). Returns the process exit code.
import { openState } from '../../../src/store/emsh-state.ts';
import { resolveStateRoot } from '../../../src/store/state-root.ts';
import { StoreError } from '../../../src/store/store-error.ts';
import type { TransportService } from '../../../src/transport/transport-service.ts';
import { ownTransport, ServiceAlreadyRunningError, type TransportOwner } from './transport-owner.ts';
import { TRANSPORT_DISPLAY_NAME, TRANSPORT_SERVICE_NAME } from './transport-runtime.ts';

export interface DaemonIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const stdio: DaemonIo = {
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
};

function listenerText(service: TransportService): string {
  return service.listeners.map((l) => `${l.connector} ${l.address}:${l.port}`).join(', ') || 'no enabled receive connector';
}

export async function runTransportDaemon(env: NodeJS.ProcessEnv = process.env, io: DaemonIo = stdio, stopSignal?: AbortSignal): Promise<number> {
  let owner: TransportOwner;
  const cannotStart = (reason: string): number => {
    io.err(`emsh -Service: Service '${TRANSPORT_DISPLAY_NAME} (${TRANSPORT_SERVICE_NAME})' cannot be started due to the following error: ${reason}`);
    return 1;
  };
  try {
    const state = openState({ root: resolveStateRoot(env), env });
    owner = await ownTransport(state, 'daemon', { env }, {
      onReloadError: (error) => io.err(`${TRANSPORT_SERVICE_NAME}: configuration reload failed: ${(error as Error).message}`),
      onReload: (service) => io.out(`${TRANSPORT_SERVICE_NAME}: configuration change applied; listening on ${listenerText(service)}.`),
      log: (line) => io.out(`${TRANSPORT_SERVICE_NAME}: ${line}`),
    });
  } catch (error) {
    if (error instanceof ServiceAlreadyRunningError) return cannotStart(error.message);
    if (error instanceof StoreError || (error as NodeJS.ErrnoException).code) return cannotStart((error as Error).message);
    throw error;
  }
  const service = owner.running!.service;
  io.out(`${TRANSPORT_SERVICE_NAME} running on ${service.settings.serverName}, process ${process.pid}: listening on ${listenerText(service)}; state root ${owner.claim.stateDir}; control ${owner.endpoint}.`);
  io.out('Press Ctrl+C to stop.');
  const signalled = await new Promise<boolean>((resolve) => {
    const done = (bySignal: boolean) => (): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(bySignal);
    };
    const onSignal = done(true);
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    stopSignal?.addEventListener('abort', onSignal, { once: true });
    void owner.stopped.then(done(false));
  });
  if (signalled) io.out(`Stopping ${TRANSPORT_SERVICE_NAME}...`);
  await owner.stop();
  io.out(`${TRANSPORT_SERVICE_NAME} stopped.`);
  return 0;
}
