// What the queue cmdlets and Send-MailMessage talk to: the service this session runs (direct
// calls) or the one another process on the state root runs (the same calls over its control
// endpoint). Both return the same objects and throw the same errors (RangeError for "couldn't be
// found"), so the cmdlets do not care which it is.
import type { CmdletContext } from '../../../src/pipeline/context.ts';
import { StoreError } from '../../../src/store/store-error.ts';
import { ControlUnavailableError, controlRequest } from '../../../src/transport/control/control-client.ts';
import type { MessageFilter, MessageInfo, QueueInfo } from '../../../src/transport/queue-views.ts';
import type { RoutingResult, SubmitMessageOptions } from '../../../src/transport/transport-service.ts';
import { serverContext } from '../exchange-state.ts';
import { locateTransport, type TransportLocation } from './session-transport.ts';
import { TRANSPORT_SERVICE_NAME, type RunningTransport } from './transport-runtime.ts';

export interface TransportAccess {
  /** Where the receive connectors listen (Send-MailMessage to our own loopback port submits directly). */
  readonly listeners: { connector: string; address: string; port: number }[];
  getQueues(): Promise<QueueInfo[]>;
  getMessages(filter?: MessageFilter): Promise<MessageInfo[]>;
  retryQueue(identity: string): Promise<void>;
  suspendMessage(identity: string): Promise<void>;
  resumeMessage(identity: string): Promise<void>;
  removeMessage(identity: string, options: { withNdr: boolean }): Promise<void>;
  submitMessage(message: SubmitMessageOptions): Promise<RoutingResult>;
}

function localAccess(running: RunningTransport): TransportAccess {
  const service = running.service;
  const fresh = async <T>(fn: () => T | Promise<T>): Promise<T> => {
    await running.refresh().catch(() => false);
    return fn();
  };
  return {
    listeners: service.listeners,
    getQueues: () => fresh(() => service.getQueues()),
    getMessages: (filter) => fresh(() => service.getMessages(filter)),
    retryQueue: (identity) => fresh(() => service.retryQueue(identity)),
    suspendMessage: (identity) => fresh(() => service.suspendMessage(identity)),
    resumeMessage: (identity) => fresh(() => service.resumeMessage(identity)),
    removeMessage: (identity, options) => fresh(() => service.removeMessage(identity, options)),
    submitMessage: (message) => fresh(() => service.submitMessage(message)),
  };
}

function date(value: unknown): Date | undefined {
  return typeof value === 'string' ? new Date(value) : undefined;
}

function reviveQueue(raw: Record<string, unknown>): QueueInfo {
  return { ...(raw as unknown as QueueInfo), lastRetryTime: date(raw.lastRetryTime), nextRetryTime: date(raw.nextRetryTime) };
}

function reviveMessage(raw: Record<string, unknown>): MessageInfo {
  return { ...(raw as unknown as MessageInfo), dateReceived: date(raw.dateReceived)!, expirationTime: date(raw.expirationTime)! };
}

function remoteAccess(ctx: CmdletContext, endpoint: string, listeners: TransportAccess['listeners']): TransportAccess {
  const call = async (verb: string, args: Record<string, unknown> = {}): Promise<unknown> => {
    try {
      return await controlRequest(endpoint, verb, args);
    } catch (error) {
      if (error instanceof ControlUnavailableError) notRunning(ctx, error.message);
      throw error;
    }
  };
  return {
    listeners,
    getQueues: async () => ((await call('getQueues')) as Record<string, unknown>[]).map(reviveQueue),
    getMessages: async (filter = {}) => ((await call('getMessages', { ...filter })) as Record<string, unknown>[]).map(reviveMessage),
    retryQueue: async (identity) => void (await call('retryQueue', { identity })),
    suspendMessage: async (identity) => void (await call('suspendMessage', { identity })),
    resumeMessage: async (identity) => void (await call('resumeMessage', { identity })),
    removeMessage: async (identity, options) => void (await call('removeMessage', { identity, withNdr: options.withNdr })),
    submitMessage: async (message) => (await call('submitMessage', { ...message })) as RoutingResult,
  };
}

function notRunning(ctx: CmdletContext, reason: string): never {
  let server = 'localhost';
  try {
    server = serverContext(ctx.session).serverName;
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
  }
  ctx.fail({
    message: `Error while connecting to the Microsoft Exchange Transport service on ${server}: ${reason}`,
    errorId: 'TransportServiceNotRunning',
    category: 'ResourceUnavailable',
    exceptionType: 'Microsoft.Exchange.Management.QueueViewerTasks.QueueViewerException',
  });
}

/** The running service wherever it runs, or undefined when nobody on this state root runs it. */
export async function findTransport(ctx: CmdletContext, location?: TransportLocation): Promise<TransportAccess | undefined> {
  const where = location ?? (await locateTransport(ctx.session));
  if (where.where === 'here') return localAccess(where.running);
  if (where.where === 'nowhere') return undefined;
  if (where.probe.state === 'StartPending') notRunning(ctx, `the service is still starting (${where.probe.claim.host === 'daemon' ? 'emsh -Service' : 'an emsh shell'}, process ${where.probe.claim.pid}); try again in a moment.`);
  return remoteAccess(ctx, where.probe.claim.endpoint, where.probe.info?.listeners ?? []);
}

/** The running service for the queue cmdlets, else a terminating error as Exchange's queue viewer gives. */
export async function requireTransport(ctx: CmdletContext): Promise<TransportAccess> {
  const access = await findTransport(ctx);
  if (!access) notRunning(ctx, `the service isn't running on this state root. Run Start-Service ${TRANSPORT_SERVICE_NAME} (or emsh -Service) first.`);
  return access;
}
