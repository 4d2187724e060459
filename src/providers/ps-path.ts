// PowerShell path syntax, independent of any drive table: what kind of path a string is
// (`C:\certs\x.pfx`, `c:x`, `\certs`, `.\x`, `~\x`, `/tmp/x`, `FileSystem::/tmp/x`), and normalising
// the segments after a drive (`\` and `/` both separate, `.` dropped, `..` climbs but never above the root).

export type PathForm =
  /** `C:\a` or `C:/a`: rooted in the named drive. */
  | { kind: 'drive'; drive: string; rest: string; rooted: true }
  /** `C:a`: relative to the named drive's current location. */
  | { kind: 'drive'; drive: string; rest: string; rooted: false }
  /** `/tmp/x`: an absolute native path (POSIX); on Windows `D:\x` style paths are drive paths. */
  | { kind: 'native'; native: string }
  /** `~`, `~\x`: relative to the home folder. */
  | { kind: 'home'; rest: string }
  /** `\certs`: rooted in the current location's drive. */
  | { kind: 'driveRoot'; rest: string }
  /** `certs\x`, `.\x`, `..\x`: relative to the current location. */
  | { kind: 'relative'; rest: string };

const PROVIDER_PREFIX = /^(?:Microsoft\.PowerShell\.Core\\)?FileSystem::/i;
const DRIVE_PREFIX = /^([^\\/:*?"<>|`]+):(.*)$/s;

/** Removes a `FileSystem::` or `Microsoft.PowerShell.Core\FileSystem::` provider qualifier. */
export function stripProviderQualifier(path: string): { path: string; qualified: boolean } {
  const m = PROVIDER_PREFIX.exec(path);
  return m ? { path: path.slice(m[0].length), qualified: true } : { path, qualified: false };
}

/** True when the text is provider-qualified for a provider other than FileSystem (`Cert::`, `Registry::`). */
export function otherProviderQualifier(path: string): string | undefined {
  const m = /^(?:[\w.]+\\)?(\w+)::/.exec(path);
  return m && m[1].toLowerCase() !== 'filesystem' ? m[1] : undefined;
}

/** Classifies a PowerShell path. */
export function classifyPath(input: string): PathForm {
  const { path, qualified } = stripProviderQualifier(input);
  if (qualified && path.startsWith('/')) return { kind: 'native', native: path };
  if (path === '~' || /^~[\\/]/.test(path)) return { kind: 'home', rest: path.slice(1) };
  if (path.startsWith('/') && !path.startsWith('//')) return { kind: 'native', native: path };
  const m = DRIVE_PREFIX.exec(path);
  if (m && !/^\\\\/.test(path)) {
    const rest = m[2];
    return /^[\\/]/.test(rest) ? { kind: 'drive', drive: m[1], rest, rooted: true } : { kind: 'drive', drive: m[1], rest, rooted: false };
  }
  if (/^[\\/]/.test(path)) return { kind: 'driveRoot', rest: path };
  return { kind: 'relative', rest: path };
}

/** Splits on `\` and `/`, dropping empty parts and `.`. */
export function splitSegments(rest: string): string[] {
  return rest.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
}

/** Applies segments (with `..`) to a base, never climbing above the root. */
export function applySegments(base: readonly string[], rest: string): string[] {
  const out = [...base];
  for (const seg of splitSegments(rest)) {
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out;
}

/** True when the last segment of a path holds wildcard characters somewhere (`*.txt`, `log?`). */
export function segmentHasWildcard(segment: string): boolean {
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '`') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

/** The drive qualifier of a path (`C:` of `C:\a\b`), or '' when there is none. */
export function qualifierOf(path: string): string {
  const m = DRIVE_PREFIX.exec(stripProviderQualifier(path).path);
  return m ? `${m[1]}:` : '';
}
