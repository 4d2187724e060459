// One transport service per state root: the process that runs it holds a claim, the file
// `transport/service.json` (pid, token, start time, control endpoint), written under
// `transport/service.lock` so two starters cannot both win. Every other process finds the service
// through the claim and asks it over the control endpoint (`ping`). A claim whose process is gone,
// or whose process no longer answers long after it started (the pid was reused), is stale: it is
// removed, with its socket, by whoever notices, and never blocks a new start.
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { writeFileAtomicSync } from '../../store/atomic-write.ts';
import { processIsAlive, withLock } from '../../store/lock.ts';
import { ControlUnavailableError, controlRequest } from './control-client.ts';
import { ensurePrivateFolder, isNamedPipe, servicePaths } from './control-endpoint.ts';

/** How the service runs: inside an interactive/scripted shell, or as `emsh -Service`. */
export type ServiceHostKind = 'shell' | 'daemon';

export interface ServiceClaim {
  pid: number;
  token: string;
  /** Milliseconds since the epoch. */
  startedAt: number;
  endpoint: string;
  host: ServiceHostKind;
  stateDir: string;
}

/** What `ping` answers. */
export interface ServiceInfo {
  pid: number;
  host: ServiceHostKind;
  stateDir: string;
  serverName: string;
  listeners: { connector: string; address: string; port: number }[];
}

export type ServiceProbe =
  | { state: 'Running'; claim: ServiceClaim; info: ServiceInfo | undefined }
  | { state: 'StartPending'; claim: ServiceClaim }
  | { state: 'Stopped' };

/** A claim younger than this whose endpoint does not listen yet belongs to a service still starting. */
const STARTUP_GRACE_MS = 60_000;
const PING_TIMEOUT_MS = 5_000;
/** Socket errors that mean no process listens on the endpoint (ENOTSOCK: a file where the socket was). */
const NOBODY_LISTENS = new Set(['ECONNREFUSED', 'ENOENT', 'ENOTSOCK']);

export function readClaim(stateDir: string): ServiceClaim | undefined {
  let text: string;
  try {
    text = fs.readFileSync(servicePaths(stateDir).claimFile, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const value = JSON.parse(text) as Partial<ServiceClaim>;
    if (typeof value.pid === 'number' && typeof value.token === 'string' && typeof value.endpoint === 'string' && typeof value.startedAt === 'number') {
      return { pid: value.pid, token: value.token, startedAt: value.startedAt, endpoint: value.endpoint, host: value.host === 'daemon' ? 'daemon' : 'shell', stateDir: String(value.stateDir ?? stateDir) };
    }
  } catch {
    // unreadable: treated as no claim; the next claimant overwrites it under the lock
  }
  return undefined;
}

function withClaimLock<T>(stateDir: string, fn: () => T): T {
  const paths = servicePaths(stateDir);
  ensurePrivateFolder(paths.folder);
  return withLock(paths.claimLock, fn, { subject: 'transport service claim', target: paths.folder });
}

/** The claim names its endpoint; only a socket is ever removed through it, never another file. */
function isSocketFile(endpoint: string): boolean {
  try {
    return fs.lstatSync(endpoint).isSocket();
  } catch {
    return false;
  }
}

/** Removes a claim (and its socket) if it is still the one given. */
function removeClaim(stateDir: string, claim: ServiceClaim): void {
  withClaimLock(stateDir, () => {
    if (readClaim(stateDir)?.token !== claim.token) return;
    if (!isNamedPipe(claim.endpoint) && isSocketFile(claim.endpoint)) fs.rmSync(claim.endpoint, { force: true });
    fs.rmSync(servicePaths(stateDir).claimFile, { force: true });
  });
}

/** Cleaning up after a crashed service is best effort: a claim we may not remove is still stale. */
function removeStaleClaim(stateDir: string, claim: ServiceClaim): void {
  try {
    removeClaim(stateDir, claim);
  } catch {
    // the next start (which must write here anyway) reports the real problem
  }
}

/** Finds the service of `stateDir`, cleaning a stale claim on the way. */
export async function probeService(stateDir: string): Promise<ServiceProbe> {
  const claim = readClaim(stateDir);
  if (!claim) return { state: 'Stopped' };
  if (!processIsAlive(claim.pid)) {
    removeStaleClaim(stateDir, claim);
    return { state: 'Stopped' };
  }
  try {
    const info = (await controlRequest(claim.endpoint, 'ping', {}, { timeoutMs: PING_TIMEOUT_MS })) as ServiceInfo;
    return { state: 'Running', claim, info };
  } catch (error) {
    // Only "nobody listens" can make a claim stale. Anything else (busy, hung up on us because it is
    // at its connection limit, a garbled reply, another user's 0600 socket) means a live listener.
    if (!(error instanceof ControlUnavailableError) || !NOBODY_LISTENS.has(error.code)) return { state: 'Running', claim, info: undefined };
    if (Date.now() - claim.startedAt < STARTUP_GRACE_MS) return { state: 'StartPending', claim };
    removeStaleClaim(stateDir, claim);
    return { state: 'Stopped' };
  }
}

export type ClaimResult = { acquired: true; claim: ServiceClaim } | { acquired: false; owner: Exclude<ServiceProbe, { state: 'Stopped' }> };

/** Takes the state root's claim for this process, unless a live service (or one starting) holds it. */
export async function acquireClaim(stateDir: string, host: ServiceHostKind, endpoint: string): Promise<ClaimResult> {
  for (;;) {
    const probe = await probeService(stateDir);
    if (probe.state !== 'Stopped') return { acquired: false, owner: probe };
    const claim: ServiceClaim = { pid: process.pid, token: randomBytes(12).toString('hex'), startedAt: Date.now(), endpoint, host, stateDir };
    const won = withClaimLock(stateDir, () => {
      if (readClaim(stateDir)) return false; // someone claimed it since the probe: look again
      writeFileAtomicSync(servicePaths(stateDir).claimFile, JSON.stringify(claim, null, 2), { mode: 0o600 });
      return true;
    });
    if (won) return { acquired: true, claim };
  }
}

export function releaseClaim(claim: ServiceClaim): void {
  removeClaim(claim.stateDir, claim);
}
