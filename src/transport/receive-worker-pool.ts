// The owner's side of receive workers: node:cluster processes that run only the receive connectors,
// so inbound sessions (TLS handshakes above all) use every core while the owner keeps the queues,
// delivery, control socket and counters. SCHED_NONE: the kernel spreads accepts over the workers
// that listen (round-robin would cost the owner a hop per connection): worker 0 always, the others
// while it is busy (receive-worker-load.ts). A worker that dies is replaced; stop()
// and the owner's exit end them all (a cluster worker exits when its IPC channel closes).
import cluster, { type Worker } from 'node:cluster';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StoreSettingsOptions } from './config-from-store.ts';
import type { ListenerInfo } from './receive-listeners.ts';
import { receiveWorkerConfigVariable, type OwnerToWorker, type ReceiveWorkerConfig, type WorkerToOwner } from './receive-worker-messages.ts';

export interface ReceiveWorkerSource {
  stateRoot: string;
  options: StoreSettingsOptions;
  count: number;
}

export interface ReceiveWorkerOwner {
  /** Queues the remote recipients of a message a worker spooled to `path`; resolves once it is safely queued. */
  queue(request: { from: string; recipients: string[]; path: string; messageId: string }): Promise<void>;
}

/** The worker's entry: beside this file in the sources, `receive-worker.js` in the bundle (scripts/build.mjs). */
const workerEntry = [`./receive-worker-main${extname(fileURLToPath(import.meta.url))}`, './receive-worker.js']
  .map((name) => fileURLToPath(new URL(name, import.meta.url)))
  .find((path) => existsSync(path));

/**
 * How many receive workers to run: EMSH_RECEIVE_WORKERS when set (0 or 1: sessions in the owner),
 * else one per core up to two; none when there is no worker entry to run.
 */
export function receiveWorkerCount(env: NodeJS.ProcessEnv = process.env): number {
  if (!workerEntry) return 0;
  const wanted = env.EMSH_RECEIVE_WORKERS;
  if (wanted !== undefined && wanted !== '') return Math.max(0, Math.floor(Number(wanted)) || 0);
  return Math.min(2, availableParallelism());
}

interface Slot {
  worker: Worker;
  listeners: ListenerInfo[];
  replies: ((message: WorkerToOwner) => void)[];
}

export class ReceiveWorkerPool {
  private readonly slots: (Slot | undefined)[] = [];
  private stopping = false;

  constructor(
    private readonly source: ReceiveWorkerSource,
    private readonly owner: ReceiveWorkerOwner,
  ) {}

  /** Resolves once every worker listens; rejects (workers stopped) when one cannot start. */
  async start(): Promise<void> {
    try {
      await Promise.all(Array.from({ length: this.source.count }, (_, index) => this.fork(index)));
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  get listeners(): ListenerInfo[] {
    // Standby workers (receive-worker-load.ts) have none open.
    return this.slots.find((slot) => slot && slot.listeners.length > 0)?.listeners ?? [];
  }

  get pids(): number[] {
    return this.slots.flatMap((slot) => (slot?.worker.process.pid === undefined ? [] : [slot.worker.process.pid]));
  }

  /** Every worker re-reads the store and applies it; rejects with the first worker's error. */
  async reload(): Promise<void> {
    const results = await Promise.all(this.live().map((slot) => this.request(slot, { type: 'reload' }, 'reloaded')));
    const failed = results.find((reply) => reply.type === 'reloaded' && reply.error !== undefined);
    if (failed?.type === 'reloaded') throw new Error(failed.error);
  }

  /** Resolves once every worker has written its pending counter increments to the counters file. */
  async flushCounters(): Promise<void> {
    await Promise.all(this.live().map((slot) => this.request(slot, { type: 'flush-counters' }, 'counters-flushed')));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      this.live().map(
        (slot) =>
          new Promise<void>((resolve) => {
            const { worker } = slot;
            if (worker.isDead()) return resolve();
            const kill = setTimeout(() => worker.process.kill('SIGKILL'), 10_000);
            worker.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
            this.post(worker, { type: 'stop' });
          }),
      ),
    );
  }

  private live(): Slot[] {
    return this.slots.filter((slot): slot is Slot => slot !== undefined);
  }

  private post(worker: Worker, message: OwnerToWorker): void {
    if (worker.isConnected()) worker.send(message);
  }

  private request(slot: Slot, message: OwnerToWorker, replyType: WorkerToOwner['type']): Promise<WorkerToOwner> {
    return new Promise((resolve) => {
      const onReply = (reply: WorkerToOwner): void => {
        if (reply.type !== replyType) return;
        slot.replies.splice(slot.replies.indexOf(onReply), 1);
        resolve(reply);
      };
      slot.replies.push(onReply);
      slot.worker.once('exit', () => resolve({ type: 'reloaded', listeners: slot.listeners }));
      this.post(slot.worker, message);
    });
  }

  private fork(index: number): Promise<void> {
    if (cluster.isPrimary) {
      cluster.schedulingPolicy = cluster.SCHED_NONE;
      cluster.setupPrimary({
        exec: workerEntry!,
        // The test runner's flags must not make a worker a test file; stdin stays the shell's.
        execArgv: process.execArgv.filter((flag) => !flag.startsWith('--test')),
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
    }
    const config: ReceiveWorkerConfig = { stateRoot: this.source.stateRoot, options: this.source.options, index, count: this.source.count };
    const worker = cluster.fork({ [receiveWorkerConfigVariable]: JSON.stringify(config) });
    const slot: Slot = { worker, listeners: [], replies: [] };
    this.slots[index] = slot;
    return new Promise<void>((resolve, reject) => {
      let started = false;
      worker.on('message', (message: WorkerToOwner) => {
        switch (message.type) {
          case 'ready':
            slot.listeners = message.listeners;
            started = true;
            // A new worker 0 accepts: the others, told to accept while it was missing, stand by again.
            if (index === 0) for (const other of this.live()) if (other !== slot) this.post(other.worker, { type: 'accept', accepting: false });
            return resolve();
          case 'failed':
            return reject(new Error(message.message));
          case 'reloaded':
            slot.listeners = message.listeners;
            break;
          case 'listening':
            slot.listeners = message.listeners;
            return;
          case 'busy':
          case 'quiet':
            for (const other of this.live()) if (other !== slot) this.post(other.worker, { type: 'accept', accepting: message.type === 'busy' });
            return;
          case 'queue':
            this.owner.queue(message).then(
              () => this.post(worker, { type: 'queued', requestId: message.requestId }),
              (error: Error) => this.post(worker, { type: 'queued', requestId: message.requestId, error: error.message }),
            );
            return;
        }
        for (const reply of [...slot.replies]) reply(message);
      });
      worker.once('exit', (code, signal) => {
        if (this.slots[index] === slot) this.slots[index] = undefined;
        // Without worker 0 the standby workers accept until its replacement finds it quiet.
        if (index === 0 && !this.stopping) for (const other of this.live()) this.post(other.worker, { type: 'accept', accepting: true });
        if (!started) return reject(new Error(`The receive worker exited before it listened (exit code ${code ?? signal}).`));
        if (!this.stopping) void this.fork(index).catch(() => undefined);
      });
    });
  }
}
