// The network probes behind Test-NetConnection: a TCP connect (with a timeout, ending at once when the
// command is stopped) and an echo test through the system's ping program, which holds the privilege a
// raw ICMP socket needs. A loopback address answers an echo without asking anyone.
import { execFile } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';

export interface TcpProbe {
  succeeded: boolean;
  /** The local end of the connection (the address a failed connect would have used is unknown: null). */
  sourceAddress: string | null;
}

export function tcpConnect(address: string, port: number, timeoutMs: number, signal?: AbortSignal): Promise<TcpProbe> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port });
    const done = (succeeded: boolean): void => {
      const sourceAddress = succeeded ? (socket.localAddress ?? null) : null;
      socket.destroy();
      signal?.removeEventListener('abort', onAbort);
      resolve({ succeeded, sourceAddress });
    };
    const onAbort = (): void => done(false);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export function isLoopbackAddress(address: string): boolean {
  return (net.isIPv4(address) && address.startsWith('127.')) || address === '::1';
}

/** The name Windows gives the network interface holding `address` (the loopback's own name there). */
export function interfaceAliasOf(address: string | null): string | null {
  if (address === null) return null;
  if (isLoopbackAddress(address)) return 'Loopback Pseudo-Interface 1';
  for (const [name, infos] of Object.entries(os.networkInterfaces())) {
    if (infos?.some((i) => i.address === address)) return name;
  }
  return null;
}

export interface EchoProbe {
  succeeded: boolean;
  roundtripTime: number;
  /** Why it failed, as Windows' IPStatus names it (TimedOut, DestinationHostUnreachable...). */
  status: string;
}

export function echo(address: string, signal?: AbortSignal): Promise<EchoProbe> {
  if (isLoopbackAddress(address)) return Promise.resolve({ succeeded: true, roundtripTime: 0, status: 'Success' });
  const args = process.platform === 'win32' ? ['-n', '1', '-w', '2000', address] : ['-c', '1', '-W', '2', address];
  return new Promise((resolve) => {
    execFile('ping', args, { timeout: 5000, signal, windowsHide: true }, (error, stdout) => {
      const time = /time[=<]\s*([\d.]+)\s*ms/i.exec(String(stdout));
      if (!error && time) resolve({ succeeded: true, roundtripTime: Math.round(Number(time[1])), status: 'Success' });
      else resolve({ succeeded: false, roundtripTime: 0, status: (error as NodeJS.ErrnoException | null)?.code === 'ENOENT' ? 'Unknown' : 'TimedOut' });
    });
  });
}
