// Installs the FileSystem provider in a session: the drive table and current location, and the
// session hooks every module uses to turn a PowerShell path into a native one.
import path from 'node:path';
import type { Session } from '../runtime/session.ts';
import { resolveStateRoot } from '../store/state-root.ts';
import { FileSystemProvider } from './filesystem.ts';
import { pathInfo } from './path-info.ts';

const SERVICE = 'core.filesystem';

/** The state root a session's drives live under. */
export function sessionStateRoot(session: Session): string {
  return session.options.stateRoot ?? resolveStateRoot();
}

export function installFileSystemProvider(session: Session, initialNative: string = process.cwd()): FileSystemProvider {
  const provider = new FileSystemProvider(sessionStateRoot(session), initialNative);
  session.services.set(SERVICE, provider);
  session.currentLocation = () => provider.location.psPath;
  const setPwd = () => session.globalScope.setLocal('PWD', pathInfo(provider.location));
  provider.onLocationChanged = setPwd;
  setPwd();
  session.resolveNativePath = (psPath: string) => {
    try {
      return provider.resolve(psPath).native;
    } catch {
      return path.resolve(psPath.replace(/\\/g, '/'));
    }
  };
  return provider;
}

/** The session's FileSystem provider (installed on first use when the host did not install it). */
export function fileSystem(session: Session): FileSystemProvider {
  const existing = session.services.get(SERVICE);
  return existing instanceof FileSystemProvider ? existing : installFileSystemProvider(session);
}
