// FileInfo and DirectoryInfo objects as Get-ChildItem and Get-Item write them: the .NET properties
// (Name, Length, FullName, LastWriteTime...), PowerShell's Mode string, and the provider's note
// properties (PSPath, PSParentPath, PSChildName, PSDrive, PSProvider, PSIsContainer).
import { lstatSync, readlinkSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { withKind } from '../runtime/datetime.ts';
import { EnumType, PSObject } from '../runtime/values.ts';
import type { FileSystemProvider, ResolvedPath } from './filesystem.ts';

export const FILE_INFO_TYPES = ['System.IO.FileInfo', 'System.IO.FileSystemInfo', 'System.MarshalByRefObject', 'System.Object'];
export const DIRECTORY_INFO_TYPES = ['System.IO.DirectoryInfo', 'System.IO.FileSystemInfo', 'System.MarshalByRefObject', 'System.Object'];
export const PROVIDER_NAME = 'Microsoft.PowerShell.Core\\FileSystem';

export const FileAttributes = new EnumType(
  'System.IO.FileAttributes',
  { ReadOnly: 1, Hidden: 2, System: 4, Directory: 16, Archive: 32, Device: 64, Normal: 128, ReparsePoint: 1024 },
  true,
);

const natives = new WeakMap<PSObject, string>();

/** The native path behind an item written by the file-system cmdlets. */
export function nativePathOf(item: unknown): string | undefined {
  return item instanceof PSObject ? natives.get(item) : undefined;
}

/** `d-----`, `-a----`, `-ar---`, `d--h--`, `-a---l` (Windows PowerShell 5.1's `darhsl`). */
export function modeString(stats: Stats, name: string, isLink: boolean): string {
  const dir = stats.isDirectory();
  const readOnly = !dir && (stats.mode & 0o222) === 0;
  const hidden = name.startsWith('.') && name !== '.' && name !== '..';
  return `${dir ? 'd' : '-'}${dir ? '-' : 'a'}${readOnly ? 'r' : '-'}${hidden ? 'h' : '-'}-${isLink ? 'l' : '-'}`;
}

function attributes(stats: Stats, name: string, isLink: boolean): number {
  let a = stats.isDirectory() ? 16 : 32;
  if (!stats.isDirectory() && (stats.mode & 0o222) === 0) a |= 1;
  if (name.startsWith('.')) a |= 2;
  if (isLink) a |= 1024;
  return a;
}

function parentPsPath(p: ResolvedPath, provider: FileSystemProvider): string {
  if (p.segments.length === 0) return '';
  return provider.at(p.drive, p.segments.slice(0, -1)).psPath;
}

function driveObject(p: ResolvedPath): PSObject {
  const d = PSObject.from({ Name: p.drive.name, Root: p.drive.displayRoot, Provider: PROVIDER_NAME }, ['System.Management.Automation.PSDriveInfo', 'System.Object']);
  d.defineMethod({ name: 'ToString', invoke: () => p.drive.name });
  return d;
}

/** The FileInfo or DirectoryInfo object for an existing path (throws the fs error otherwise). */
export function fileSystemItem(reached: ResolvedPath, provider: FileSystemProvider, stats?: Stats): PSObject {
  const p = provider.fromNative(reached.native);
  const lst = lstatSync(p.native);
  const isLink = lst.isSymbolicLink();
  const st = stats ?? (isLink ? safeStat(p.native) ?? lst : lst);
  const dir = st.isDirectory();
  const name = p.segments.length === 0 ? (p.drive.native ? '/' : `${p.drive.name}:\\`) : p.segments[p.segments.length - 1];
  const ext = path.extname(name);
  const item = new PSObject(dir ? [...DIRECTORY_INFO_TYPES] : [...FILE_INFO_TYPES]);
  const parent = parentPsPath(p, provider);
  item.setProperty('PSPath', `${PROVIDER_NAME}::${p.psPath}`);
  item.setProperty('PSParentPath', parent ? `${PROVIDER_NAME}::${parent}` : '');
  item.setProperty('PSChildName', name);
  item.setProperty('PSDrive', driveObject(reached));
  item.setProperty('PSProvider', PROVIDER_NAME);
  item.setProperty('PSIsContainer', dir);
  item.setProperty('Mode', modeString(st, name, isLink));
  item.setProperty('BaseName', dir || !ext ? name : name.slice(0, -ext.length));
  item.setProperty('Target', isLink ? [safeReadlink(p.native)] : []);
  item.setProperty('LinkType', isLink ? 'SymbolicLink' : null);
  item.setProperty('Name', name);
  if (!dir) {
    item.setProperty('Length', st.size);
    item.setProperty('DirectoryName', parent);
    item.defineProperty({ name: 'Directory', kind: 'code', get: () => (parent ? fileSystemItem(provider.at(p.drive, p.segments.slice(0, -1)), provider) : null) });
    item.setProperty('IsReadOnly', (st.mode & 0o222) === 0);
  } else {
    item.defineProperty({ name: 'Parent', kind: 'code', get: () => (parent ? fileSystemItem(provider.at(p.drive, p.segments.slice(0, -1)), provider) : null) });
    item.defineProperty({ name: 'Root', kind: 'code', get: () => fileSystemItem(provider.at(p.drive, []), provider) });
  }
  item.setProperty('Exists', true);
  item.setProperty('FullName', p.psPath);
  item.setProperty('Extension', ext);
  item.setProperty('CreationTime', new Date(st.birthtimeMs || st.ctimeMs));
  item.setProperty('CreationTimeUtc', withKind(new Date(st.birthtimeMs || st.ctimeMs), 'Utc'));
  item.setProperty('LastAccessTime', new Date(st.atimeMs));
  item.setProperty('LastAccessTimeUtc', withKind(new Date(st.atimeMs), 'Utc'));
  item.setProperty('LastWriteTime', new Date(st.mtimeMs));
  item.setProperty('LastWriteTimeUtc', withKind(new Date(st.mtimeMs), 'Utc'));
  item.setProperty('Attributes', FileAttributes.value(attributes(st, name, isLink)));
  item.defineMethod({ name: 'ToString', invoke: () => p.psPath, definition: 'string ToString()' });
  natives.set(item, p.native);
  return item;
}

function safeStat(native: string): Stats | undefined {
  try {
    return statSync(native);
  } catch {
    return undefined;
  }
}

function safeReadlink(native: string): string {
  try {
    return path.resolve(path.dirname(native), readlinkSync(native));
  } catch {
    return '';
  }
}
