// `emsh -Service`: the Edge transport of the state root's local server as a foreground daemon, for
// use beside other shells on the same state root. Configuration changes those shells make are picked
// up without a restart (the store is polled, the certificate is read per connection); SIGINT or
// SIGTERM stops it cleanly (queues stay on disk). Returns the process exit code.
import { openState } from '../../../src/store/emsh-state.ts';
import { resolveStateRoot } from '../../../src/store/state-root.ts';
import { StoreError } from '../../../src/store/store-error.ts';
import { runTransport } from './transport-runtime.ts';

export interface DaemonIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const stdio: DaemonIo = {
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
};

export async function runTransportDaemon(env: NodeJS.ProcessEnv = process.env, io: DaemonIo = stdio, stopSignal?: AbortSignal): Promise<number> {
  let running;
  try {
    const state = openState({ root: resolveStateRoot(env), env });
    running = await runTransport(state, { env }, (error) => io.err(`MSExchangeTransport: configuration reload failed: ${(error as Error).message}`));
  } catch (error) {
    if (error instanceof StoreError || (error as NodeJS.ErrnoException).code) {
      io.err(`emsh -Service: Service 'Microsoft Exchange Transport (MSExchangeTransport)' cannot be started: ${(error as Error).message}`);
      return 1;
    }
    throw error;
  }
  const service = running.service;
  io.out(`MSExchangeTransport running on ${service.settings.serverName} (state root ${running.state.root}).`);
  for (const l of service.listeners) io.out(`Receive connector ${l.connector} listening on ${l.address}:${l.port}.`);
  io.out('Press Ctrl+C to stop.');
  await new Promise<void>((resolve) => {
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
    stopSignal?.addEventListener('abort', done, { once: true });
  });
  io.out('Stopping MSExchangeTransport...');
  await running.stop();
  io.out('MSExchangeTransport stopped.');
  return 0;
}
