// The session's PowerShell drives. FileSystem drives: `C:` (a folder under the state root,
// `<root>/drives/C`, created on first use), drives made with New-PSDrive, and, on POSIX, the `/` drive
// that shows native paths as they are (as PowerShell on Linux and macOS does). The drives of the other
// providers (Cert:, Env:, Variable:) live in the same table; they have no native root.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ProviderName } from './provider-info.ts';

export interface PSDrive {
  /** Drive name without the colon (`C`, `Certs`, `/`). */
  readonly name: string;
  /** The native folder the drive's root maps to. */
  readonly nativeRoot: string;
  /** The Root as Get-PSDrive shows it. */
  readonly displayRoot: string;
  readonly description: string;
  /** The native (`/`) drive: paths display as native paths. */
  readonly native: boolean;
  /** Built-in drives cannot be removed. */
  readonly builtin: boolean;
  /** The drive's current location, as segments below its root. */
  current: string[];
  /** Creates the root folder on first use (the default C: drive). */
  ensureRoot?: () => void;
  /** The provider the drive belongs to; FileSystem when absent. */
  readonly provider?: ProviderName;
}

export function providerOf(drive: PSDrive): ProviderName {
  return drive.provider ?? 'FileSystem';
}

export function isFileSystemDrive(drive: PSDrive): boolean {
  return providerOf(drive) === 'FileSystem';
}

export class DriveTable {
  private readonly drives = new Map<string, PSDrive>();
  private current: PSDrive;
  /** The FileSystem drive the session was on last (the current drive when that is a FileSystem one). */
  fileSystemDrive: PSDrive;

  /** The drive of the session's current location (of any provider). */
  get currentDrive(): PSDrive {
    return this.current;
  }

  set currentDrive(drive: PSDrive) {
    this.current = drive;
    if (isFileSystemDrive(drive)) this.fileSystemDrive = drive;
  }

  constructor(readonly stateRoot: string) {
    const cRoot = path.join(stateRoot, 'drives', 'C');
    let made = false;
    const c: PSDrive = {
      name: 'C',
      nativeRoot: cRoot,
      displayRoot: cRoot,
      description: `C: mapped to ${cRoot}`,
      native: false,
      builtin: true,
      current: [],
      ensureRoot: () => {
        if (made) return;
        mkdirSync(cRoot, { recursive: true });
        made = true;
      },
    };
    this.add(c);
    if (process.platform !== 'win32') {
      this.add({ name: '/', nativeRoot: '/', displayRoot: '/', description: 'The native file system', native: true, builtin: true, current: [] });
    }
    this.current = c;
    this.fileSystemDrive = c;
  }

  add(drive: PSDrive): void {
    this.drives.set(drive.name.toLowerCase(), drive);
  }

  get(name: string): PSDrive | undefined {
    return this.drives.get(name.toLowerCase());
  }

  remove(name: string): boolean {
    return this.drives.delete(name.toLowerCase());
  }

  all(): PSDrive[] {
    return [...this.drives.values()];
  }

  /** The root (`/`) drive for native paths, when the platform has one. */
  get nativeDrive(): PSDrive | undefined {
    return this.drives.get('/');
  }

  /**
   * The drive whose root holds a native path: the built-in C: first, then drives made with New-PSDrive
   * (longest root wins), then the native / drive. As in PowerShell, an item's FullName is its provider
   * path (C:\certificates\x), whichever drive it was reached through.
   */
  driveForNative(native: string): { drive: PSDrive; segments: string[] } | undefined {
    let best: { drive: PSDrive; segments: string[] } | undefined;
    let bestLength = -1;
    const named = [...this.drives.values()].filter((d) => !d.native && isFileSystemDrive(d));
    const ordered = [...named.filter((d) => d.builtin), ...named.filter((d) => !d.builtin)];
    for (const d of ordered) {
      if (best?.drive.builtin) break;
      const rel = path.relative(d.nativeRoot, native);
      if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
      if (d.nativeRoot.length > bestLength) {
        bestLength = d.nativeRoot.length;
        best = { drive: d, segments: rel === '' ? [] : rel.split(path.sep) };
      }
    }
    if (best) return best;
    const root = this.nativeDrive;
    if (root) return { drive: root, segments: native.split('/').filter(Boolean) };
    return undefined;
  }
}

/** The text of a location on a drive: `C:\certs`, `C:\`, `/tmp/x`. */
export function drivePathText(drive: PSDrive, segments: readonly string[]): string {
  if (drive.native) return `/${segments.join('/')}`;
  return `${drive.name}:\\${segments.join('\\')}`;
}

/** The native path of a location on a drive (segments as given; see resolveSegmentsCase for matching). */
export function driveNativePath(drive: PSDrive, segments: readonly string[]): string {
  return segments.length === 0 ? drive.nativeRoot : path.join(drive.nativeRoot, ...segments);
}
