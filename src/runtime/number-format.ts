// .NET numeric format strings (Int32/Double.ToString(format), `-f`): standard formats C D E F G N P R X
// with precision, and custom formats (`0.00`, `#,##0`, `0.0%`, `00E+0`, sections `;`, literals).
// Culture: en-US as Windows PowerShell 5.1 shows it (`N2` → `1,234.57`, `C` → `$1,234.57`, `P` → `12.35 %`).
// Doubles are rounded as .NET Framework does: first to 15 significant digits, then half away from zero.
import { dotNetError } from './runtime-error.ts';
import { numberToString } from './to-string.ts';

interface Digits {
  /** Significant digits without leading zeros ('' for zero). */
  digits: string;
  /** Decimal exponent: value = 0.digits × 10^exp. */
  exp: number;
  negative: boolean;
}

function digitsOf(value: number | bigint): Digits {
  if (typeof value === 'bigint') {
    const negative = value < 0n;
    const s = (negative ? -value : value).toString();
    return trimDigits({ digits: s, exp: s.length, negative });
  }
  const negative = value < 0 || Object.is(value, -0);
  const abs = Math.abs(value);
  if (abs === 0) return { digits: '', exp: 0, negative: false };
  if (Number.isInteger(abs) && abs < 1e21) {
    const s = BigInt(abs).toString();
    return trimDigits({ digits: s, exp: s.length, negative });
  }
  const [mantissa, e] = abs.toExponential(14).split('e');
  const digits = mantissa.replace('.', '');
  return trimDigits({ digits, exp: Number(e) + 1, negative });
}

function trimDigits(d: Digits): Digits {
  const digits = d.digits.replace(/0+$/, '');
  return { digits, exp: digits ? d.exp : 0, negative: digits ? d.negative : false };
}

/** Rounds to `decimals` digits after the point, half away from zero. */
function roundAt(d: Digits, decimals: number): Digits {
  const keep = d.exp + decimals;
  if (keep >= d.digits.length) return d;
  if (keep < 0) return { digits: '', exp: 0, negative: false };
  let kept = d.digits.slice(0, keep);
  let exp = d.exp;
  if (d.digits.charCodeAt(keep) >= 53 /* '5' */) {
    const incremented = (BigInt(kept || '0') + 1n).toString();
    if (incremented.length > kept.length) exp++;
    kept = kept.length === 0 ? incremented : incremented;
  }
  return trimDigits({ digits: kept, exp, negative: d.negative });
}

/** Rounds to `significant` significant digits, half away from zero. */
function roundSignificant(d: Digits, significant: number): Digits {
  return roundAt(d, significant - d.exp);
}

/** Integer and fraction digit strings of a rounded value. */
function split(d: Digits, decimals: number): { int: string; frac: string } {
  const all = d.digits;
  const int = d.exp > 0 ? all.slice(0, d.exp).padEnd(d.exp, '0') : '';
  const fracDigits = d.exp >= 0 ? all.slice(d.exp) : '0'.repeat(-d.exp) + all;
  return { int: int.replace(/^0+/, ''), frac: fracDigits.padEnd(decimals, '0').slice(0, Math.max(decimals, 0)) };
}

