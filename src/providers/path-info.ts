// PathInfo: what Get-Location, Resolve-Path and $PWD hold (Path as shown, ProviderPath native).
import { PSObject } from '../runtime/values.ts';
import type { ResolvedPath } from './filesystem.ts';
import { PROVIDER_NAME } from './file-items.ts';

export const PATH_INFO = 'System.Management.Automation.PathInfo';

export function pathInfo(p: ResolvedPath): PSObject {
  const info = new PSObject([PATH_INFO, 'System.Object']);
  info.setProperty('Drive', p.drive.native ? '/' : p.drive.name);
  info.setProperty('Provider', PROVIDER_NAME);
  info.setProperty('ProviderPath', p.native);
  info.setProperty('Path', p.psPath);
  info.defineMethod({ name: 'ToString', invoke: () => p.psPath, definition: 'string ToString()' });
  return info;
}
