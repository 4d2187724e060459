// Shared test helpers: temporary state roots and child processes running tsx scripts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestContext } from 'node:test';

export const fixturesFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** A fresh temporary folder, removed after the test. */
export function tempFolder(t: TestContext, prefix = 'emsh-store-'): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  t.after(() => fs.rmSync(folder, { recursive: true, force: true }));
  return folder;
}

/** Runs a fixture script to completion in a new Node process (with tsx). */
export function runFixture(script: string, args: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(fixturesFolder, script), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts a fixture script in a new Node process (with tsx) without waiting for it. */
export function startFixture(script: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(fixturesFolder, script), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Resolves when the child writes `marker` on stdout (rejects if it exits first). */
export function waitForOutput(child: ChildProcess, marker: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(marker)) resolve();
    });
    child.on('exit', (code) => reject(new Error(`fixture exited (${code}) before printing ${marker}: ${errors}`)));
  });
}

/** Resolves with the exit code (or signal) once the child has exited. */
export function waitForExit(child: ChildProcess): Promise<number | NodeJS.Signals | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode ?? child.signalCode);
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
}

/** A fresh state root opened as if on host `hostname` (default mail1.contoso.com). */
export async function openTestState(t: TestContext, hostname = 'mail1.contoso.com') {
  const { openState } = await import('../../src/store/emsh-state.ts');
  return openState({ root: path.join(tempFolder(t), 'state'), hostname, env: {} });
}

/** Asserts that `fn` throws a StoreError with this exact message (and errorId when given). */
export async function assertStoreError(fn: () => unknown, message: string | RegExp, errorId?: string): Promise<void> {
  const { StoreError } = await import('../../src/store/store-error.ts');
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  if (!(thrown instanceof StoreError)) throw new Error(`expected a StoreError, got ${String(thrown)}`);
  if (typeof message === 'string') {
    if (thrown.message !== message) throw new Error(`message was:\n  ${thrown.message}\nexpected:\n  ${message}`);
  } else if (!message.test(thrown.message)) throw new Error(`message ${thrown.message} does not match ${message}`);
  if (errorId && thrown.errorId !== errorId) throw new Error(`errorId was ${thrown.errorId}, expected ${errorId}`);
}

/** Every file under a folder with its content, to prove an operation wrote nothing. */
export function snapshotFolder(folder: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else result[path.relative(folder, full)] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(folder);
  return result;
}
