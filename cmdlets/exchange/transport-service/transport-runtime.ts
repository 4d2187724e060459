// The transport service a session runs (`Start-Service MSExchangeTransport`): one per session, kept
// in `session.services`, stopped by `session.disposers` when the session ends, and reloaded from
// the store whenever the stored configuration changes (polled; the certificate is read per
// connection anyway). Also used by `emsh -Service` (src/host/main.ts).
import type { CmdletContext } from '../../../src/pipeline/context.ts';
import type { Session } from '../../../src/runtime/session.ts';
import type { EmshState } from '../../../src/store/emsh-state.ts';
import { LabDnsRegistry } from '../../../src/store/lab-dns.ts';
import { StoreError } from '../../../src/store/store-error.ts';
import { settingsFingerprint, transportSettingsFromStore, type StoreSettingsOptions } from '../../../src/transport/config-from-store.ts';
import { startTransportService, type TransportService } from '../../../src/transport/transport-service.ts';
import { exchangeState, serverContext } from '../exchange-state.ts';

const SERVICE_KEY = 'exchange.transport';
export const TRANSPORT_SERVICE_NAME = 'MSExchangeTransport';
export const TRANSPORT_DISPLAY_NAME = 'Microsoft Exchange Transport';
/** How often the stored configuration is compared with the running one. */
export const RELOAD_INTERVAL_MS = 500;

export interface RunningTransport {
  readonly service: TransportService;
  readonly state: EmshState;
  stop(): Promise<void>;
  /** Re-reads the store now and reloads when something changed; true when it reloaded. */
  refresh(): Promise<boolean>;
}

/** Test hook: settings overrides (fast retries) for services the shell starts. */
export const transportOverrides: { current: Omit<StoreSettingsOptions, 'server' | 'env'> } = { current: {} };

/** Starts the transport of the state's local server and keeps it in step with the store. */
export async function runTransport(state: EmshState, options: StoreSettingsOptions = {}, onReloadError?: (error: unknown) => void): Promise<RunningTransport> {
  const settingsOptions = { ...transportOverrides.current, ...options };
  let settings = transportSettingsFromStore(state, settingsOptions);
  let fingerprint = settingsFingerprint(settings);
  const service = await startTransportService(settings);
  registerListeners(state, service);
  let busy: Promise<boolean> | undefined;
  const refresh = async (): Promise<boolean> => {
    if (service.status !== 'Running') return false;
    const next = transportSettingsFromStore(state, settingsOptions);
    const print = settingsFingerprint(next);
    if (print === fingerprint) return false;
    await service.reload(next);
    settings = next;
    fingerprint = print;
    registerListeners(state, service);
    return true;
  };
  const timer = setInterval(() => {
    if (busy) return;
    busy = refresh()
      .catch((error) => {
        onReloadError?.(error);
        return false;
      })
      .finally(() => (busy = undefined));
  }, RELOAD_INTERVAL_MS);
  timer.unref();
  return {
    service,
    state,
    async stop() {
      clearInterval(timer);
      await busy;
      await service.stop();
    },
    refresh: async () => {
      await busy;
      return refresh();
    },
  };
}

/**
 * When the lab DNS registry points one of our domains at this state root, it follows the port the
 * Inet connector really listens on (a binding with port 0 gets a free port).
 */
function registerListeners(state: EmshState, service: TransportService): void {
  const listener = service.listeners[0];
  if (!listener) return;
  const registry = LabDnsRegistry.forStateRoot(state.root);
  let entries;
  try {
    entries = registry.list();
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.stateRoot || entry.stateRoot !== state.root) continue;
    const ours = service.listeners.find((l) => l.port === entry.port);
    if (ours) continue;
    registry.register({ domain: entry.domain, host: '127.0.0.1', port: listener.port, ...(entry.organization ? { organization: entry.organization } : {}), stateRoot: state.root });
  }
}

export function runningTransport(session: Session): RunningTransport | undefined {
  const running = session.services.get(SERVICE_KEY) as RunningTransport | undefined;
  return running && running.service.status === 'Running' ? running : undefined;
}

export async function startSessionTransport(session: Session): Promise<RunningTransport> {
  const existing = runningTransport(session);
  if (existing) return existing;
  const state = exchangeState(session);
  const running = await runTransport(state);
  session.services.set(SERVICE_KEY, running);
  let disposed = false;
  session.disposers.push(async () => {
    if (disposed) return;
    disposed = true;
    await running.stop();
  });
  return running;
}

export async function stopSessionTransport(session: Session): Promise<boolean> {
  const running = runningTransport(session);
  if (!running) return false;
  await running.stop();
  session.services.delete(SERVICE_KEY);
  return true;
}

/** The running service for the queue cmdlets, else a terminating error as Exchange's queue viewer gives. */
export async function requireTransport(ctx: CmdletContext): Promise<TransportService> {
  const running = runningTransport(ctx.session);
  if (!running) {
    let server = 'localhost';
    try {
      server = serverContext(ctx.session).serverName;
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
    }
    ctx.fail({
      message: `Error while connecting to the Microsoft Exchange Transport service on ${server}: the service isn't running in this shell. Run Start-Service ${TRANSPORT_SERVICE_NAME} first.`,
      errorId: 'TransportServiceNotRunning',
      category: 'ResourceUnavailable',
      exceptionType: 'Microsoft.Exchange.Management.QueueViewerTasks.QueueViewerException',
    });
  }
  await running.refresh().catch(() => false);
  return running.service;
}
