// Installs the providers in a session: the FileSystem provider (the drive table and current location),
// the Certificate, Environment and Variable providers with their drives (Cert:, Env:, Variable:), and
// the session hooks every module uses to turn a PowerShell path into a native one.
import path from 'node:path';
import type { Session } from '../runtime/session.ts';
import { resolveStateRoot } from '../store/state-root.ts';
import { certificateProvider } from './certificate-provider.ts';
import { environmentProvider } from './environment-provider.ts';
import { FileSystemProvider } from './filesystem.ts';
import { locationInfo, Navigation } from './navigation.ts';
import { variableProvider } from './variable-provider.ts';

const SERVICE = 'core.navigation';

/** The state root of a session (its drives, store and history): the session's, else its `$env:EMSH_HOME`, else conf's folder. */
export function sessionStateRoot(session: Session): string {
  return session.options.stateRoot ?? resolveStateRoot(session.env);
}

export function installProviders(session: Session, initialNative: string = process.cwd()): Navigation {
  const navigation = new Navigation(new FileSystemProvider(sessionStateRoot(session), initialNative));
  for (const provider of [certificateProvider, environmentProvider, variableProvider]) navigation.install(provider);
  session.services.set(SERVICE, navigation);
  session.currentLocation = () => navigation.currentText();
  const setPwd = () => session.globalScope.setLocal('PWD', locationInfo(navigation.location));
  navigation.onLocationChanged = setPwd;
  navigation.fileSystem.onLocationChanged = setPwd;
  setPwd();
  session.resolveNativePath = (psPath: string) => {
    try {
      return navigation.fileSystem.resolve(psPath).native;
    } catch {
      return path.resolve(psPath.replace(/\\/g, '/'));
    }
  };
  return navigation;
}

/** The FileSystem provider's installer, as createSession calls it (installs every provider). */
export function installFileSystemProvider(session: Session, initialNative: string = process.cwd()): FileSystemProvider {
  return installProviders(session, initialNative).fileSystem;
}

/** The session's navigation over all providers (installed on first use when the host did not install it). */
export function navigation(session: Session): Navigation {
  const existing = session.services.get(SERVICE);
  return existing instanceof Navigation ? existing : installProviders(session);
}

/** The session's FileSystem provider. */
export function fileSystem(session: Session): FileSystemProvider {
  return navigation(session).fileSystem;
}
