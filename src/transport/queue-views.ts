// What Get-Queue and Get-Message show: queue and message objects with Exchange's property names
// and identities (`SERVER\3`, `SERVER\3\17`, `SERVER\Submission`), and identity lookup.
import type { MessageQueue, MessageStatus, QueuedMessage, QueueState, QueueStatus } from './queue.ts';
import { deliveryTypeOf, selectSendConnector, type DeliveryType } from './routing.ts';
import type { SendConnectorSettings } from './transport-settings.ts';

export interface QueueInfo {
  identity: string;
  deliveryType: DeliveryType | 'Undefined';
  status: QueueStatus;
  messageCount: number;
  nextHopDomain: string;
  nextHopConnector: string | undefined;
  lastError: string | undefined;
  lastRetryTime: Date | undefined;
  nextRetryTime: Date | undefined;
}

export interface MessageInfo {
  identity: string;
  fromAddress: string;
  status: MessageStatus;
  size: number;
  subject: string;
  queue: string;
  lastError: string | undefined;
  dateReceived: Date;
  expirationTime: Date;
  recipients: string[];
  internetMessageId: string;
  sourceName: string;
  retryCount: number;
}

export interface MessageFilter {
  /** Queue identity (`SERVER\3`, `3`) or next-hop domain. */
  queue?: string;
  status?: MessageStatus;
  fromAddress?: string;
  /** Message identity (`SERVER\3\17`, `3\17`, `17`). */
  identity?: string;
}

function optionalDate(text: string | undefined): Date | undefined {
  return text ? new Date(text) : undefined;
}

export function queueInfos(serverName: string, queue: MessageQueue, connectors: readonly SendConnectorSettings[], isActive: (domain: string) => boolean): QueueInfo[] {
  const submission: QueueInfo = {
    identity: `${serverName}\\Submission`,
    deliveryType: 'Undefined',
    status: 'Ready',
    messageCount: 0,
    nextHopDomain: 'Submission',
    nextHopConnector: undefined,
    lastError: undefined,
    lastRetryTime: undefined,
    nextRetryTime: undefined,
  };
  const result = [submission];
  for (const state of queue.queueStates()) {
    const messages = queue.messagesFor(state.nextHopDomain);
    if (messages.length === 0 && !isActive(state.nextHopDomain)) continue;
    const route = selectSendConnector(connectors, state.nextHopDomain);
    result.push({
      identity: `${serverName}\\${state.number}`,
      deliveryType: deliveryTypeOf(route),
      status: isActive(state.nextHopDomain) && state.status !== 'Suspended' ? 'Active' : state.status,
      messageCount: messages.length,
      nextHopDomain: state.nextHopDomain,
      nextHopConnector: route?.connector.name,
      lastError: state.lastError,
      lastRetryTime: optionalDate(state.lastRetryTime),
      nextRetryTime: state.status === 'Retry' ? optionalDate(state.nextRetryTime) : undefined,
    });
  }
  return result;
}

export function messageInfo(serverName: string, state: QueueState, message: QueuedMessage): MessageInfo {
  return {
    identity: `${serverName}\\${state.number}\\${message.id}`,
    fromAddress: message.from,
    status: message.status,
    size: message.size,
    subject: message.subject,
    queue: `${serverName}\\${state.number}`,
    lastError: message.lastError,
    dateReceived: new Date(message.dateReceived),
    expirationTime: new Date(message.expirationTime),
    recipients: [...message.recipients],
    internetMessageId: message.internetMessageId,
    sourceName: message.sourceName,
    retryCount: message.retryCount,
  };
}

/** Finds a queue by `SERVER\n`, `n` or next-hop domain. */
export function findQueue(queue: MessageQueue, serverName: string, identity: string): QueueState | undefined {
  const text = identity.trim();
  const prefix = `${serverName.toLowerCase()}\\`;
  const local = text.toLowerCase().startsWith(prefix) ? text.slice(prefix.length) : text;
  return queue.queueStates().find((state) => String(state.number) === local || state.nextHopDomain === local.toLowerCase());
}

/** Finds a message by `SERVER\n\id`, `n\id` or `id`. */
export function findMessage(queue: MessageQueue, serverName: string, identity: string): QueuedMessage | undefined {
  const parts = identity.trim().split('\\');
  const id = Number(parts[parts.length - 1]);
  if (!Number.isInteger(id)) return undefined;
  const message = queue.get(id);
  if (!message) return undefined;
  if (parts.length >= 2) {
    const queuePart = parts.length === 3 ? `${parts[0]}\\${parts[1]}` : parts[0]!;
    const state = findQueue(queue, serverName, queuePart);
    if (!state || state.nextHopDomain !== message.nextHopDomain) return undefined;
  }
  return message;
}

export function filterMessages(serverName: string, queue: MessageQueue, filter: MessageFilter = {}): MessageInfo[] {
  let messages = queue.all();
  if (filter.identity !== undefined) {
    const found = findMessage(queue, serverName, filter.identity);
    messages = found ? [found] : [];
  }
  if (filter.queue !== undefined) {
    const state = findQueue(queue, serverName, filter.queue);
    messages = state ? messages.filter((message) => message.nextHopDomain === state.nextHopDomain) : [];
  }
  if (filter.status !== undefined) messages = messages.filter((message) => message.status === filter.status);
  if (filter.fromAddress !== undefined) {
    const from = filter.fromAddress.toLowerCase();
    messages = messages.filter((message) => message.from.toLowerCase() === from);
  }
  return messages.map((message) => messageInfo(serverName, queue.queueState(message.nextHopDomain), message));
}
