// Paths and items on the drives of providers other than FileSystem: `Cert:\LocalMachine\Root` as the
// user types it, `Microsoft.PowerShell.Security\Certificate::LocalMachine\Root` as PSPath, and the
// provider notes (PSPath, PSParentPath, PSChildName, PSDrive, PSProvider, PSIsContainer) on items.
import { PSObject } from '../runtime/values.ts';
import { drivePathText, type PSDrive } from './drives.ts';
import type { ItemProvider, ProviderItem } from './item-provider.ts';
import { PATH_INFO } from './path-info.ts';
import { providerFullName } from './provider-info.ts';

export interface ItemPath {
  readonly provider: ItemProvider;
  readonly drive: PSDrive;
  /** Segments below the drive root, in their real case when the items exist. */
  readonly segments: string[];
  /** `Cert:\LocalMachine\Root`. */
  readonly psPath: string;
}

export function itemPath(provider: ItemProvider, drive: PSDrive, segments: string[]): ItemPath {
  return { provider, drive, segments, psPath: drivePathText(drive, segments) };
}

/** `Microsoft.PowerShell.Security\Certificate::LocalMachine\Root`. */
export function qualifiedItemPath(provider: ItemProvider, segments: readonly string[]): string {
  return `${providerFullName(provider.name)}::${segments.join('\\')}`;
}

function driveObject(drive: PSDrive, provider: ItemProvider): PSObject {
  const d = PSObject.from({ Name: drive.name, Root: drive.displayRoot, Provider: providerFullName(provider.name) }, ['System.Management.Automation.PSDriveInfo', 'System.Object']);
  d.defineMethod({ name: 'ToString', invoke: () => drive.name });
  return d;
}

/** The item's object with the provider notes PowerShell adds to everything a provider writes. */
export function providerItemObject(at: ItemPath, item: ProviderItem): unknown {
  const value = item.value;
  if (!(value instanceof PSObject)) return value;
  const { provider, segments } = at;
  value.setProperty('PSPath', qualifiedItemPath(provider, segments));
  value.setProperty('PSParentPath', segments.length === 0 ? '' : qualifiedItemPath(provider, segments.slice(0, -1)));
  value.setProperty('PSChildName', item.name);
  value.setProperty('PSDrive', driveObject(at.drive, provider));
  value.setProperty('PSProvider', providerFullName(provider.name));
  value.setProperty('PSIsContainer', item.isContainer);
  return value;
}

/** The PathInfo of a location on a provider drive (Get-Location, Resolve-Path, $PWD). */
export function itemPathInfo(at: ItemPath): PSObject {
  const info = new PSObject([PATH_INFO, 'System.Object']);
  info.setProperty('Drive', at.drive.name);
  info.setProperty('Provider', providerFullName(at.provider.name));
  info.setProperty('ProviderPath', at.segments.join('\\'));
  info.setProperty('Path', at.psPath);
  info.defineMethod({ name: 'ToString', invoke: () => at.psPath, definition: 'string ToString()' });
  return info;
}
