// The transport service of a state root's local server, kept in step with the store: reloaded
// whenever the stored configuration changes (polled every RELOAD_INTERVAL_MS, a stat per document
// while nothing changed; the certificate and trust material are checked per session anyway).
// transport-owner.ts runs it for a shell (Start-Service) or for `emsh -Service`.
import type { EmshState } from '../../../src/store/emsh-state.ts';
import { LabDnsRegistry } from '../../../src/store/lab-dns.ts';
import { settingsFingerprint, transportSettingsFromStore, type StoreSettingsOptions } from '../../../src/transport/config-from-store.ts';
import { receiveWorkerCount } from '../../../src/transport/receive-worker-pool.ts';
import { startTransportService, type TransportService } from '../../../src/transport/transport-service.ts';

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

export interface RuntimeHooks {
  onReloadError?: (error: unknown) => void;
  /** After a configuration change was applied (the daemon logs it). */
  onReload?: (service: TransportService) => void;
}

/** Starts the transport of the state's local server and keeps it in step with the store. */
export async function runTransport(state: EmshState, options: StoreSettingsOptions = {}, hooks: RuntimeHooks = {}): Promise<RunningTransport> {
  const settingsOptions = { ...transportOverrides.current, ...options };
  let settings = transportSettingsFromStore(state, settingsOptions);
  let fingerprint = settingsFingerprint(settings);
  // Settings from the store can be rebuilt by receive workers; EMSH_RECEIVE_WORKERS=0 keeps sessions here.
  const workerCount = receiveWorkerCount(settingsOptions.env?.EMSH_RECEIVE_WORKERS !== undefined ? settingsOptions.env : process.env);
  const service = await startTransportService(settings, { stateRoot: state.root, options: settingsOptions, count: workerCount });
  registerListeners(state, service, settingsOptions.env);
  let busy: Promise<boolean> | undefined;
  const refresh = async (): Promise<boolean> => {
    if (service.status !== 'Running') return false;
    const next = transportSettingsFromStore(state, settingsOptions);
    const print = settingsFingerprint(next);
    if (print === fingerprint) return false;
    await service.reload(next);
    settings = next;
    fingerprint = print;
    registerListeners(state, service, settingsOptions.env);
    hooks.onReload?.(service);
    return true;
  };
  const timer = setInterval(() => {
    if (busy) return;
    busy = refresh()
      .catch((error) => {
        hooks.onReloadError?.(error);
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
function registerListeners(state: EmshState, service: TransportService, env?: NodeJS.ProcessEnv): void {
  const listener = service.listeners[0];
  if (!listener) return;
  const registry = LabDnsRegistry.forStateRoot(state.root, env);
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
