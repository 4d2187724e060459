// The Edge transport service of one organisation (`Start-Service MSExchangeTransport`): receive
// connector listeners, local delivery, the outbound queues and their scheduler, protocol logs and
// counters, and the API the queue and mail cmdlets use. `reload` applies new settings without a
// restart (new listeners, new connector settings, new lists, new certificate).
import { flushCounters, incrementCounter, readCounters, type CounterSample } from './counters.ts';
import { DeliveryScheduler } from './delivery-scheduler.ts';
import { readFile, rm, unlink } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { splitRecipients, stampInboundEnvelope } from './inbound-acceptance.ts';
import { stampInboundMessage, withReturnPath, type InboundAuthentication } from './inbound-stamping.ts';
import { deliverToMailbox, listMailbox, readMessage, type MailboxEntry, type MailMessage } from './mailbox.ts';
import { composeMessage } from './message-composer.ts';
import { headerValue, splitMessage } from './message-headers.ts';
import { buildNdr, type FailedRecipient } from './ndr.ts';
import { ProtocolLogWriter } from './protocol-log.ts';
import { MessageQueue, type QueuedMessage } from './queue.ts';
import { filterMessages, findMessage, findQueue, queueInfos, type MessageFilter, type MessageInfo, type QueueInfo } from './queue-views.ts';
import { ReceiveListeners, type ListenerInfo } from './receive-listeners.ts';
import { domainOf } from './smtp-command.ts';
import type { InboundEnvelope } from './receive-session-host.ts';
import { incomingSpoolDirectory } from './receive-worker-messages.ts';
import { ReceiveWorkerPool, type ReceiveWorkerSource } from './receive-worker-pool.ts';
import { clearSpoolReserve, SpoolReserve } from './spool-reserve.ts';
import { TlsContextCache } from './tls-context-cache.ts';
import { retrySettings, type TransportSettings } from './transport-settings.ts';

export type ServiceStatus = 'Running' | 'Stopped';

export interface SubmitMessageOptions {
  from: string;
  to: string[];
  cc?: string[];
  subject: string;
  body: string;
  headers?: Record<string, string>;
}

export interface RoutingResult {
  /** The Internet message id. */
  messageId: string;
  /** Files written for local recipients. */
  delivered: string[];
  /** Queue message ids for remote recipients. */
  queued: number[];
}

export interface TransportService {
  readonly status: ServiceStatus;
  readonly settings: TransportSettings;
  readonly listeners: ListenerInfo[];
  /** The processes of the receive workers (empty when sessions run in this process). */
  readonly receiveWorkerPids: number[];
  stop(): Promise<void>;
  reload(settings: TransportSettings): Promise<void>;
  submitMessage(message: SubmitMessageOptions): Promise<RoutingResult>;
  getQueues(): QueueInfo[];
  getMessages(filter?: MessageFilter): MessageInfo[];
  retryQueue(identity: string): void;
  suspendQueue(identity: string): void;
  resumeQueue(identity: string): void;
  suspendMessage(identity: string): Promise<void>;
  resumeMessage(identity: string): Promise<void>;
  removeMessage(identity: string, options?: { withNdr?: boolean }): Promise<void>;
  listMailbox(address: string): MailboxEntry[];
  readMessage(path: string): MailMessage;
  getCounters(): CounterSample[];
  /** The counters with the receive workers' pending increments written first (what Get-Counter shows). */
  collectCounters(): Promise<CounterSample[]>;
  /** Writes buffered protocol log rows now. */
  flushLogs(): void;
  /** Resolves when no delivery attempt is running. */
  idle(): Promise<void>;
}

class EdgeTransportService implements TransportService {
  status: ServiceStatus = 'Running';
  readonly tlsContexts = new TlsContextCache();
  private readonly receiveLog: ProtocolLogWriter;
  private readonly sendLog: ProtocolLogWriter;
  private readonly queue: MessageQueue;
  private readonly scheduler: DeliveryScheduler;
  private readonly receivers: ReceiveListeners;
  private readonly workers: ReceiveWorkerPool | undefined;
  private readonly spoolReserve: SpoolReserve;

  constructor(
    public settings: TransportSettings,
    workers?: ReceiveWorkerSource,
  ) {
    this.receiveLog = new ProtocolLogWriter(settings.stateDir, 'Receive');
    this.sendLog = new ProtocolLogWriter(settings.stateDir, 'Send');
    this.queue = new MessageQueue(settings.stateDir, settings.durableWrites ?? true);
    this.queue.load();
    this.scheduler = new DeliveryScheduler(this.queue, {
      dependencies: (signal) => ({ settings: this.settings, tlsContexts: this.tlsContexts, sendLog: this.sendLog, signal }),
      retry: () => retrySettings(this.settings),
      returnToSender: (message, data, failed, lastError) => this.returnToSender(message, data, failed, lastError),
    });
    this.receivers = new ReceiveListeners(
      {
        settings: () => this.settings,
        tlsContexts: this.tlsContexts,
        prepareMessage: () => this.spoolReserve.prepare(),
        acceptMessage: (envelope) => this.acceptInbound(envelope),
      },
      settings.serverName,
      this.receiveLog,
    );
    this.workers = workers && new ReceiveWorkerPool(workers, { queue: (request) => this.queueSpooled(request) });
    this.spoolReserve = new SpoolReserve(settings.stateDir);
  }