function group(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function fixed(d: Digits, decimals: number, grouping: boolean): string {
  const r = roundAt(d, decimals);
  const { int, frac } = split(r, decimals);
  const intText = grouping ? group(int || '0') : int || '0';
  return (r.negative ? '-' : '') + intText + (decimals > 0 ? `.${frac}` : '');
}

function exponential(d: Digits, precision: number, letter: string, minExpDigits: number, trim: boolean): string {
  if (!d.digits) {
    const zeros = trim ? '' : precision > 0 ? `.${'0'.repeat(precision)}` : '';
    return `0${zeros}${letter}+${'0'.repeat(minExpDigits)}`;
  }
  const r = roundSignificant(d, precision + 1);
  let mantissa = r.digits.padEnd(precision + 1, '0');
  if (trim) mantissa = mantissa.replace(/0+$/, '') || '0';
  const exp = r.exp - 1;
  const body = mantissa.length > 1 ? `${mantissa[0]}.${mantissa.slice(1)}` : mantissa;
  const expText = String(Math.abs(exp)).padStart(minExpDigits, '0');
  return `${r.negative ? '-' : ''}${body}${letter}${exp < 0 ? '-' : '+'}${expText}`;
}

function general(value: number | bigint, precision: number | undefined, upper: boolean): string {
  const integral = typeof value === 'bigint' || Number.isInteger(value);
  if (precision === undefined || precision === 0) {
    if (integral) return typeof value === 'bigint' ? value.toString() : numberToString(value);
    return upper ? numberToString(value as number) : numberToString(value as number).replace('E', 'e');
  }
  const d = roundSignificant(digitsOf(value), precision);
  if (!d.digits) return '0';
  const exp = d.exp - 1;
  if (exp >= precision || exp < -5) return exponential(d, precision - 1, upper ? 'E' : 'e', 2, true);
  const decimals = Math.max(0, d.digits.length - d.exp);
  const { int, frac } = split(d, decimals);
  return (d.negative ? '-' : '') + (int || '0') + (frac ? `.${frac}` : '');
}

function hex(value: number | bigint, precision: number, upper: boolean): string {
  let b = BigInt(value);
  if (b < 0n) b = b >= -(2n ** 31n) ? BigInt.asUintN(32, b) : BigInt.asUintN(64, b);
  const s = b.toString(16).padStart(precision, '0');
  return upper ? s.toUpperCase() : s;
}

function formatError(): Error {
  return dotNetError('System.FormatException', 'Format specifier was invalid.');
}

/** Formats a number with a .NET standard or custom numeric format string. */
export function formatNumber(value: number | bigint, format: string | null | undefined): string {
  if (!format) return typeof value === 'bigint' ? value.toString() : numberToString(value);
  const m = /^([A-Za-z])(\d{0,2})$/.exec(format);
  if (!m) return customFormat(value, format);
  const letter = m[1];
  const precision = m[2] === '' ? undefined : Number(m[2]);
  const integral = typeof value === 'bigint' || Number.isInteger(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return numberToString(value);
  const d = digitsOf(value);
  switch (letter) {
    case 'C':
    case 'c': {
      const text = fixed({ ...d, negative: false }, precision ?? 2, true);
      const r = roundAt(d, precision ?? 2);
      return r.negative ? `($${text})` : `$${text}`;
    }
    case 'D':
    case 'd': {
      if (!integral) throw formatError();
      const digits = (typeof value === 'bigint' ? (value < 0n ? -value : value) : Math.abs(value)).toString();
      return (d.negative ? '-' : '') + digits.padStart(precision ?? 0, '0');
    }
    case 'E':
    case 'e':
      return exponential(d, precision ?? 6, letter, 3, false);
    case 'F':
    case 'f':
      return fixed(d, precision ?? 2, false);
    case 'G':
    case 'g':
      return general(value, precision, letter === 'G');
    case 'N':
    case 'n':
      return fixed(d, precision ?? 2, true);
    case 'P':
    case 'p': {
      const scaled = { ...d, exp: d.digits ? d.exp + 2 : 0 };
      return `${fixed(scaled, precision ?? 2, true)} %`;
    }
    case 'R':
    case 'r':
      return typeof value === 'bigint' ? value.toString() : String(value).replace(/e([+-])/, 'E$1');
    case 'X':
    case 'x':
      if (!integral) throw formatError();
      return hex(value, precision ?? 0, letter === 'X');
    default:
      return customFormat(value, format);
  }
}

// ---------------------------------------------------------------- custom formats

type Token =
  | { kind: 'digit'; zero: boolean }
  | { kind: 'point' }
  | { kind: 'comma' }
  | { kind: 'percent'; text: string }
  | { kind: 'exponent'; text: string; minDigits: number; plus: boolean }
  | { kind: 'literal'; text: string };

function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < section.length; i++) {
    const c = section[i];
    if (c === '0' || c === '#') tokens.push({ kind: 'digit', zero: c === '0' });
    else if (c === '.') tokens.push({ kind: 'point' });
    else if (c === ',') tokens.push({ kind: 'comma' });
    else if (c === '%' || c === '\u2030') tokens.push({ kind: 'percent', text: c });
    else if (c === '\\' && i + 1 < section.length) tokens.push({ kind: 'literal', text: section[++i] });
    else if (c === "'" || c === '"') {
      const end = section.indexOf(c, i + 1);
      const stop = end < 0 ? section.length : end;
      tokens.push({ kind: 'literal', text: section.slice(i + 1, stop) });
      i = stop;
    } else if ((c === 'E' || c === 'e') && /^[+-]?0/.test(section.slice(i + 1))) {
      const m = /^([+-]?)(0+)/.exec(section.slice(i + 1))!;
      tokens.push({ kind: 'exponent', text: c, minDigits: m[2].length, plus: m[1] === '+' });
      i += m[0].length;
    } else tokens.push({ kind: 'literal', text: c });
  }
  return tokens;
}

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === '\\' && i + 1 < format.length) {
      current += c + format[++i];
    } else if (c === "'" || c === '"') {
      const end = format.indexOf(c, i + 1);
      const stop = end < 0 ? format.length - 1 : end;
      current += format.slice(i, stop + 1);
      i = stop;
    } else if (c === ';') {
      sections.push(current);
      current = '';
    } else current += c;
  }
  sections.push(current);
  return sections;
}

