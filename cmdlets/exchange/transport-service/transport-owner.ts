// The process that runs the transport of a state root (a shell after Start-Service, or
// `emsh -Service`) owns it: it holds the state root's claim, runs the service, and answers the
// control endpoint, so every other shell on the root sees and drives the same service. Restart
// keeps the claim and the endpoint; stop gives both up (the socket is gone before the claim is).
import type { EmshState } from '../../../src/store/emsh-state.ts';
import { transportStateDir, type StoreSettingsOptions } from '../../../src/transport/config-from-store.ts';
import { controlEndpointFor } from '../../../src/transport/control/control-endpoint.ts';
import { startControlServer, type ControlServer, type DispatchContext } from '../../../src/transport/control/control-server.ts';
import { acquireClaim, releaseClaim, type ServiceClaim, type ServiceHostKind, type ServiceInfo, type ServiceProbe } from '../../../src/transport/control/service-claim.ts';
import type { TransportService } from '../../../src/transport/transport-service.ts';
import { controlVerbs } from './control-verbs.ts';
import { runTransport, type RunningTransport, type RuntimeHooks } from './transport-runtime.ts';

/** Start refused: another process (or another shell of this one) runs or is starting the service. */
export class ServiceAlreadyRunningError extends Error {
  override name = 'ServiceAlreadyRunningError';
  constructor(readonly owner: Exclude<ServiceProbe, { state: 'Stopped' }>) {
    super(`An instance of the service is already running (${describeOwner(owner.claim)}).`);
  }
}

export function describeOwner(claim: Pick<ServiceClaim, 'host' | 'pid'>): string {
  return claim.host === 'daemon' ? `emsh -Service, process ${claim.pid}` : `an emsh shell, process ${claim.pid}`;
}

export interface OwnerHooks extends RuntimeHooks {
  /** Daemon log lines (restart and stop requested over the endpoint). */
  log?: (line: string) => void;
  /** Called once the service has stopped, whoever asked. */
  onStopped?: () => void;
}

export interface TransportOwner {
  readonly claim: ServiceClaim;
  readonly endpoint: string;
  /** The running service; undefined once stopped. */
  readonly running: RunningTransport | undefined;
  /** Resolves when the service has stopped (Stop-Service from anywhere, or `stop`). */
  readonly stopped: Promise<void>;
  info(): ServiceInfo;
  stop(): Promise<void>;
  restart(): Promise<void>;
}

export async function ownTransport(state: EmshState, host: ServiceHostKind, options: StoreSettingsOptions = {}, hooks: OwnerHooks = {}): Promise<TransportOwner> {
  const stateDir = transportStateDir(state);
  const endpoint = controlEndpointFor(stateDir);
  const claimed = await acquireClaim(stateDir, host, endpoint);
  if (!claimed.acquired) throw new ServiceAlreadyRunningError(claimed.owner);
  const claim = claimed.claim;
  let running: RunningTransport | undefined;
  let server: ControlServer | undefined;
  let stopping: Promise<void> | undefined;
  let transportDown: Promise<void> | undefined;
  let restarting: Promise<void> | undefined;
  let markStopped!: () => void;
  const stopped = new Promise<void>((resolve) => (markStopped = resolve));

  const service = (): TransportService => {
    if (!running || running.service.status !== 'Running') throw new Error('The Microsoft Exchange Transport service is stopping.');
    return running.service;
  };
  const stopTransport = (): Promise<void> => (transportDown ??= Promise.resolve(running?.stop()));
  /** Stops the service, then the endpoint, then gives up the claim: the order a successor needs. */
  const stopAll = (beforeRelease?: Promise<void>): Promise<void> => {
    stopping ??= (async () => {
      try {
        await stopTransport();
        await beforeRelease;
        await server?.close();
      } finally {
        running = undefined;
        try {
          releaseClaim(claim);
        } catch (error) {
          // Left behind, the claim is stale as soon as this process exits; the next start cleans it.
          hooks.log?.(`The service claim could not be removed: ${(error as Error).message}`);
        }
        markStopped();
        hooks.onStopped?.();
      }
    })();
    return stopping;
  };

  const owner: TransportOwner = {
    claim,
    endpoint,
    get running() {
      return running;
    },
    stopped,
    info: () => ({ pid: process.pid, host, stateDir, serverName: service().settings.serverName, listeners: service().listeners }),
    stop: () => stopAll(),
    // Two restarts at once (two shells) share one: each would otherwise start its own instance and
    // the one overwritten in `running` would keep listening, unreachable and never stopped.
    restart() {
      restarting ??= restartOnce().finally(() => (restarting = undefined));
      return restarting;
    },
  };

  async function restartOnce(): Promise<void> {
    if (stopping) throw new Error('The Microsoft Exchange Transport service is stopping.');
    const previous = running;
    running = undefined;
    await previous?.stop();
    let next: RunningTransport;
    try {
      next = await runTransport(state, options, hooks);
    } catch (error) {
      await stopAll();
      throw error;
    }
    if (stopping) {
      await next.stop(); // a stop came in while it was starting
      return;
    }
    running = next;
  }

  const dispatch = async (verb: string, args: Record<string, unknown>, context: DispatchContext): Promise<unknown> => {
    if (verb === 'ping') return owner.info();
    if (verb === 'stop') {
      hooks.log?.('Stop requested over the control endpoint.');
      // Reply once the queues are on disk; the endpoint closes and the claim goes after the reply.
      let replied!: () => void;
      const afterReply = new Promise<void>((resolve) => (replied = resolve));
      stopAll(afterReply).catch(() => undefined);
      context.afterReply(replied);
      await stopTransport();
      return { stopped: true };
    }
    if (verb === 'restart') {
      hooks.log?.('Restart requested over the control endpoint.');
      await owner.restart();
      return owner.info();
    }
    const handler = Object.hasOwn(controlVerbs, verb) ? controlVerbs[verb] : undefined;
    if (!handler) throw new TypeError(`Unknown control request '${verb}'. Known requests: ping, stop, restart, ${Object.keys(controlVerbs).join(', ')}.`);
    await running?.refresh().catch(() => false);
    return handler(service(), args);
  };

  try {
    running = await runTransport(state, options, hooks);
    server = await startControlServer(endpoint, dispatch, { keepAlive: host === 'daemon' });
  } catch (error) {
    // Clean up best effort: the start failure is what the user must see, not a cleanup failure.
    await running?.stop().catch(() => undefined);
    running = undefined;
    try {
      releaseClaim(claim);
    } catch {
      // a claim left behind is stale once this process exits; the next start cleans it
    }
    throw error;
  }
  return owner;
}
