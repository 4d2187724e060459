// [System.IO.Path], [System.IO.File], [System.IO.Directory]. Paths given by scripts are PowerShell paths
// (`c:\certificates\x.pfx`); the provider layer installs a resolver (setFileSystemPathResolver) that maps
// them to real file-system paths. Path manipulation keeps the separator style of its input, `\` by default.
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { StaticMethod } from './dotnet-type.ts';
import { VOID, argBytes, argString, expectArgs, unwrapArg } from './method-support.ts';
import { argumentError, dotNetError } from './runtime-error.ts';
import { toBool, collectionItems } from './conversion.ts';
import { toPSString } from './to-string.ts';
import { PSEncoding, encoding } from './text-encoding.ts';
import { wildcardMatch } from './wildcard.ts';

let resolvePath: (path: string) => string = (p) => p;

/** Installs the mapping from PowerShell paths (drives, `\`) to real paths, used by File and Directory. */
export function setFileSystemPathResolver(resolver: (path: string) => string): void {
  resolvePath = resolver;
}

function requirePath(value: unknown, param = 'path'): string {
  const p = argString(value);
  if (p === null) throw argumentError('System.ArgumentNullException', 'Value cannot be null.', param);
  if (p === '') throw argumentError('System.ArgumentException', 'Empty path name is not legal.', param);
  return p;
}

function separatorOf(...paths: string[]): string {
  return paths.some((p) => p.includes('\\') || /^[a-z]:/i.test(p)) || !paths.some((p) => p.includes('/')) ? '\\' : '/';
}

function isRooted(p: string): boolean {
  return /^[\\/]/.test(p) || /^[a-z]:/i.test(p);
}

function lastSeparator(p: string): number {
  return Math.max(p.lastIndexOf('\\'), p.lastIndexOf('/'), /^[a-z]:/i.test(p) ? 1 : -1);
}

function fileName(p: string): string {
  return p.slice(lastSeparator(p) + 1);
}

function extension(p: string): string {
  const name = fileName(p);
  const dot = name.lastIndexOf('.');
  return dot < 0 || dot === name.length - 1 ? '' : name.slice(dot);
}

function combine(parts: string[]): string {
  let result = '';
  for (const part of parts) {
    if (part === '') continue;
    if (isRooted(part) || result === '') result = part;
    else result += (/[\\/:]$/.test(result) ? '' : separatorOf(result, part)) + part;
  }
  return result;
}

function ioError(kind: 'file' | 'dir', path: string, e: unknown): Error {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return kind === 'file'
      ? dotNetError('System.IO.FileNotFoundException', `Could not find file '${path}'.`)
      : dotNetError('System.IO.DirectoryNotFoundException', `Could not find a part of the path '${path}'.`);
  }
  if (code === 'EACCES' || code === 'EPERM') return dotNetError('System.UnauthorizedAccessException', `Access to the path '${path}' is denied.`);
  if (code === 'EISDIR') return dotNetError('System.UnauthorizedAccessException', `Access to the path '${path}' is denied.`);
  return dotNetError('System.IO.IOException', (e as Error).message);
}

function encodingArg(value: unknown): PSEncoding {
  const v = unwrapArg(value);
  return v instanceof PSEncoding ? v : encoding('utf8');
}

function decode(bytes: Buffer): string {
  // .NET's ReadAllText detects a byte order mark.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  return bytes.toString('utf8');
}

export const pathStatics: { members: Record<string, () => unknown>; methods: Record<string, StaticMethod> } = {
  members: {
    DirectorySeparatorChar: () => '\\',
    AltDirectorySeparatorChar: () => '/',
    PathSeparator: () => ';',
    VolumeSeparatorChar: () => ':',
  },
  methods: {
    Combine: (args) => {
      if (args.length === 0) throw argumentError('System.ArgumentNullException', 'Value cannot be null.', 'paths');
      const parts = args.length === 1 ? collectionItems(unwrapArg(args[0])) : args;
      return combine(parts.map((p) => requirePath(p, 'paths')));
    },
    GetFileName: (args) => (expectArgs('GetFileName', args, 1), args[0] == null ? null : fileName(argString(args[0]) ?? '')),
    GetExtension: (args) => (expectArgs('GetExtension', args, 1), args[0] == null ? null : extension(argString(args[0]) ?? '')),
    GetFileNameWithoutExtension: (args) => {
      expectArgs('GetFileNameWithoutExtension', args, 1);
      const name = fileName(argString(args[0]) ?? '');
      const ext = extension(name);
      return ext ? name.slice(0, -ext.length) : name.replace(/\.$/, '');
    },
    GetDirectoryName: (args) => {
      expectArgs('GetDirectoryName', args, 1);
      const p = argString(args[0]) ?? '';
      const i = lastSeparator(p);
      if (i < 0) return '';
      if (/^[a-z]:[\\/]?$/i.test(p)) return null;
      const dir = p.slice(0, i);
      return /^[a-z]:$/i.test(dir) ? `${dir}${p[i] === ':' ? '' : p[i]}` : dir;
    },
    GetPathRoot: (args) => {
      expectArgs('GetPathRoot', args, 1);
      const m = /^([a-z]:[\\/]?|[\\/])/i.exec(argString(args[0]) ?? '');
      return m ? m[1] : '';
    },
    IsPathRooted: (args) => (expectArgs('IsPathRooted', args, 1), isRooted(argString(args[0]) ?? '')),
    HasExtension: (args) => (expectArgs('HasExtension', args, 1), extension(argString(args[0]) ?? '') !== ''),
    ChangeExtension: (args) => {
      expectArgs('ChangeExtension', args, 2);
      const p = argString(args[0]) ?? '';
      const ext = extension(p);
      const base = ext ? p.slice(0, -ext.length) : p.replace(/\.$/, '');
      const newExt = argString(args[1]);
      if (newExt === null) return base;
      return `${base}${newExt.startsWith('.') ? '' : '.'}${newExt}`;
    },
    GetTempPath: (args) => (expectArgs('GetTempPath', args, 0), `${tmpdir()}/`),
    GetRandomFileName: (args) => {
      expectArgs('GetRandomFileName', args, 0);
      const s = Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(8))).toString('hex').slice(0, 11);
      return `${s.slice(0, 8)}.${s.slice(8)}`;
    },
    GetFullPath: (args) => (expectArgs('GetFullPath', args, 1), resolvePath(requirePath(args[0]))),
    GetInvalidFileNameChars: (args) => (expectArgs('GetInvalidFileNameChars', args, 0), ['"', '<', '>', '|', '\0', ':', '*', '?', '\\', '/']),
  },
};

