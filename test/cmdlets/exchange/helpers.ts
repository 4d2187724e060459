// Shells on a temporary state root for the Exchange cmdlet tests, the lab organisation the
// walkthrough assumes, and checks of errors and of "nothing changed on disk".
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import type { ErrorRecord } from '../../../src/runtime/errors.ts';
import { createShell } from '../../helpers/run.ts';
import type { Shell } from '../../helpers/run.ts';
import { snapshotFolder } from '../../store/helpers.ts';

export const LAB = 'Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com,mail2.mail.contoso.com -ListenPort 2525';

/** The walkthrough's steps 3 and 4 and the two logging commands of step 5, verbatim. */
export const WALKTHROUGH_COMMANDS = [
  'Set-TransportConfig -TLSSendDomainSecureList woodgrovebank.com',
  'Set-SendConnector Internet -DomainSecureEnabled:$True',
  'Set-TransportConfig -TLSReceiveDomainSecureList woodgrovebank.com',
  'Set-ReceiveConnector Inet -DomainSecureEnabled:$True -AuthMechanism TLS',
  'Set-ReceiveConnector Inet -ProtocolLoggingLevel Verbose',
  'Set-SendConnector Internet -ProtocolLoggingLevel Verbose',
];

export interface ExchangeShell extends Shell {
  /** The folder holding the state root and the lab DNS registry. */
  folder: string;
  registry: string;
}

/**
 * A shell on `<tmp>/state` with the lab DNS registry at `<tmp>/lab-dns.json`; EMSH_SERVER and
 * EMSH_LAB_REGISTRY are restored and the folder removed after the test.
 */
export function exchangeShell(t: TestContext, options: { answers?: string[] } = {}): ExchangeShell {
  const folder = mkdtempSync(join(tmpdir(), 'emsh-exchange-'));
  const stateRoot = join(folder, 'state');
  mkdirSync(stateRoot);
  const registry = join(folder, 'lab-dns.json');
  const saved = { server: process.env.EMSH_SERVER, registry: process.env.EMSH_LAB_REGISTRY };
  delete process.env.EMSH_SERVER;
  process.env.EMSH_LAB_REGISTRY = registry;
  const shell = createShell({ stateRoot, ...(options.answers ? { answers: options.answers } : {}) });
  t.after(async () => {
    await shell.dispose();
    restore('EMSH_SERVER', saved.server);
    restore('EMSH_LAB_REGISTRY', saved.registry);
    rmSync(folder, { recursive: true, force: true });
  });
  return Object.assign(shell, { folder, registry });
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/** Runs code that must succeed without writing errors; returns its output. */
export async function ok(shell: Shell, code: string): Promise<string> {
  const { out, err } = await shell.run(code);
  assert.equal(err, '', `${code}\nwrote errors:\n${err}`);
  return out;
}

/** A shell with the lab organisation (Contoso, hub1, mail1 and mail2) already set up. */
export async function labShell(t: TestContext, options: { answers?: string[] } = {}): Promise<ExchangeShell> {
  const shell = exchangeShell(t, options);
  await ok(shell, `${LAB} | Out-Null`);
  return shell;
}

/** The newest error record of the session. */
export function lastError(shell: Shell): ErrorRecord {
  const record = shell.session.errors[0];
  assert.ok(record, 'no error was recorded');
  return record;
}

/**
 * Runs code that must fail with exactly this message and FullyQualifiedErrorId, and change nothing
 * in the state root.
 */
export async function failsWith(shell: ExchangeShell, code: string, message: string, fullyQualifiedErrorId: string): Promise<void> {
  const before = snapshotFolder(shell.stateRoot);
  const errorsBefore = shell.session.errors.length;
  const { err } = await shell.run(code);
  assert.notEqual(err, '', `${code} wrote no error`);
  assert.equal(shell.session.errors.length, errorsBefore + 1, `${code} wrote more than one error:\n${err}`);
  const record = lastError(shell);
  assert.equal(record.exception.message, message);
  assert.equal(record.fullyQualifiedErrorId, fullyQualifiedErrorId);
  assert.deepEqual(snapshotFolder(shell.stateRoot), before, `${code} changed the state root`);
}

/** Runs `emsh -c <code>` in a new process on a state root; the CLI must have been built. */
export function emshProcess(stateRoot: string, registry: string, code: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, ['bin/emsh.js', '-NoProfile', '-c', code], {
    encoding: 'utf8',
    env: { ...process.env, EMSH_HOME: stateRoot, EMSH_LAB_REGISTRY: registry, EMSH_SERVER: '', NO_COLOR: '1', ...env },
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}
