// The session's navigation over every provider: which provider a path belongs to (`Cert:\x`,
// `Certificate::x`, or a relative path while the current location is on Cert:), the current location
// whichever drive it is on, and Push-Location's stacks. FileSystem paths are the FileSystemProvider's;
// the other providers' drives (Cert:, Env:, Variable:) are walked here through the ItemProvider API.
import type { PSObject } from '../runtime/values.ts';
import { unescapeWildcard, wildcardToRegExp } from '../runtime/wildcard.ts';
import { isFileSystemDrive, type PSDrive } from './drives.ts';
import type { FileSystemProvider, ResolvedPath } from './filesystem.ts';
import type { ItemProvider, ProviderContext, ProviderItem } from './item-provider.ts';
import { pathInfo } from './path-info.ts';
import { findProviderName, splitProviderQualified, type ProviderName } from './provider-info.ts';
import { itemPath, itemPathInfo, type ItemPath } from './provider-items.ts';
import { applySegments, classifyPath, segmentHasWildcard } from './ps-path.ts';

/** A location of any provider: a file-system path, or a path on another provider's drive. */
export type Location = { kind: 'fs'; path: ResolvedPath } | { kind: 'item'; path: ItemPath };

export class Navigation {
  private readonly providers = new Map<ProviderName, ItemProvider>();
  /** Push-Location's stack (the default, unnamed one) and named stacks. */
  readonly stacks = new Map<string, Location[]>();
  /** Called after every change of location (the session keeps $PWD current with it). */
  onLocationChanged?: () => void;

  constructor(readonly fileSystem: FileSystemProvider) {}

  get drives() {
    return this.fileSystem.drives;
  }

  /** Adds a provider and its drive (`Cert:`) to the session. */
  install(provider: ItemProvider): void {
    this.providers.set(provider.name, provider);
    this.drives.add({
      name: provider.driveName,
      nativeRoot: '',
      displayRoot: provider.name === 'Certificate' ? '\\' : '',
      description: provider.driveDescription,
      native: false,
      builtin: true,
      current: [],
      provider: provider.name,
    });
  }

  providerOfDrive(drive: PSDrive): ItemProvider | undefined {
    return drive.provider ? this.providers.get(drive.provider) : undefined;
  }

  /**
   * The path on another provider's drive that the text means, with `..` applied; undefined for a
   * file-system path (and for an unknown drive, which the FileSystem provider reports).
   */
  itemPathOf(at: ProviderContext, input: string): ItemPath | undefined {
    const qualified = splitProviderQualified(input);
    if (qualified) {
      const provider = this.providers.get(findProviderName(qualified.provider) as ProviderName);
      if (!provider) return undefined;
      const drive = this.drives.get(provider.driveName)!;
      return this.canonical(at, provider, drive, applySegments([], qualified.rest));
    }
    const form = classifyPath(input);
    let drive: PSDrive | undefined;
    let base: string[] = [];
    if (form.kind === 'drive') {
      drive = this.drives.get(form.drive);
      if (drive && !form.rooted) base = drive.current;
    } else if (form.kind === 'relative' || form.kind === 'driveRoot') {
      drive = this.drives.currentDrive;
      if (form.kind === 'relative') base = drive.current;
    }
    const provider = drive && !isFileSystemDrive(drive) ? this.providerOfDrive(drive) : undefined;
    if (!drive || !provider) return undefined;
    return this.canonical(at, provider, drive, applySegments(base, 'rest' in form ? form.rest : ''));
  }

  /** Real-case segments for the part of the path that exists (provider names match in any case). */
  private canonical(at: ProviderContext, provider: ItemProvider, drive: PSDrive, segments: string[]): ItemPath {
    const real: string[] = [];
    let found = true;
    for (const seg of segments) {
      const name = unescapeWildcard(seg);
      const hit = found ? provider.item(at, [...real, name]) : undefined;
      if (!hit) found = false;
      real.push(hit ? hit.name : seg);
    }
    return itemPath(provider, drive, real);
  }

  /** The item at a path, or undefined when it does not exist. */
  item(at: ProviderContext, p: ItemPath): ProviderItem | undefined {
    return p.provider.item(at, p.segments);
  }

  /** The children of a container path (empty for a leaf). */
  children(at: ProviderContext, p: ItemPath): { path: ItemPath; item: ProviderItem }[] {
    return p.provider.children(at, p.segments).map((item) => ({ path: itemPath(p.provider, p.drive, [...p.segments, item.name]), item }));
  }

  /** Expands wildcards in the segments of an item path; only existing matches. Without wildcards, the path itself. */
  expand(at: ProviderContext, p: ItemPath): ItemPath[] {
    if (!p.segments.some(segmentHasWildcard)) return [p];
    let current: ItemPath[] = [itemPath(p.provider, p.drive, [])];
    for (const seg of p.segments) {
      const next: ItemPath[] = [];
      for (const base of current) {
        if (!segmentHasWildcard(seg)) {
          const hit = p.provider.item(at, [...base.segments, seg]);
          if (hit) next.push(itemPath(p.provider, p.drive, [...base.segments, hit.name]));
          continue;
        }
        const re = wildcardToRegExp(seg);
        for (const child of this.children(at, base)) if (re.test(child.item.name)) next.push(child.path);
      }
      current = next;
    }
    return current;
  }

  /** The current location, whichever provider's drive it is on. */
  get location(): Location {
    const d = this.drives.currentDrive;
    const provider = this.providerOfDrive(d);
    if (isFileSystemDrive(d) || !provider) return { kind: 'fs', path: this.fileSystem.location };
    return { kind: 'item', path: itemPath(provider, d, [...d.current]) };
  }

  /** The text of the current location (the prompt, `$PWD`): `C:\certificates`, `Cert:\LocalMachine\Root`. */
  currentText(): string {
    return this.location.path.psPath;
  }

  /** Makes a location current (the caller checks that it is an existing container). */
  setLocation(target: Location): void {
    if (target.kind === 'fs') {
      this.fileSystem.setLocation(target.path);
      return;
    }
    this.drives.currentDrive = target.path.drive;
    target.path.drive.current = [...target.path.segments];
    this.onLocationChanged?.();
  }
}

/** The PathInfo of a location of any provider. */
export function locationInfo(location: Location): PSObject {
  return location.kind === 'fs' ? pathInfo(location.path) : itemPathInfo(location.path);
}

/** The text a location shows as (`C:\x`, `Cert:\LocalMachine\Root`). */
export function locationText(location: Location): string {
  return location.path.psPath;
}
