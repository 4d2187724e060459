// Builds a ready session for a given host: every cmdlet registered by name (modules load on first use).
import { registerCmdlets } from '../../cmdlets/register-cmdlets.ts';
import type { HostUI } from '../runtime/host-ui.ts';
import { Session, type Dialect } from '../runtime/session.ts';
import { installFileSystemProvider } from '../providers/install.ts';

export function createSession(options: { host: HostUI; stateRoot?: string; nonInteractive?: boolean; dialect?: Dialect; env?: NodeJS.ProcessEnv }): Session {
  const session = new Session({
    host: options.host,
    stateRoot: options.stateRoot ?? process.env.EMSH_HOME,
    nonInteractive: options.nonInteractive,
    dialect: options.dialect,
    env: options.env,
  });
  installFileSystemProvider(session);
  registerCmdlets(session);
  return session;
}