  async start(): Promise<void> {
    await clearSpoolReserve(this.settings.stateDir);
    if (this.workers) {
      // Left by a worker or an owner that stopped between the spool write and the ack: no 250 was
      // given for them (the client sends again) or they were queued already.
      await rm(incomingSpoolDirectory(this.settings.stateDir), { recursive: true, force: true });
      await this.workers.start();
    } else await this.receivers.apply(this.settings.receiveConnectors);
    this.scheduler.start();
  }

  get listeners(): ListenerInfo[] {
    return this.workers ? this.workers.listeners : this.receivers.listeners();
  }

  get receiveWorkerPids(): number[] {
    return this.workers?.pids ?? [];
  }

  async stop(): Promise<void> {
    if (this.status === 'Stopped') return;
    this.status = 'Stopped';
    await this.workers?.stop();
    await this.receivers.close();
    await this.scheduler.stop();
    this.spoolReserve.close();
    this.receiveLog.close();
    this.sendLog.close();
    flushCounters(this.settings.stateDir);
  }

  async reload(settings: TransportSettings): Promise<void> {
    if (settings.stateDir !== this.settings.stateDir) throw new RangeError('Cannot change the state directory of a running transport service');
    this.settings = settings;
    if (this.workers) await this.workers.reload();
    else await this.receivers.apply(settings.receiveConnectors);
  }

  flushLogs(): void {
    this.receiveLog.flush();
    this.sendLog.flush();
  }

  idle(): Promise<void> {
    return this.scheduler.idle();
  }

  private durable(): boolean {
    return this.settings.durableWrites ?? true;
  }

  /** Local recipients to their mailboxes, the others to the queue of their domain. */
  private async route(from: string, recipients: readonly string[], data: Buffer, messageId: string, sourceName: QueuedMessage['sourceName']): Promise<RoutingResult> {
    const result: RoutingResult = { messageId, delivered: [], queued: [] };
    const { local, remote: remoteRecipients } = splitRecipients(this.settings.acceptedDomains, recipients);
    for (const recipient of local) {
      result.delivered.push(await deliverToMailbox(this.settings.stateDir, recipient, withReturnPath(data, from), this.durable(), this.spoolReserve.take()));
    }
    const remote = new Map<string, string[]>();
    for (const recipient of remoteRecipients) remote.set(domainOf(recipient), [...(remote.get(domainOf(recipient)) ?? []), recipient]);
    const { headers } = remote.size > 0 ? splitMessage(data) : { headers: [] };
    const now = Date.now();
    for (const [domain, domainRecipients] of remote) {
      const queued = await this.queue.enqueue(
        {
          internetMessageId: (headerValue(headers, 'Message-ID') ?? `<${messageId}>`).replace(/^<|>$/g, ''),
          from,
          recipients: domainRecipients,
          nextHopDomain: domain,
          subject: headerValue(headers, 'Subject') ?? '',
          dateReceived: new Date(now).toISOString(),
          expirationTime: new Date(now + retrySettings(this.settings).expiryMs).toISOString(),
          sourceName,
        },
        data,
      );
      result.queued.push(queued.id);
      this.scheduler.kick(domain);
    }
    return result;
  }

  /** Remote recipients of a message a receive worker wrote to the spool: queued, then the spool file goes. */
  private async queueSpooled(request: { from: string; recipients: string[]; path: string; messageId: string }): Promise<void> {
    if (this.status !== 'Running') throw new Error('The transport service is stopping.');
    if (dirname(resolve(request.path)) !== resolve(incomingSpoolDirectory(this.settings.stateDir))) throw new Error(`The spool file ${request.path} is not in the incoming spool folder.`);
    const data = await readFile(request.path);
    await this.route(request.from, request.recipients, data, request.messageId, 'SMTP');
    await unlink(request.path).catch(() => undefined);
  }

  private async acceptInbound(envelope: InboundEnvelope): Promise<string> {
    const { messageId, data: stamped } = stampInboundEnvelope(envelope);
    await this.route(envelope.from, envelope.recipients, stamped, messageId, 'SMTP');
    if (envelope.authentication.kind === 'partner') incrementCounter(this.settings.stateDir, 'Domain Secure Messages Received');
    return messageId;
  }

