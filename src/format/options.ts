// Formatting options shared by every formatter, and the dialect switch between Windows PowerShell 5.1
// ('Desktop', the default: `...` ellipses, NormalView errors, Format-List's extra trailing blank line)
// and PowerShell 7 ('Core': `…`, ConciseView errors, no extra blank line).

export type Dialect = 'Desktop' | 'Core';

export type ErrorViewName = 'NormalView' | 'ConciseView' | 'CategoryView';

export interface FormatOptions {
  /** Usable line width in cells (Out-String -Width, or the console width). */
  width: number;
  /** 'Desktop' (Windows PowerShell 5.1, the default) or 'Core' (PowerShell 7). */
  dialect?: Dialect;
  /** `$FormatEnumerationLimit`: items shown in `{a, b, c...}`; default 4, -1 for unlimited. */
  enumerationLimit?: number;
  /** `$ErrorView` for error records met by Out-Default; defaults to the dialect's own view. */
  errorView?: ErrorViewName;
}

/** FormatOptions with every default filled in. */
export interface Settings {
  width: number;
  dialect: Dialect;
  enumerationLimit: number;
  errorView: ErrorViewName;
  /** `...` (Desktop) or `…` (Core). */
  ellipsis: string;
}

export const DEFAULT_ENUMERATION_LIMIT = 4;

export function ellipsisFor(dialect: Dialect): string {
  return dialect === 'Core' ? '\u2026' : '...';
}

export function defaultErrorView(dialect: Dialect): ErrorViewName {
  return dialect === 'Core' ? 'ConciseView' : 'NormalView';
}

export function resolveSettings(opts: FormatOptions): Settings {
  const dialect = opts.dialect ?? 'Desktop';
  return {
    width: Math.max(0, Math.floor(opts.width)),
    dialect,
    enumerationLimit: opts.enumerationLimit ?? DEFAULT_ENUMERATION_LIMIT,
    errorView: opts.errorView ?? defaultErrorView(dialect),
    ellipsis: ellipsisFor(dialect),
  };
}