export const fileStatics: Record<string, StaticMethod> = {
  Exists: (args) => {
    expectArgs('Exists', args, 1);
    const p = argString(args[0]);
    if (!p) return false;
    const real = resolvePath(p);
    return existsSync(real) && statSync(real).isFile();
  },
  ReadAllText: (args) => {
    expectArgs('ReadAllText', args, 1, 2);
    const p = requirePath(args[0]);
    try {
      const bytes = readFileSync(resolvePath(p));
      return args.length === 2 ? encodingArg(args[1]).getString(new Uint8Array(bytes)) : decode(bytes);
    } catch (e) {
      throw ioError('file', p, e);
    }
  },
  ReadAllLines: (args) => {
    expectArgs('ReadAllLines', args, 1, 2);
    const text = fileStatics.ReadAllText(args, undefined) as string;
    const lines = text.split(/\r?\n/);
    if (lines[lines.length - 1] === '') lines.pop();
    return lines;
  },
  ReadAllBytes: (args) => {
    expectArgs('ReadAllBytes', args, 1);
    const p = requirePath(args[0]);
    try {
      return new Uint8Array(readFileSync(resolvePath(p)));
    } catch (e) {
      throw ioError('file', p, e);
    }
  },
  WriteAllText: (args) => {
    expectArgs('WriteAllText', args, 2, 3);
    const p = requirePath(args[0]);
    const text = argString(args[1]) ?? '';
    try {
      const bytes = args.length === 3 ? encodingArg(args[2]).getBytes(text) : Buffer.from(text, 'utf8');
      writeFileSync(resolvePath(p), bytes);
    } catch (e) {
      throw ioError('dir', p, e);
    }
    return VOID;
  },
  WriteAllLines: (args) => {
    expectArgs('WriteAllLines', args, 2, 3);
    const lines = collectionItems(unwrapArg(args[1])).map((l) => toPSString(l));
    return fileStatics.WriteAllText([args[0], lines.map((l) => `${l}\r\n`).join(''), ...args.slice(2)], undefined);
  },
  AppendAllText: (args) => {
    expectArgs('AppendAllText', args, 2, 3);
    const p = requirePath(args[0]);
    try {
      appendFileSync(resolvePath(p), argString(args[1]) ?? '');
    } catch (e) {
      throw ioError('dir', p, e);
    }
    return VOID;
  },
  WriteAllBytes: (args) => {
    expectArgs('WriteAllBytes', args, 2);
    const p = requirePath(args[0]);
    try {
      writeFileSync(resolvePath(p), argBytes(args[1]));
    } catch (e) {
      throw ioError('dir', p, e);
    }
    return VOID;
  },
  Delete: (args) => {
    expectArgs('Delete', args, 1);
    const p = requirePath(args[0]);
    try {
      rmSync(resolvePath(p), { force: true });
    } catch (e) {
      throw ioError('dir', p, e);
    }
    return VOID;
  },
  Copy: (args) => {
    expectArgs('Copy', args, 2, 3);
    const from = requirePath(args[0], 'sourceFileName');
    const to = requirePath(args[1], 'destFileName');
    if (existsSync(resolvePath(to)) && !(args.length === 3 && toBool(args[2]))) {
      throw dotNetError('System.IO.IOException', `The file '${to}' already exists.`);
    }
    try {
      copyFileSync(resolvePath(from), resolvePath(to));
    } catch (e) {
      throw ioError('file', from, e);
    }
    return VOID;
  },
};

function listEntries(args: unknown[], wantFiles: boolean): string[] {
  const dir = requirePath(args[0]);
  const pattern = args.length > 1 ? argString(args[1]) ?? '*' : '*';
  try {
    const real = resolvePath(dir);
    return readdirSync(real, { withFileTypes: true })
      .filter((e) => (wantFiles ? e.isFile() : e.isDirectory()) && wildcardMatch(e.name, pattern))
      .map((e) => combine([dir, e.name]));
  } catch (e) {
    throw ioError('dir', dir, e);
  }
}

export const directoryStatics: Record<string, StaticMethod> = {
  Exists: (args) => {
    expectArgs('Exists', args, 1);
    const p = argString(args[0]);
    if (!p) return false;
    const real = resolvePath(p);
    return existsSync(real) && statSync(real).isDirectory();
  },
  CreateDirectory: (args) => {
    expectArgs('CreateDirectory', args, 1);
    const p = requirePath(args[0]);
    mkdirSync(resolvePath(p), { recursive: true });
    return p;
  },
  GetFiles: (args) => (expectArgs('GetFiles', args, 1, 2, 3), listEntries(args, true)),
  GetDirectories: (args) => (expectArgs('GetDirectories', args, 1, 2, 3), listEntries(args, false)),
  GetCurrentDirectory: (args) => (expectArgs('GetCurrentDirectory', args, 0), process.cwd()),
};
