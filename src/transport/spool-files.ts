// How the transport writes its queue, mailbox and counter files: atomically (src/store/atomic-write.ts),
// readable by the service account only, folders created on demand, and fsynced when
// TransportSettings.durableWrites is on. The folder is not fsynced: the per-message path keeps to
// one fsync per file (bench/mailflow.ts).
import { type AtomicWriteOptions, writeFileAtomic, writeFileAtomicSync } from '../store/atomic-write.ts';

function spoolWriteOptions(durable: boolean): AtomicWriteOptions {
  return { mode: 0o600, createFolder: true, syncData: durable, syncFolder: false };
}

export function writeSpoolFile(file: string, data: string | Uint8Array, durable = true): Promise<void> {
  return writeFileAtomic(file, data, spoolWriteOptions(durable));
}

export function writeSpoolFileSync(file: string, data: string | Uint8Array, durable = true): void {
  writeFileAtomicSync(file, data, spoolWriteOptions(durable));
}
