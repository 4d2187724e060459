// Display cells of text, as a console counts them: East Asian wide and fullwidth characters take two
// cells, everything else one (PowerShell's DisplayCells). Strings are measured by code point.

const WIDE_RANGES: readonly [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

export function charCells(codePoint: number): number {
  if (codePoint < 0x1100) return 1;
  for (const [lo, hi] of WIDE_RANGES) {
    if (codePoint < lo) return 1;
    if (codePoint <= hi) return 2;
  }
  return 1;
}

export function cellWidth(s: string): number {
  let n = 0;
  for (const ch of s) n += charCells(ch.codePointAt(0)!);
  return n;
}

/** The longest prefix of `s` that fits in `cells`. */
export function headCells(s: string, cells: number): string {
  let used = 0;
  let out = '';
  for (const ch of s) {
    const w = charCells(ch.codePointAt(0)!);
    if (used + w > cells) break;
    used += w;
    out += ch;
  }
  return out;
}

/** The longest suffix of `s` that fits in `cells`. */
export function tailCells(s: string, cells: number): string {
  const chars = [...s];
  let used = 0;
  let start = chars.length;
  while (start > 0) {
    const w = charCells(chars[start - 1].codePointAt(0)!);
    if (used + w > cells) break;
    used += w;
    start--;
  }
  return chars.slice(start).join('');
}

export function spaces(n: number): string {
  return n > 0 ? ' '.repeat(n) : '';
}
