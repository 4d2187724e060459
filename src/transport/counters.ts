// `MSExchange Secure Mail Transport(_total)` performance counters, persisted in the state directory.
// Every increment is a locked read-modify-write of one JSON document (atomic rename), so two
// processes sharing a state directory both count, and the totals survive restarts.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomicSync } from './atomic-file.ts';
import { withFileLockSync } from './file-lock.ts';

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

export function incrementCounter(stateDir: string, name: SecureMailCounterName, by = 1): void {
  const file = countersFile(stateDir);
  mkdirSync(dirname(file), { recursive: true });
  withFileLockSync(`${file}.lock`, () => {
    const values = readValues(file);
    values[name] = (values[name] ?? 0) + by;
    writeFileAtomicSync(file, JSON.stringify(values, undefined, 2), false);
  });
}

/** Current values of the three counters, as `Get-Counter` reports them. */
export function readCounters(stateDir: string): CounterSample[] {
  const values = readValues(countersFile(stateDir));
  return secureMailCounterNames.map((counterName) => ({
    path: `\\${secureMailCounterObject}(${secureMailCounterInstance})\\${counterName}`,
    objectName: secureMailCounterObject,
    instanceName: secureMailCounterInstance,
    counterName,
    value: values[counterName] ?? 0,
  }));
}

export function readCounter(stateDir: string, name: SecureMailCounterName): number {
  return readValues(countersFile(stateDir))[name] ?? 0;
}