  async submitMessage(message: SubmitMessageOptions): Promise<RoutingResult> {
    const fqdn = this.settings.sendConnectors[0]?.fqdn ?? this.settings.serverName;
    const composed = composeMessage({ ...message, messageIdDomain: domainOf(message.from) || fqdn });
    const authentication: InboundAuthentication = { kind: 'local' };
    const stamped = stampInboundMessage(composed.data, { serverFqdn: this.settings.serverName, helo: this.settings.serverName, remoteAddress: '127.0.0.1', localAddress: '127.0.0.1', tls: false, authentication, messageId: composed.messageId });
    return this.route(message.from, [...message.to, ...(message.cc ?? [])], stamped, composed.messageId, 'FromLocal');
  }

  private async returnToSender(message: QueuedMessage, data: Buffer, failed: FailedRecipient[], lastError: string | undefined): Promise<void> {
    if (message.from === '' || message.sourceName === 'DSN') return; // never NDR an NDR
    const postmasterDomain = this.settings.acceptedDomains[0] ?? this.settings.serverName;
    const ndr = buildNdr({
      reportingMta: this.settings.sendConnectors[0]?.fqdn ?? this.settings.serverName,
      postmaster: `postmaster@${postmasterDomain}`,
      originalSender: message.from,
      originalMessage: data,
      failed,
      lastError,
    });
    await this.route('', [message.from], ndr.data, ndr.messageId, 'DSN');
  }

  getQueues(): QueueInfo[] {
    return queueInfos(this.settings.serverName, this.queue, this.settings.sendConnectors, (domain) => this.scheduler.isActive(domain));
  }

  getMessages(filter?: MessageFilter): MessageInfo[] {
    return filterMessages(this.settings.serverName, this.queue, filter);
  }

  private requireQueue(identity: string) {
    const state = findQueue(this.queue, this.settings.serverName, identity);
    if (!state) throw new RangeError(`The operation couldn't be performed because '${identity}' couldn't be found.`);
    return state;
  }

  private requireMessage(identity: string): QueuedMessage {
    const message = findMessage(this.queue, this.settings.serverName, identity);
    if (!message) throw new RangeError(`The operation couldn't be performed because '${identity}' couldn't be found.`);
    return message;
  }

  retryQueue(identity: string): void {
    this.scheduler.retryNow(this.requireQueue(identity).nextHopDomain);
  }

  suspendQueue(identity: string): void {
    const state = this.requireQueue(identity);
    state.status = 'Suspended';
    this.queue.updateQueueState(state);
  }

  resumeQueue(identity: string): void {
    const state = this.requireQueue(identity);
    if (state.status !== 'Suspended') return;
    state.status = state.lastError ? 'Retry' : 'Ready';
    this.queue.updateQueueState(state);
    if (state.status === 'Ready') this.scheduler.kick(state.nextHopDomain);
  }

  async suspendMessage(identity: string): Promise<void> {
    const message = this.requireMessage(identity);
    message.status = 'Suspended';
    await this.queue.update(message);
  }

  async resumeMessage(identity: string): Promise<void> {
    const message = this.requireMessage(identity);
    if (message.status !== 'Suspended') return;
    message.status = message.lastError ? 'Retry' : 'Ready';
    await this.queue.update(message);
    this.scheduler.kick(message.nextHopDomain);
  }

  async removeMessage(identity: string, options: { withNdr?: boolean } = {}): Promise<void> {
    const message = this.requireMessage(identity);
    const data = await this.queue.readData(message).catch(() => Buffer.alloc(0));
    await this.queue.remove(message);
    if (options.withNdr ?? true) {
      await this.returnToSender(message, data, message.recipients.map((recipient) => ({ recipient, response: '550 5.0.0 The message was deleted by an administrator' })), message.lastError);
    }
  }

  listMailbox(address: string): MailboxEntry[] {
    return listMailbox(this.settings.stateDir, address);
  }

  readMessage(path: string): MailMessage {
    return readMessage(path);
  }

  getCounters(): CounterSample[] {
    return readCounters(this.settings.stateDir);
  }

  async collectCounters(): Promise<CounterSample[]> {
    await this.workers?.flushCounters();
    return this.getCounters();
  }
}

/**
 * Starts listening and delivering; resolves once every receive connector binding is listening.
 * With `receiveWorkers` (settings that come from a store, which the workers read too) inbound
 * sessions run in that many worker processes instead of this one.
 */
export async function startTransportService(settings: TransportSettings, receiveWorkers?: ReceiveWorkerSource): Promise<TransportService> {
  const service = new EdgeTransportService(settings, receiveWorkers && receiveWorkers.count > 1 ? receiveWorkers : undefined);
  try {
    await service.start();
  } catch (error) {
    await service.stop();
    throw error;
  }
  return service;
}
