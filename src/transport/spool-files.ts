// How the transport writes its queue, mailbox and counter files: atomically (src/store/atomic-write.ts),
// readable by the service account only, folders created on demand, and fsynced when
// TransportSettings.durableWrites is on. The folder is not fsynced: the per-message path keeps to
// one fsync per file (bench/mailflow.ts).
import { type AtomicWriteOptions, type PreparedTemporary, writeFileAtomic, writeFileAtomicSync } from '../store/atomic-write.ts';

function spoolWriteOptions(durable: boolean): AtomicWriteOptions {
  return { mode: 0o600, createFolder: true, syncData: durable, syncFolder: false };
}

/** `prepared`: a file from the service's SpoolReserve (spool-reserve.ts), when one is ready. */
export function writeSpoolFile(file: string, data: string | Uint8Array, durable = true, prepared?: PreparedTemporary): Promise<void> {
  return writeFileAtomic(file, data, spoolWriteOptions(durable), prepared);
}

export function writeSpoolFileSync(file: string, data: string | Uint8Array, durable = true): void {
  writeFileAtomicSync(file, data, spoolWriteOptions(durable));
}
