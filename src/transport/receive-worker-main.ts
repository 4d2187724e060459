// A receive worker (node:cluster, forked by receive-worker-pool.ts): runs the receive connectors of
// the owner's state root on the cluster's shared listeners, with settings it builds from the same
// store. Sessions are exactly the in-process ones; local mail goes to the mailbox from here, mail for
// the outbound queues is written durably to queue/incoming/ and handed to the owner, and the 250
// reply waits for the owner's ack. It exits when the owner asks or goes away (cluster disconnect).
import { join } from 'node:path';
import { openState } from '../store/emsh-state.ts';
import { transportSettingsFromStore } from './config-from-store.ts';
import { flushCounters, incrementCounter, type SecureMailCounterName } from './counters.ts';
import { splitRecipients, stampInboundEnvelope } from './inbound-acceptance.ts';
import { withReturnPath } from './inbound-stamping.ts';
import { deliverToMailbox, newMessageFileName } from './mailbox.ts';
import { ProtocolLogWriter, useSessionIdSlot } from './protocol-log.ts';
import { ReceiveListeners } from './receive-listeners.ts';
import { AcceptorLoad } from './receive-worker-load.ts';
import type { InboundEnvelope } from './receive-session-host.ts';
import { incomingSpoolDirectory, receiveWorkerConfigVariable, type OwnerToWorker, type ReceiveWorkerConfig, type WorkerToOwner } from './receive-worker-messages.ts';
import { writeSpoolFile } from './spool-files.ts';
import { SpoolReserve } from './spool-reserve.ts';
import { TlsContextCache } from './tls-context-cache.ts';
import type { TransportSettings } from './transport-settings.ts';

const config = JSON.parse(process.env[receiveWorkerConfigVariable] ?? '{}') as ReceiveWorkerConfig;
useSessionIdSlot(config.index, config.count);
const state = openState({ root: config.stateRoot, ...(config.options.env ? { env: config.options.env } : {}) });
let settings: TransportSettings = transportSettingsFromStore(state, config.options);
const receiveLog = new ProtocolLogWriter(settings.stateDir, 'Receive');
// The owner emptied its folder before it started the workers (spool-reserve.ts).
const spoolReserve = new SpoolReserve(settings.stateDir);

function send(message: WorkerToOwner): void {
  process.send?.(message);
}

const acks = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
let nextRequestId = 1;

/**
 * Counted here, before the message is delivered, and written to the counters file in batches like
 * the owner's own; the owner asks for a flush when Get-Counter reads, so mail seen in a mailbox is
 * already counted (a message per increment cost the owner a wake-up per session).
 */
function count(name: SecureMailCounterName, by: number): void {
  incrementCounter(settings.stateDir, name, by);
}

async function queueAtOwner(from: string, recipients: string[], data: Buffer, messageId: string): Promise<void> {
  const path = join(incomingSpoolDirectory(settings.stateDir), newMessageFileName());
  await writeSpoolFile(path, data, settings.durableWrites ?? true, spoolReserve.take());
  const requestId = nextRequestId++;
  const acked = new Promise<void>((resolve, reject) => acks.set(requestId, { resolve, reject }));
  send({ type: 'queue', requestId, from, recipients, path, messageId });
  await acked;
}

async function acceptMessage(envelope: InboundEnvelope): Promise<string> {
  const current = settings;
  const { messageId, data } = stampInboundEnvelope(envelope);
  const { local, remote } = splitRecipients(current.acceptedDomains, envelope.recipients);
  const partner = envelope.authentication.kind === 'partner';
  if (partner) count('Domain Secure Messages Received', 1);
  try {
    for (const recipient of local) await deliverToMailbox(current.stateDir, recipient, withReturnPath(data, envelope.from), current.durableWrites ?? true, spoolReserve.take());
    if (remote.length > 0) await queueAtOwner(envelope.from, remote, data, messageId);
  } catch (error) {
    if (partner) count('Domain Secure Messages Received', -1);
    throw error;
  }
  return messageId;
}

// Worker 0 always accepts and tells the owner when it is busy; the others accept only then.
const load = config.index === 0 ? new AcceptorLoad((busy) => send({ type: busy ? 'busy' : 'quiet' })) : undefined;
const receivers = new ReceiveListeners(
  { settings: () => settings, tlsContexts: new TlsContextCache(), prepareMessage: () => spoolReserve.prepare(), acceptMessage },
  settings.serverName,
  receiveLog,
  load && ((active) => load.sessions(active)),
);

async function stop(): Promise<void> {
  load?.stop();
  await receivers.close();
  spoolReserve.close();
  receiveLog.close();
  send({ type: 'stopped' });
  process.disconnect?.();
}

process.on('message', (message: OwnerToWorker) => {
  switch (message.type) {
    case 'queued': {
      const ack = acks.get(message.requestId);
      acks.delete(message.requestId);
      if (message.error === undefined) ack?.resolve();
      else ack?.reject(new Error(message.error));
      return;
    }
    case 'reload':
      try {
        settings = transportSettingsFromStore(state, config.options);
      } catch (error) {
        send({ type: 'reloaded', listeners: receivers.listeners(), error: (error as Error).message });
        return;
      }
      receivers.apply(settings.receiveConnectors).then(
        () => send({ type: 'reloaded', listeners: receivers.listeners() }),
        (error: Error) => send({ type: 'reloaded', listeners: receivers.listeners(), error: error.message }),
      );
      return;
    case 'accept':
      receivers.setAccepting(message.accepting).then(
        () => send({ type: 'listening', listeners: receivers.listeners() }),
        () => send({ type: 'listening', listeners: receivers.listeners() }),
      );
      return;
    case 'flush-counters':
      flushCounters(settings.stateDir);
      send({ type: 'counters-flushed' });
      return;
    case 'stop':
      void stop();
  }
});

try {
  if (config.index > 0) await receivers.setAccepting(false);
  await receivers.apply(settings.receiveConnectors);
  send({ type: 'ready', listeners: receivers.listeners() });
} catch (error) {
  send({ type: 'failed', message: (error as Error).message });
  process.disconnect?.();
}
