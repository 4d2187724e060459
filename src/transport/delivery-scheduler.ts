// Drives the outbound queues: a delivery attempt as soon as mail arrives for a queue in Ready, a
// retry on the queue's schedule after a failure (Status Retry, NextRetryTime), Retry-Queue on demand,
// and expiry: a message older than the expiration timeout goes back to its sender as an NDR.
import { attemptDelivery, type DeliveryDependencies } from './delivery.ts';
import type { FailedRecipient } from './ndr.ts';
import type { MessageQueue, QueuedMessage } from './queue.ts';
import { replies } from './smtp-reply.ts';
import type { RetrySettings } from './transport-settings.ts';

export interface SchedulerHooks {
  dependencies(signal: AbortSignal): DeliveryDependencies;
  retry(): RetrySettings;
  /** Sends an NDR for `failed` recipients of `message` (or drops it for a null sender). */
  returnToSender(message: QueuedMessage, data: Buffer, failed: FailedRecipient[], lastError: string | undefined): Promise<void>;
}

export class DeliveryScheduler {
  private readonly active = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private readonly abort = new AbortController();
  private stopping = false;

  constructor(
    private readonly queue: MessageQueue,
    private readonly hooks: SchedulerHooks,
  ) {}

  start(): void {
    const interval = Math.min(5000, Math.max(25, Math.floor(this.hooks.retry().intervalMs / 4)));
    this.timer = setInterval(() => void this.tick(), interval);
    this.timer.unref();
    void this.tick();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    this.abort.abort();
    await Promise.allSettled([...this.active.values()]);
  }

  /** New mail for `domain`: deliver now unless the queue waits for its retry time or is suspended. */
  kick(domain: string): void {
    const state = this.queue.queueState(domain);
    if (state.status === 'Ready') this.run(domain);
  }

  /** Retry-Queue: connect now, whatever the schedule says. */
  retryNow(domain: string): void {
    const state = this.queue.queueState(domain);
    if (state.status === 'Suspended' || this.active.has(state.nextHopDomain)) return;
    state.status = 'Ready';
    state.nextRetryTime = undefined;
    this.queue.updateQueueState(state);
    this.run(domain);
  }

  isActive(domain: string): boolean {
    return this.active.has(domain.toLowerCase());
  }

  /** Resolves once no delivery attempt is running (tests, Get-Queue after Retry-Queue). */
  async idle(): Promise<void> {
    while (this.active.size > 0) await Promise.allSettled([...this.active.values()]);
  }

  private async tick(): Promise<void> {
    if (this.stopping) return;
    const now = Date.now();
    for (const message of this.queue.all()) {
      if (message.status === 'Active' || message.status === 'Suspended' || Date.parse(message.expirationTime) > now) continue;
      if (this.active.has(message.nextHopDomain)) continue;
      await this.expire(message);
    }
    for (const state of this.queue.queueStates()) {
      if (state.status === 'Suspended' || this.active.has(state.nextHopDomain)) continue;
      const due = state.status === 'Ready' || (state.status === 'Retry' && (!state.nextRetryTime || Date.parse(state.nextRetryTime) <= now));
      if (due && this.queue.messagesFor(state.nextHopDomain).some((message) => message.status !== 'Suspended')) this.run(state.nextHopDomain);
    }
  }

  private async expire(message: QueuedMessage): Promise<void> {
    try {
      const data = await this.queue.readData(message);
      await this.queue.remove(message);
      await this.hooks.returnToSender(message, data, message.recipients.map((recipient) => ({ recipient, response: replies.queueExpired })), message.lastError);
    } catch {
      // content already gone: nothing to return
      await this.queue.remove(message);
    }
  }

  private run(domain: string): void {
    const key = domain.toLowerCase();
    if (this.stopping || this.active.has(key)) return;
    const attempt = this.attempt(key).finally(() => {
      this.active.delete(key);
      if (this.stopping) return;
      const state = this.queue.queueState(key);
      if (state.status === 'Ready' && this.queue.messagesFor(key).some((message) => message.status === 'Ready')) this.run(key);
    });
    this.active.set(key, attempt);
  }

  private async attempt(domain: string): Promise<void> {
    const state = this.queue.queueState(domain);
    const batch = this.queue.messagesFor(domain).filter((message) => message.status !== 'Suspended');
    if (batch.length === 0) return;
    state.status = 'Active';
    for (const message of batch) message.status = 'Active';
    const outgoing: { message: QueuedMessage; data: Buffer }[] = [];
    for (const message of batch) {
      try {
        outgoing.push({ message, data: await this.queue.readData(message) });
      } catch {
        await this.queue.remove(message);
      }
    }
    let outcome;
    try {
      outcome = await attemptDelivery(domain, outgoing, this.hooks.dependencies(this.abort.signal));
    } catch (error) {
      outcome = { queueError: `451 4.4.0 ${(error as Error).message}`, messages: [] };
    }
    const suspended = this.queue.queueState(domain).status === 'Suspended'; // Suspend-Queue during the attempt
    const now = new Date();
    let firstTransient: string | undefined;
    const handled = new Set<number>();
    for (const result of outcome.messages) {
      handled.add(result.message.id);
      const data = outgoing.find((item) => item.message === result.message)?.data ?? Buffer.alloc(0);
      if (result.permanent.length > 0) await this.hooks.returnToSender(result.message, data, result.permanent, undefined);
      if (result.transient.length === 0) {
        await this.queue.remove(result.message);
        continue;
      }
      firstTransient ??= result.transient[0]!.response;
      result.message.recipients = result.transient.map((failure) => failure.recipient);
      if (result.message.status !== 'Suspended') result.message.status = 'Retry';
      result.message.lastError = result.transient[0]!.response;
      result.message.retryCount += 1;
      await this.queue.update(result.message);
    }
    for (const { message } of outgoing) {
      if (handled.has(message.id)) continue;
      message.status = message.status === 'Active' ? 'Retry' : message.status;
      message.lastError = outcome.queueError;
      message.retryCount += 1;
      await this.queue.update(message);
    }
    const error = outcome.queueError ?? firstTransient;
    state.lastRetryTime = now.toISOString();
    if (error) {
      state.status = suspended ? 'Suspended' : 'Retry';
      state.lastError = error;
      state.retryCount += 1;
      state.nextRetryTime = new Date(now.getTime() + this.hooks.retry().intervalMs).toISOString();
    } else {
      state.status = suspended ? 'Suspended' : 'Ready';
      state.lastError = undefined;
      state.retryCount = 0;
      state.nextRetryTime = undefined;
    }
    this.queue.updateQueueState(state);
  }
}
