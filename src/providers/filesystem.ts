// The FileSystem provider of a session: the current location, and turning PowerShell paths into native
// ones and back. Paths on Windows-style drives (`C:`) match existing names case-insensitively, as on
// Windows, so `c:\Certificates\Request.p7c` finds `c:\certificates\request.p7c`. A path on another
// provider's drive (`Cert:\x`, or relative while the current location is there) is not a file path.
import { readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { wildcardToRegExp } from '../runtime/wildcard.ts';
import { DriveTable, driveNativePath, drivePathText, isFileSystemDrive, providerOf, type PSDrive } from './drives.ts';
import { applySegments, classifyPath, otherProviderQualifier, segmentHasWildcard, splitSegments } from './ps-path.ts';
import { driveNotFound, notFileSystemProvider, providerNotFound } from './path-errors.ts';
import { findProviderName, providerFullName } from './provider-info.ts';

export interface ResolvedPath {
  drive: PSDrive;
  /** Segments below the drive root (existing names in their real case). */
  segments: string[];
  /** The native path. */
  native: string;
  /** The PowerShell path (`C:\certs\x.pfx`, `/tmp/x`). */
  psPath: string;
}

export class FileSystemProvider {
  readonly drives: DriveTable;

  constructor(stateRoot: string, initialNative: string = process.cwd()) {
    this.drives = new DriveTable(stateRoot);
    const start = this.drives.driveForNative(path.resolve(initialNative));
    if (start) {
      this.drives.currentDrive = start.drive;
      start.drive.current = start.segments;
    }
  }

  /** The current file-system location (the last one when the session is on another provider's drive). */
  get location(): ResolvedPath {
    const d = this.drives.fileSystemDrive;
    return this.at(d, d.current);
  }

  /** A location from a drive and segments (matching existing names' case on Windows-style drives). */
  at(drive: PSDrive, segments: readonly string[]): ResolvedPath {
    drive.ensureRoot?.();
    const real = drive.native ? [...segments] : matchCase(drive.nativeRoot, segments);
    return { drive, segments: real, native: driveNativePath(drive, real), psPath: drivePathText(drive, real) };
  }

  /** Resolves a PowerShell path (no wildcard expansion); throws DriveNotFound for unknown drives. */
  resolve(input: string): ResolvedPath {
    const other = otherProviderQualifier(input);
    if (other) {
      const known = findProviderName(other);
      throw known ? notFileSystemProvider(providerFullName(known)) : providerNotFound(other);
    }
    const form = classifyPath(input);
    switch (form.kind) {
      case 'native':
        return this.fromNative(path.resolve(process.platform === 'win32' ? form.native : form.native.replace(/\\/g, '/')));
      case 'home':
        return this.fromNative(path.resolve(os.homedir(), ...splitSegments(form.rest)));
      case 'drive': {
        const drive = this.drives.get(form.drive);
        if (!drive) throw driveNotFound(form.drive);
        if (!isFileSystemDrive(drive)) throw notFileSystemProvider(providerFullName(providerOf(drive)));
        return this.at(drive, applySegments(form.rooted ? [] : drive.current, form.rest));
      }
      case 'driveRoot': {
        const d = this.currentFileSystemDrive();
        return this.at(d, applySegments([], form.rest));
      }
      case 'relative': {
        const d = this.currentFileSystemDrive();
        return this.at(d, applySegments(d.current, form.rest));
      }
    }
  }

  /** The current drive for a relative path; an error when the session is on another provider's drive. */
  private currentFileSystemDrive(): PSDrive {
    const d = this.drives.currentDrive;
    if (!isFileSystemDrive(d)) throw notFileSystemProvider(providerFullName(providerOf(d)));
    return d;
  }

  /** Maps a native absolute path to its drive location. */
  fromNative(native: string): ResolvedPath {
    const hit = this.drives.driveForNative(native);
    if (!hit) return { drive: this.drives.fileSystemDrive, segments: [], native, psPath: native };
    return this.at(hit.drive, hit.segments);
  }

  /** The PowerShell path of a native path. */
  toPSPath(native: string): string {
    return this.fromNative(path.resolve(native)).psPath;
  }

  /** Makes a location current (the caller checks that it is an existing folder). */
  setLocation(target: ResolvedPath): void {
    this.drives.currentDrive = target.drive;
    target.drive.current = [...target.segments];
    this.onLocationChanged?.(this.location);
  }

  /** Called after every change of location (the session keeps $PWD current with it). */
  onLocationChanged?: (location: ResolvedPath) => void;

  /**
   * Expands wildcards in a path (`C:\logs\*.log`, `*\*.txt`). Without wildcards, the resolved path
   * is returned whether or not it exists. With wildcards, only existing matches, sorted by name.
   */
  expand(input: string): ResolvedPath[] {
    const form = classifyPath(input);
    const text = form.kind === 'native' ? form.native : 'rest' in form ? form.rest : '';
    if (!splitSegments(text).some(segmentHasWildcard)) return [this.resolve(input)];
    const split = splitAtWildcard(input);
    const base = this.resolve(split.prefix);
    const rest = splitSegments(split.rest);
    let current: ResolvedPath[] = [base];
    for (const seg of rest) {
      const next: ResolvedPath[] = [];
      for (const dir of current) {
        if (seg === '..') {
          next.push(this.at(dir.drive, dir.segments.slice(0, -1)));
          continue;
        }
        if (!segmentHasWildcard(seg)) {
          next.push(this.at(dir.drive, [...dir.segments, seg]));
          continue;
        }
        const re = wildcardToRegExp(seg);
        for (const name of listNames(dir.native)) if (re.test(name)) next.push(this.at(dir.drive, [...dir.segments, name]));
      }
      current = next;
    }
    return current.filter((p) => exists(p.native));
  }
}

/** Splits a path before its first segment holding a wildcard: `C:\\logs\\` and `*.log`. */
function splitAtWildcard(input: string): { prefix: string; rest: string } {
  const parts = input.split(/(?<=[\\/])/);
  let i = 0;
  while (i < parts.length && !segmentHasWildcard(parts[i].replace(/[\\/]+$/, ''))) i++;
  return { prefix: parts.slice(0, i).join('') || '.', rest: parts.slice(i).join('') };
}

function listNames(dir: string): string[] {
  try {
    return readdirSync(dir).sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
  } catch {
    return [];
  }
}

export function exists(native: string): boolean {
  try {
    statSync(native);
    return true;
  } catch {
    return false;
  }
}

export function isDirectory(native: string): boolean {
  try {
    return statSync(native).isDirectory();
  } catch {
    return false;
  }
}

/** Real-case names for segments that exist (case-insensitive match when the exact name is absent). */
function matchCase(root: string, segments: readonly string[]): string[] {
  const out: string[] = [];
  let dir = root;
  let searching = true;
  for (const seg of segments) {
    let name = seg;
    if (searching) {
      const exact = path.join(dir, seg);
      if (!exists(exact)) {
        const lower = seg.toLowerCase();
        const hit = listNames(dir).find((n) => n.toLowerCase() === lower);
        if (hit) name = hit;
        else searching = false;
      }
    }
    out.push(name);
    dir = path.join(dir, name);
  }
  return out;
}
