// Where the transport of a state root keeps its claim and its control endpoint: the folder
// `<stateDir>/transport/` (mode 0700) holds `service.json` (the claim), `service.lock` (taken for
// the moment a claim is checked and written) and, on Unix, the socket `control.sock` (mode 0600).
// On Windows the endpoint is the named pipe `\\.\pipe\emsh-<hash of the state root>`. A socket path
// longer than Unix allows (about 104 bytes) moves to a private 0700 folder in the temporary folder;
// the claim records the endpoint actually used, so clients never guess it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** sockaddr_un holds 108 bytes on Linux and 104 on macOS, terminator included. */
const MAX_SOCKET_PATH = 100;

export interface ServicePaths {
  readonly folder: string;
  readonly claimFile: string;
  readonly claimLock: string;
}

export function servicePaths(stateDir: string): ServicePaths {
  const folder = path.join(path.resolve(stateDir), 'transport');
  return { folder, claimFile: path.join(folder, 'service.json'), claimLock: path.join(folder, 'service.lock') };
}

function stateHash(stateDir: string): string {
  let resolved = path.resolve(stateDir);
  try {
    resolved = fs.realpathSync(resolved);
  } catch {
    // not created yet: the resolved path is as good
  }
  if (process.platform === 'win32') resolved = resolved.toLowerCase();
  return createHash('sha256').update(resolved).digest('hex').slice(0, 16);
}

/** Creates `folder` (or tightens it) as a private folder of this user. */
export function ensurePrivateFolder(folder: string): void {
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  if (process.platform === 'win32') return;
  const stat = fs.lstatSync(folder);
  if (!stat.isDirectory()) throw new Error(`The transport folder ${folder} is not a folder; remove it and start the service again.`);
  if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) {
    throw new Error(`The transport folder ${folder} belongs to another user; remove it and start the service again.`);
  }
  if ((stat.mode & 0o077) !== 0) fs.chmodSync(folder, 0o700);
}

/** The endpoint a service on `stateDir` listens on (its folder is created private on Unix). */
export function controlEndpointFor(stateDir: string): string {
  if (process.platform === 'win32') return `\\\\.\\pipe\\emsh-${stateHash(stateDir)}`;
  const inside = path.join(servicePaths(stateDir).folder, 'control.sock');
  if (Buffer.byteLength(inside) <= MAX_SOCKET_PATH) return inside;
  const user = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return path.join(os.tmpdir(), `emsh-${user}`, `${stateHash(stateDir)}.sock`);
}

/** True for a Windows named pipe (no file to create, chmod or remove). */
export function isNamedPipe(endpoint: string): boolean {
  return endpoint.startsWith('\\\\.\\pipe\\');
}