function customFormat(value: number | bigint, format: string): string {
  const sections = splitSections(format);
  const d0 = digitsOf(value);
  let section = sections[0];
  let explicitNegative = false;
  if (d0.negative && sections.length > 1 && sections[1] !== '') {
    section = sections[1];
    explicitNegative = true;
  }
  const isZeroBefore = !d0.digits;
  if (isZeroBefore && sections.length > 2 && sections[2] !== '') section = sections[2];
  const tokens = tokenize(section);
  const pointIndex = tokens.findIndex((t) => t.kind === 'point');
  const intEnd = pointIndex < 0 ? tokens.length : pointIndex;
  const exponentIndex = tokens.findIndex((t) => t.kind === 'exponent');
  const intStop = exponentIndex >= 0 && exponentIndex < intEnd ? exponentIndex : intEnd;

  // Grouping: a comma between digit placeholders; scaling: commas right before the point (or the end).
  const digitPositions = tokens.map((t, i) => (t.kind === 'digit' && i < intStop ? i : -1)).filter((i) => i >= 0);
  const firstDigit = digitPositions[0] ?? -1;
  const lastDigit = digitPositions[digitPositions.length - 1] ?? -1;
  let grouping = false;
  let scale = 0;
  for (let i = 0; i < intStop; i++) {
    if (tokens[i].kind !== 'comma') continue;
    if (i > firstDigit && i < lastDigit) grouping = true;
    else if (i > lastDigit && lastDigit >= 0) scale++;
  }
  let d = d0;
  const percents = tokens.filter((t) => t.kind === 'percent');
  let shift = -3 * scale;
  for (const p of percents) shift += (p as { text: string }).text === '%' ? 2 : 3;
  if (d.digits) d = { ...d, exp: d.exp + shift };

  const fracTokens = pointIndex < 0 ? [] : tokens.slice(pointIndex + 1, exponentIndex > pointIndex ? exponentIndex : tokens.length);
  const fracPlaceholders = fracTokens.filter((t) => t.kind === 'digit') as { kind: 'digit'; zero: boolean }[];
  const minFrac = fracPlaceholders.map((t) => t.zero).lastIndexOf(true) + 1;
  const intPlaceholders = tokens.slice(0, intStop).filter((t) => t.kind === 'digit') as { kind: 'digit'; zero: boolean }[];
  const firstZero = intPlaceholders.findIndex((t) => t.zero);
  const minInt = firstZero < 0 ? 0 : intPlaceholders.length - firstZero;

  let expText = '';
  if (exponentIndex >= 0) {
    const e = tokens[exponentIndex] as { kind: 'exponent'; text: string; minDigits: number; plus: boolean };
    let exp = 0;
    if (d.digits) {
      exp = d.exp - Math.max(intPlaceholders.length, 1);
      d = { ...d, exp: d.exp - exp };
    }
    const r = roundAt(d, fracPlaceholders.length);
    if (r.digits && r.exp > Math.max(intPlaceholders.length, 1)) {
      exp++;
      d = { ...r, exp: r.exp - 1 };
    } else d = r;
    expText = `${e.text}${exp < 0 ? '-' : e.plus ? '+' : ''}${String(Math.abs(exp)).padStart(e.minDigits, '0')}`;
  }
  const rounded = roundAt(d, fracPlaceholders.length);
  const { int, frac: fracFull } = split(rounded, fracPlaceholders.length);
  let frac = fracFull;
  while (frac.length > minFrac && frac.endsWith('0')) frac = frac.slice(0, -1);
  const intDigits = int.padStart(minInt, '0');
  const negative = rounded.negative && !explicitNegative && rounded.digits !== '';

  let out = '';
  let emitted = 0;
  const emitDigit = (ch: string) => {
    out += ch;
    emitted++;
    const remaining = intDigits.length - emitted;
    if (grouping && remaining > 0 && remaining % 3 === 0) out += ',';
  };
  // Digits fill placeholders from the right; the first placeholder also takes any extra leading digits.
  const P = intPlaceholders.length;
  const L = intDigits.length;
  let j = 0;
  for (let i = 0; i < intStop; i++) {
    const t = tokens[i];
    if (t.kind === 'digit') {
      if (j === 0) for (let k = 0; k < L - P; k++) emitDigit(intDigits[k]);
      const idx = L - P + j;
      if (idx >= 0) emitDigit(intDigits[idx]);
      j++;
    } else if (t.kind === 'literal' || t.kind === 'percent') out += t.text;
  }
  if (P === 0) for (const ch of intDigits) emitDigit(ch);
  if (pointIndex >= 0) {
    let fi = 0;
    let fracOut = '';
    for (const t of fracTokens) {
      if (t.kind === 'digit') {
        if (fi < frac.length) fracOut += frac[fi];
        fi++;
      } else if (t.kind === 'literal' || t.kind === 'percent') fracOut += t.text;
    }
    out += frac.length > 0 ? `.${fracOut}` : fracOut;
  }
  if (exponentIndex >= 0) {
    out += expText;
    for (const t of tokens.slice(exponentIndex + 1)) if (t.kind === 'literal' || t.kind === 'percent') out += t.text;
  }
  return (negative ? '-' : '') + out;
}
