// Test helpers for the transport running in another process: a lab organisation on a temporary
// state root, `node bin/emsh.js -Service` on it (the built CLI, as a user runs it), free ports and
// polling without wall-clock assertions.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { createShell, type Shell } from '../../../helpers/run.ts';


export function banner(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('error', reject);
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString());
    });
  });
}

export async function waitFor(what: string, probe: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await Promise.resolve().then(probe).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface LabRoot {
  base: string;
  root: string;
  env: NodeJS.ProcessEnv;
}

export function labRoot(prefix: string): LabRoot {
  const base = mkdtempSync(join(tmpdir(), prefix));
  const root = join(base, 'contoso');
  return { base, root, env: { ...process.env, EMSH_HOME: root, EMSH_LAB_REGISTRY: join(base, 'lab.json'), NO_INK: '1', NO_COLOR: '1' } };
}

/**
 * A temporary folder with its own lab DNS registry for the tests of one file (node:test hooks);
 * `folder()` is valid inside the tests.
 */
export function labFolderForTests(prefix: string): { folder(): string } {
  let base = '';
  const previousRegistry = process.env.EMSH_LAB_REGISTRY;
  before(() => {
    base = mkdtempSync(join(tmpdir(), prefix));
    process.env.EMSH_LAB_REGISTRY = join(base, 'lab.json');
  });
  after(() => {
    if (previousRegistry === undefined) delete process.env.EMSH_LAB_REGISTRY;
    else process.env.EMSH_LAB_REGISTRY = previousRegistry;
    rmSync(base, { recursive: true, force: true });
  });
  return { folder: () => base };
}

/** Runs `fn` with an in-process shell on a fresh lab root (and its lab DNS registry), then cleans up. */
export async function withLabShell(prefix: string, fn: (lab: LabRoot, shell: Shell) => Promise<void>): Promise<void> {
  const lab = labRoot(prefix);
  const previousRegistry = process.env.EMSH_LAB_REGISTRY;
  process.env.EMSH_LAB_REGISTRY = lab.env.EMSH_LAB_REGISTRY;
  const shell = createShell({ stateRoot: lab.root });
  try {
    await fn(lab, shell);
  } finally {
    await shell.dispose();
    if (previousRegistry === undefined) delete process.env.EMSH_LAB_REGISTRY;
    else process.env.EMSH_LAB_REGISTRY = previousRegistry;
    rmSync(lab.base, { recursive: true, force: true });
  }
}

export interface Daemon {
  child: ChildProcess;
  readonly out: string;
  readonly err: string;
  exited: Promise<number | null>;
}

/** Starts `emsh -Service` on the lab root and waits for its startup line. */
export async function startDaemon(lab: LabRoot): Promise<Daemon> {
  const child = spawn(process.execPath, ['bin/emsh.js', '-Service'], { env: lab.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const failed = exited.then((code) => {
    throw new Error(`emsh -Service exited with ${code} before it started: ${err}`);
  });
  failed.catch(() => undefined);
  await Promise.race([waitFor('the daemon to start', () => /Press Ctrl\+C to stop\./.test(out)), failed]);
  assert.match(out, /MSExchangeTransport running on mail1, process \d+: listening on Inet 127\.0\.0\.1:\d+/);
  return {
    child,
    get out() {
      return out;
    },
    get err() {
      return err;
    },
    exited,
  };
}
