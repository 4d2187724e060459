// The IPC messages between the transport owner and its receive workers (receive-worker-pool.ts,
// receive-worker-main.ts). Settings never travel: a worker builds them from the same store.
import { join } from 'node:path';
import type { StoreSettingsOptions } from './config-from-store.ts';
import type { ListenerInfo } from './receive-listeners.ts';

/** Handed to a worker in its environment (EMSH_RECEIVE_WORKER, JSON). */
export interface ReceiveWorkerConfig {
  stateRoot: string;
  options: StoreSettingsOptions;
  /** 0-based slot of this worker, and how many there are (session ids never collide). */
  index: number;
  count: number;
}

export const receiveWorkerConfigVariable = 'EMSH_RECEIVE_WORKER';

/** Where a worker writes relayed mail before handing it to the owner (the 250 waits for the owner's ack). */
export function incomingSpoolDirectory(stateDir: string): string {
  return join(stateDir, 'queue', 'incoming');
}

export type OwnerToWorker =
  | { type: 'reload' }
  | { type: 'stop' }
  /** Write this worker's pending counter increments to the counters file now (a Get-Counter is asked). */
  | { type: 'flush-counters' }
  /** Accept connections, or stand by (sessions in progress go on): see receive-worker-load.ts. */
  | { type: 'accept'; accepting: boolean }
  | { type: 'queued'; requestId: number; error?: string };

export type WorkerToOwner =
  | { type: 'ready'; listeners: ListenerInfo[] }
  | { type: 'failed'; message: string }
  | { type: 'reloaded'; listeners: ListenerInfo[]; error?: string }
  /** Remote recipients of a message the worker wrote durably to `path` (the owner queues it, then acks). */
  | { type: 'queue'; requestId: number; from: string; recipients: string[]; path: string; messageId: string }
  | { type: 'counters-flushed' }
  /** Worker 0 holds several sessions at once (the others should accept), or has not for a while. */
  | { type: 'busy' }
  | { type: 'quiet' }
  /** After an `accept` message: the listeners this worker now has. */
  | { type: 'listening'; listeners: ListenerInfo[] }
  | { type: 'stopped' };
