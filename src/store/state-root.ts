// Where emsh keeps its state, and how the state root is laid out.
//
// The state root is `$EMSH_HOME` when set, else conf's default config folder for the project
// 'emsh' (env-paths with conf's default suffix: `~/.config/emsh-nodejs` on Linux,
// `~/Library/Preferences/emsh-nodejs` on macOS, `%APPDATA%\emsh-nodejs\Config` on Windows).
// One root holds one Exchange organisation. Nothing is ever written outside it, except the shared
// lab DNS registry (see lab-dns.ts) and files the user names.
//
// Layout of a state root:
//
//   <root>/
//     state.lock                lock file (pid + timestamp) held around every read-modify-write
//     settings.json             optional user settings read at initialisation (conf, hand-editable):
//                               { organizationName?, acceptedDomain?, serverName?, serverFqdn? }
//     organization/             organisation-wide documents: "inside the organisation" (Active Directory)
//       organization.json       the organisation: name, guid, local server
//       servers.json            every Exchange server of this root (Hub and Edge) and Edge subscriptions
//       transport-config.json   Get-TransportConfig
//       send-connectors.json    Get-SendConnector
//       accepted-domains.json   Get-AcceptedDomain
//     servers/<server>/         per-server documents; <server> is the server name in lower case
//       receive-connectors.json Get-ReceiveConnector -Server <server>
//       certificates.json       the server's certificate store (My, Root, pending requests, CRLs, lab CAs)
//       adam/                   Edge servers only: the Edge's own directory (ADAM in Exchange 2007), its copy
//                               of transport-config/send-connectors/accepted-domains; EdgeSync overwrites it
//     keys/                     private keys, folder mode 0700: <keyId>.pem and <keyId>.json, mode 0600
//     drives/                   reserved for the drive layer (folders behind PowerShell drives such as C:)
//     history                   reserved for the host (append-only command history)
//     logs/                     reserved for the transport (protocol logs, mailboxes, queues)
import os from 'node:os';
import path from 'node:path';

export const STATE_ROOT_ENV = 'EMSH_HOME';

/** The state root for this process: `$EMSH_HOME`, else conf's default folder for project 'emsh'. */
export function resolveStateRoot(env: NodeJS.ProcessEnv = process.env): string {
  const home = env[STATE_ROOT_ENV];
  if (home) return path.resolve(home);
  return defaultConfFolder('emsh', env);
}

/**
 * The folder `new Conf({ projectName })` would use, computed the way env-paths does it, so we
 * learn the path without creating a conf instance (which would create the folder).
 */
export function defaultConfFolder(projectName: string, env: NodeJS.ProcessEnv = process.env): string {
  const name = `${projectName}-nodejs`;
  const home = os.homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Preferences', name);
  if (process.platform === 'win32') {
    return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), name, 'Config');
  }
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), name);
}

/** Folders and files of a state root (see the layout above). */
export interface StatePaths {
  readonly root: string;
  readonly lockFile: string;
  readonly settingsFile: string;
  readonly organizationFolder: string;
  readonly serversFolder: string;
  readonly keysFolder: string;
  readonly drivesFolder: string;
  readonly historyFile: string;
  readonly logsFolder: string;
}

export function statePaths(root: string): StatePaths {
  return {
    root,
    lockFile: path.join(root, 'state.lock'),
    settingsFile: path.join(root, 'settings.json'),
    organizationFolder: path.join(root, 'organization'),
    serversFolder: path.join(root, 'servers'),
    keysFolder: path.join(root, 'keys'),
    drivesFolder: path.join(root, 'drives'),
    historyFile: path.join(root, 'history'),
    logsFolder: path.join(root, 'logs'),
  };
}

/** The folder name of a server under `servers/` (names are case-insensitive, folders lower case). */
export function serverFolderName(serverName: string): string {
  return serverName.toLowerCase();
}
