// Opening a state root: the documents, the key store, and on first use the organisation Exchange
// setup would leave behind — one organisation and one local Edge Transport server named after this
// host (with its default receive connector), TransportConfig defaults, and an accepted domain.
//
// Names on a fresh root come from, in order: the `settings` option, `<root>/settings.json` (a conf
// store a user may edit beforehand), then the host name: `mail1.contoso.com` gives server MAIL1's
// name `mail1`, FQDN `mail1.contoso.com`, organisation `Contoso`, accepted domain `contoso.com`;
// a host name without a domain gives organisation `First Organization` and accepted domain
// `<host>.local`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Conf from 'conf';
import { addAcceptedDomain } from './accepted-domains.ts';
import { DocumentStore } from './documents.ts';
import type { Transaction } from './documents.ts';
import { KeyStore } from './keys.ts';
import type { LockOptions } from './lock.ts';
import { organizationSpec } from './organization.ts';
import type { Organization, StateSettings } from './organization.ts';
import { configurationFolder } from './server-context.ts';
import { findServer, newServer } from './servers.ts';
import { resolveStateRoot, statePaths } from './state-root.ts';
import type { StatePaths } from './state-root.ts';
import { StoreError } from './store-error.ts';
import { transportConfigSpec } from './transport-config.ts';

export interface EmshState {
  readonly root: string;
  readonly paths: StatePaths;
  readonly documents: DocumentStore;
  readonly keys: KeyStore;
}

export interface OpenStateOptions {
  /** Default: resolveStateRoot(env). */
  root?: string;
  env?: NodeJS.ProcessEnv;
  /** Overrides `<root>/settings.json` for a fresh root. */
  settings?: StateSettings;
  /** Default: os.hostname(). */
  hostname?: string;
  lock?: LockOptions;
}

/** Opens (and on first use initialises) a state root. Safe to call from several processes. */
export function openState(options: OpenStateOptions = {}): EmshState {
  const root = options.root ?? resolveStateRoot(options.env);
  const paths = statePaths(root);
  const state: EmshState = {
    root,
    paths,
    documents: new DocumentStore({ folder: root, lockFile: paths.lockFile, ...(options.lock ? { lock: options.lock } : {}) }),
    keys: new KeyStore(paths.keysFolder),
  };
  if (!state.documents.read(organizationSpec).organization) {
    const settings = { ...readSettingsFile(paths.settingsFile), ...options.settings };
    state.documents.transaction((tx) => initialize(tx, settings, options.hostname ?? os.hostname()));
  }
  return state;
}

/** The names a fresh root gets (see the header comment). */
export function initialNames(settings: StateSettings, hostname: string): Required<StateSettings> {
  const host = hostname.trim().toLowerCase().replace(/\.$/, '') || 'localhost';
  const dot = host.indexOf('.');
  const hostDomain = dot > 0 ? host.slice(dot + 1) : undefined;
  const firstLabel = dot > 0 ? host.slice(0, dot) : host;
  const serverName = settings.serverName ?? firstLabel;
  const orgLabel = hostDomain?.split('.')[0];
  return {
    serverName,
    serverFqdn: settings.serverFqdn ?? host,
    organizationName: settings.organizationName ?? (orgLabel ? orgLabel[0]!.toUpperCase() + orgLabel.slice(1) : 'First Organization'),
    acceptedDomain: settings.acceptedDomain ?? hostDomain ?? `${serverName.toLowerCase()}.local`,
  };
}

function initialize(tx: Transaction, settings: StateSettings, hostname: string): void {
  if (tx.read(organizationSpec).organization) return; // another process initialised it meanwhile
  const names = initialNames(settings, hostname);
  const server = findServer(tx, names.serverName) ?? newServer(tx, { name: names.serverName, fqdn: names.serverFqdn, role: 'Edge' });
  const organization: Organization = {
    Name: names.organizationName,
    Guid: randomUUID(),
    WhenCreated: new Date().toISOString(),
    LocalServer: server.Name,
  };
  tx.write(organizationSpec, { schemaVersion: 1, organization });
  // Inside the organisation and in the local Edge's own directory: transport defaults and the accepted domain.
  for (const folder of new Set(['organization', configurationFolder(server)])) {
    const transport = transportConfigSpec(folder);
    if (!tx.exists(transport)) tx.write(transport, transport.create());
    addAcceptedDomain(tx, folder, { Name: names.acceptedDomain, DomainName: names.acceptedDomain }, server.Fqdn);
  }
}

function readSettingsFile(file: string): StateSettings {
  if (!fs.existsSync(file)) return {};
  let values: Record<string, unknown>;
  try {
    values = new Conf<Record<string, unknown>>({ cwd: path.dirname(file), configName: 'settings', clearInvalidConfig: false }).store;
  } catch (error) {
    throw new StoreError(
      `The emsh settings file ${file} can't be read: ${error instanceof Error ? error.message : String(error)}. Fix the file or remove it.`,
      'SettingsUnreadable',
      'ReadError',
      { typeName: 'System.IO.InvalidDataException', targetObject: file },
    );
  }
  const settings: StateSettings = {};
  for (const key of ['organizationName', 'acceptedDomain', 'serverName', 'serverFqdn'] as const) {
    if (typeof values[key] === 'string') settings[key] = values[key];
  }
  return settings;
}
