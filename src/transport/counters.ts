// `MSExchange Secure Mail Transport(_total)` performance counters, persisted in the state directory.
// Increments are gathered in memory and folded into one JSON document at most once a second by a
// locked read-modify-write with an atomic rename, so two processes sharing a state directory both
// count, totals survive restarts, and a busy server does not pay a file write per message.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { withLock } from '../store/lock.ts';
import { writeSpoolFileSync } from './spool-files.ts';

export const secureMailCounterObject = 'MSExchange Secure Mail Transport';
export const secureMailCounterInstance = '_total';

export const secureMailCounterNames = [
  'Domain Secure Messages Received',
  'Domain Secure Messages Sent',
  'Domain Secure Outbound Session Failures',
] as const;

export type SecureMailCounterName = (typeof secureMailCounterNames)[number];

export interface CounterSample {
  /** `\MSExchange Secure Mail Transport(_total)\Domain Secure Messages Sent` */
  path: string;
  objectName: string;
  instanceName: string;
  counterName: SecureMailCounterName;
  value: number;
}

const flushDelayMs = 1000;

function countersFile(stateDir: string): string {
  return join(stateDir, 'counters', 'secure-mail-transport.json');
}

function readValues(file: string): Record<string, number> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, number>) : {};
  } catch {
    return {};
  }
}

interface PendingCounters {
  deltas: Map<SecureMailCounterName, number>;
  timer: NodeJS.Timeout;
}

/** Not yet written increments of this process, per state directory. */
const pending = new Map<string, PendingCounters>();

function writePending(stateDir: string): void {
  const entry = pending.get(stateDir);
  if (!entry) return;
  pending.delete(stateDir);
  clearTimeout(entry.timer);
  const file = countersFile(stateDir);
  try {
    mkdirSync(dirname(file), { recursive: true });
    withLock(`${file}.lock`, () => {
      const values = readValues(file);
      for (const [name, delta] of entry.deltas) values[name] = (values[name] ?? 0) + delta;
      writeSpoolFileSync(file, JSON.stringify(values, undefined, 2), false);
    });
  } catch {
    // The state directory went away (service removed): the increments are lost, as on a crash.
  }
}

export function incrementCounter(stateDir: string, name: SecureMailCounterName, by = 1): void {
  let entry = pending.get(stateDir);
  if (!entry) {
    const timer = setTimeout(() => writePending(stateDir), flushDelayMs);
    timer.unref();
    entry = { deltas: new Map(), timer };
    pending.set(stateDir, entry);
  }
  entry.deltas.set(name, (entry.deltas.get(name) ?? 0) + by);
}

/** Writes this process's pending increments now (service stop, process exit). */
export function flushCounters(stateDir?: string): void {
  for (const key of stateDir === undefined ? [...pending.keys()] : [stateDir]) writePending(key);
}

process.once('exit', () => flushCounters());

/** Current values of the three counters, as `Get-Counter` reports them. */
export function readCounters(stateDir: string): CounterSample[] {
  const values = readValues(countersFile(stateDir));
  const local = pending.get(stateDir)?.deltas;
  return secureMailCounterNames.map((counterName) => ({
    path: `\\${secureMailCounterObject}(${secureMailCounterInstance})\\${counterName}`,
    objectName: secureMailCounterObject,
    instanceName: secureMailCounterInstance,
    counterName,
    value: (values[counterName] ?? 0) + (local?.get(counterName) ?? 0),
  }));
}

export function readCounter(stateDir: string, name: SecureMailCounterName): number {
  return readCounters(stateDir).find((sample) => sample.counterName === name)?.value ?? 0;
}
