// Stop-Service / Restart-Service for a service another process on the state root runs: the request
// goes over its control endpoint; Stop then waits, as Windows' Stop-Service does, until the service
// has really gone (its claim removed and, for `emsh -Service`, its process exited).
import { processIsAlive } from '../../../src/store/lock.ts';
import { controlRequest } from '../../../src/transport/control/control-client.ts';
import { readClaim, type ServiceClaim } from '../../../src/transport/control/service-claim.ts';
import { TRANSPORT_DISPLAY_NAME, TRANSPORT_SERVICE_NAME } from './transport-runtime.ts';

/** Stopping flushes queues and closes listeners; a busy service gets this long. */
const CONTROL_TIMEOUT_MS = 120_000;
const WAIT_FOR_EXIT_MS = 30_000;
const WARN_AFTER_MS = 2_000;

function gone(claim: ServiceClaim): boolean {
  if (readClaim(claim.stateDir)?.token === claim.token) return false;
  return claim.host !== 'daemon' || claim.pid === process.pid || !processIsAlive(claim.pid);
}

export async function controlService(claim: ServiceClaim, verb: 'stop' | 'restart', warn: (line: string) => void): Promise<void> {
  await controlRequest(claim.endpoint, verb, {}, { timeoutMs: CONTROL_TIMEOUT_MS });
  if (verb !== 'stop') return;
  const started = Date.now();
  let warned = false;
  while (!gone(claim)) {
    const waited = Date.now() - started;
    if (waited > WAIT_FOR_EXIT_MS) {
      const message = `Process ${claim.pid} has not exited ${WAIT_FOR_EXIT_MS / 1000} s after its transport service stopped.`;
      throw Object.assign(new Error(message), { code: 'ETIMEDOUT' });
    }
    if (!warned && waited > WARN_AFTER_MS) {
      warned = true;
      warn(`Waiting for service '${TRANSPORT_DISPLAY_NAME} (${TRANSPORT_SERVICE_NAME})' to stop...`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
