// The persistent outbound queue: one queue per next-hop domain, each message as `<id>.eml` (the
// content) plus `<id>.json` (envelope and state) under `<stateDir>/queue/`, and `queues.json`
// for the per-queue retry state and identities. Every file is replaced atomically; the JSON of a
// message is written after its content and removed before it, so a crash never leaves a message
// without content. Everything survives a restart.
import { readdirSync, readFileSync } from 'node:fs';
import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { writeSpoolFile as writeFileAtomic, writeSpoolFileSync as writeFileAtomicSync } from './spool-files.ts';

export type MessageStatus = 'Active' | 'Ready' | 'Retry' | 'Suspended';
export type QueueStatus = 'Active' | 'Ready' | 'Retry' | 'Suspended';

export interface QueuedMessage {
  id: number;
  internetMessageId: string;
  from: string;
  recipients: string[];
  nextHopDomain: string;
  size: number;
  subject: string;
  dateReceived: string;
  expirationTime: string;
  status: MessageStatus;
  lastError: string | undefined;
  retryCount: number;
  /** `SMTP` (received), `FromLocal` (submitted), `DSN` (a non-delivery report). */
  sourceName: 'SMTP' | 'FromLocal' | 'DSN';
}

export interface QueueState {
  number: number;
  nextHopDomain: string;
  status: QueueStatus;
  lastError: string | undefined;
  nextRetryTime: string | undefined;
  lastRetryTime: string | undefined;
  retryCount: number;
}

interface QueueIndex {
  nextMessageId: number;
  nextQueueNumber: number;
  queues: Record<string, QueueState>;
}

export class MessageQueue {
  readonly directory: string;
  private readonly messages = new Map<number, QueuedMessage>();
  private index: QueueIndex = { nextMessageId: 1, nextQueueNumber: 1, queues: {} };

  constructor(
    stateDir: string,
    private readonly durable: boolean,
  ) {
    this.directory = join(stateDir, 'queue');
  }

  /** Reads everything back after a restart; a message being delivered when we stopped is Ready again. */
  load(): void {
    try {
      this.index = JSON.parse(readFileSync(join(this.directory, 'queues.json'), 'utf8')) as QueueIndex;
    } catch {
      // fresh state directory
    }
    let names: string[] = [];
    try {
      names = readdirSync(this.directory);
    } catch {
      return;
    }
    for (const name of names) {
      if (!/^\d+\.json$/.test(name)) continue;
      try {
        const message = JSON.parse(readFileSync(join(this.directory, name), 'utf8')) as QueuedMessage;
        if (message.status === 'Active') message.status = 'Ready';
        this.messages.set(message.id, message);
        this.index.nextMessageId = Math.max(this.index.nextMessageId, message.id + 1);
        this.queueState(message.nextHopDomain);
      } catch {
        // A torn JSON cannot happen with atomic writes; skip anything unreadable.
      }
    }
    for (const state of Object.values(this.index.queues)) if (state.status === 'Active') state.status = 'Ready';
  }

  private saveIndex(): void {
    writeFileAtomicSync(join(this.directory, 'queues.json'), JSON.stringify(this.index, undefined, 1), this.durable);
  }

  queueState(nextHopDomain: string): QueueState {
    const key = nextHopDomain.toLowerCase();
    let state = this.index.queues[key];
    if (!state) {
      state = { number: this.index.nextQueueNumber++, nextHopDomain: key, status: 'Ready', lastError: undefined, nextRetryTime: undefined, lastRetryTime: undefined, retryCount: 0 };
      this.index.queues[key] = state;
      this.saveIndex();
    }
    return state;
  }

  updateQueueState(state: QueueState): void {
    this.index.queues[state.nextHopDomain] = state;
    this.saveIndex();
  }

  queueStates(): QueueState[] {
    return Object.values(this.index.queues).sort((a, b) => a.number - b.number);
  }

  async enqueue(entry: Omit<QueuedMessage, 'id' | 'status' | 'lastError' | 'retryCount' | 'size'>, data: Buffer): Promise<QueuedMessage> {
    const message: QueuedMessage = { ...entry, nextHopDomain: entry.nextHopDomain.toLowerCase(), id: this.index.nextMessageId++, status: 'Ready', lastError: undefined, retryCount: 0, size: data.length };
    this.queueState(message.nextHopDomain);
    this.saveIndex();
    await writeFileAtomic(join(this.directory, `${message.id}.eml`), data, this.durable);
    await writeFileAtomic(join(this.directory, `${message.id}.json`), JSON.stringify(message, undefined, 1), this.durable);
    this.messages.set(message.id, message);
    return message;
  }

  async update(message: QueuedMessage): Promise<void> {
    if (!this.messages.has(message.id)) return;
    await writeFileAtomic(join(this.directory, `${message.id}.json`), JSON.stringify(message, undefined, 1), this.durable);
  }

  async remove(message: QueuedMessage): Promise<void> {
    this.messages.delete(message.id);
    await unlink(join(this.directory, `${message.id}.json`)).catch(() => undefined);
    await unlink(join(this.directory, `${message.id}.eml`)).catch(() => undefined);
  }

  readData(message: QueuedMessage): Promise<Buffer> {
    return readFile(join(this.directory, `${message.id}.eml`));
  }

  get(id: number): QueuedMessage | undefined {
    return this.messages.get(id);
  }

  all(): QueuedMessage[] {
    return [...this.messages.values()].sort((a, b) => a.id - b.id);
  }

  messagesFor(nextHopDomain: string): QueuedMessage[] {
    const key = nextHopDomain.toLowerCase();
    return this.all().filter((message) => message.nextHopDomain === key);
  }
}
