// Measure-Object: Count, Sum, Average, Minimum, Maximum of numbers or of properties (GenericMeasureInfo,
// shown as the 5.1 list), and Lines/Words/Characters of text (TextMeasureInfo). Checked against
// PowerShell's Measure-Object.Tests.ps1 (null for statistics not asked for, non-numeric input errors,
// words split on white space, -IgnoreWhiteSpace for characters).
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import { sortCompare } from '../../src/runtime/comparison.ts';
import { toDouble } from '../../src/runtime/conversion-scalars.ts';
import { toPSString } from '../../src/runtime/to-string.ts';
import { PSObject, baseValue } from '../../src/runtime/values.ts';
import { getProperty, hasProperty } from './support/properties.ts';
import { matchingNames } from './support/expressions.ts';
import { hasWildcardCharacters } from '../../src/runtime/wildcard.ts';

const module = 'Microsoft.PowerShell.Utility';
export const GENERIC_MEASURE = 'Microsoft.PowerShell.Commands.GenericMeasureInfo';
export const TEXT_MEASURE = 'Microsoft.PowerShell.Commands.TextMeasureInfo';


interface Stat {
  name: string;
  count: number;
  sum: number;
  numeric: boolean;
  min: unknown;
  max: unknown;
  lines: number;
  words: number;
  chars: number;
  found: boolean;
}

function newStat(name: string): Stat {
  return { name, count: 0, sum: 0, numeric: true, min: undefined, max: undefined, lines: 0, words: 0, chars: 0, found: false };
}

function asNumber(v: unknown): number | undefined {
  const b = baseValue(v);
  if (typeof b === 'number') return b;
  if (typeof b === 'bigint') return Number(b);
  try {
    const n = toDouble(b);
    return Number.isNaN(n) && typeof b !== 'number' ? undefined : n;
  } catch {
    return undefined;
  }
}

interface MeasureParams {
  Sum: boolean;
  Average: boolean;
  Maximum: boolean;
  Minimum: boolean;
  Line: boolean;
  Word: boolean;
  Character: boolean;
  IgnoreWhiteSpace: boolean;
}

function measureValue(ctx: CmdletContext, p: MeasureParams, st: Stat, value: unknown, text: boolean): void {
  if (value === null || value === undefined) return;
  st.found = true;
  if (text) {
    const s = toPSString(value);
    if (p.Line) st.lines += s === '' ? 0 : s.split(/\r\n|\n|\r/).filter((l, i, all) => l !== '' || i < all.length - 1).length;
    if (p.Word) st.words += s.split(/\s+/).filter(Boolean).length;
    if (p.Character) st.chars += p.IgnoreWhiteSpace ? s.replace(/\s/g, '').length : s.length;
    return;
  }
  st.count++;
  if (!p.Sum && !p.Average && !p.Maximum && !p.Minimum) return;
  const n = asNumber(value);
  if (p.Sum || p.Average) {
    if (n === undefined) {
      ctx.writeError({ message: `Input object "${toPSString(value)}" is not numeric.`, errorId: 'NonNumericInputObject', category: 'InvalidType', targetObject: value });
      st.count--;
      return;
    }
    st.sum += n;
  }
  if (p.Maximum || p.Minimum) {
    const v = n !== undefined && typeof baseValue(value) !== 'string' ? n : value;
    if (n === undefined || typeof baseValue(value) === 'string') st.numeric = st.numeric && n !== undefined;
    const cmpValue = st.numeric && n !== undefined ? n : v;
    if (st.min === undefined || sortCompare(cmpValue, st.min) < 0) st.min = cmpValue;
    if (st.max === undefined || sortCompare(cmpValue, st.max) > 0) st.max = cmpValue;
  }
}

/** One input object measured as a whole (no -Property). */
function measureWhole(ctx: CmdletContext, p: MeasureParams, st: Stat, text: boolean, input: unknown): void {
  if (input === null || input === undefined) {
    if (!text) st.count++;
    return;
  }
  // The common `| Measure-Object -Sum` over plain numbers: no conversion to try.
  if (!text && typeof input === 'number' && !p.Maximum && !p.Minimum) {
    st.found = true;
    st.count++;
    if (p.Sum || p.Average) st.sum += input;
    return;
  }
  measureValue(ctx, p, st, input, text);
}

export const measureObject = defineCmdlet({
  name: 'Measure-Object',
  synopsis: 'Calculates the numeric properties of objects, and the characters, words, and lines in string objects.',
  description:
    'Counts the input objects and, on request, computes the Sum, Average, Minimum and Maximum of them or of a property ' +
    '(a GenericMeasureInfo per property; statistics not asked for are $null). With -Line, -Word or -Character it measures ' +
    'text instead (a TextMeasureInfo).',
  module,
  commandId: 'Microsoft.PowerShell.Commands.MeasureObjectCommand',
  aliases: ['measure'],
  defaultParameterSet: 'GenericMeasure',
  parameters: {
    InputObject: { type: 'psobject', valueFromPipeline: true, allowNull: true, description: 'The objects to measure; usually piped in.' },
    Property: { type: 'string[]', position: 0, description: 'The properties to measure (wildcards allowed).' },
    Sum: { type: 'switch', sets: ['GenericMeasure'], description: 'Adds the values.' },
    Average: { type: 'switch', sets: ['GenericMeasure'], description: 'Averages the values.' },
    Maximum: { type: 'switch', sets: ['GenericMeasure'], description: 'Finds the largest value.' },
    Minimum: { type: 'switch', sets: ['GenericMeasure'], description: 'Finds the smallest value.' },
    Line: { type: 'switch', sets: ['TextMeasure'], description: 'Counts the lines of text.' },
    Word: { type: 'switch', sets: ['TextMeasure'], description: 'Counts the words (runs of non-white-space characters).' },
    Character: { type: 'switch', sets: ['TextMeasure'], description: 'Counts the characters.' },
    IgnoreWhiteSpace: { type: 'switch', sets: ['TextMeasure'], description: 'Leaves white space out of the character count.' },
  },
  examples: [
    { title: 'Count objects', code: '1..10 | Measure-Object | Select-Object -ExpandProperty Count', output: '10' },
    {
      title: 'Statistics of numbers',
      code: '1, 2, 3 | Measure-Object -Sum -Average -Maximum -Minimum',
      output: 'Count    : 3\nAverage  : 2\nSum      : 6\nMaximum  : 3\nMinimum  : 1\nProperty :',
    },
    {
      title: 'Measure text',
      code: '"one two`nthree" | Measure-Object -Line -Word -Character',
      output: 'Lines Words Characters Property\n----- ----- ---------- --------\n    2     3         13',
    },
  ],
  begin(p, ctx) {
    ctx.state.stats = new Map<string, Stat>();
    ctx.state.text = ctx.parameterSetName === 'TextMeasure';
    if (!p.Property) {
      const whole = newStat('');
      (ctx.state.stats as Map<string, Stat>).set('', whole);
      ctx.state.whole = whole;
      const text = ctx.state.text as boolean;
      ctx.handleInput((input) => measureWhole(ctx, p, whole, text, input));
    }
  },
  process(p, ctx) {
    const input = ctx.expectingInput ? ctx.inputObject : p.InputObject;
    if (!ctx.expectingInput && input === undefined) return;
    const text = ctx.state.text as boolean;
    if (!p.Property) {
      measureWhole(ctx, p, ctx.state.whole as Stat, text, input);
      return;
    }
    const stats = ctx.state.stats as Map<string, Stat>;
    for (const prop of p.Property) {
      const names = hasWildcardCharacters(prop) ? matchingNames(input, prop) : [prop];
      if (!stats.has(prop.toLowerCase()) && !hasWildcardCharacters(prop)) stats.set(prop.toLowerCase(), newStat(prop));
      for (const name of names) {
        const key = name.toLowerCase();
        let st = stats.get(key);
        if (!st) {
          st = newStat(name);
          stats.set(key, st);
        }
        if (!hasProperty(input, name)) continue;
        measureValue(ctx, p, st, getProperty(input, name), text);
      }
    }
  },
  end(p, ctx) {
    const stats = ctx.state.stats as Map<string, Stat>;
    const text = ctx.state.text as boolean;
    for (const st of stats.values()) {
      if (p.Property && !st.found) {
        ctx.writeError({
          message: `The property "${st.name}" cannot be found in the input for any objects.`,
          errorId: text ? 'TextMeasurePropertyNotFound' : 'GenericMeasurePropertyNotFound',
          category: 'InvalidArgument',
          targetObject: st.name,
        });
        continue;
      }
      if (text) {
        const info = new PSObject([TEXT_MEASURE, 'Microsoft.PowerShell.Commands.MeasureInfo', 'System.Object']);
        info.setProperty('Lines', p.Line ? st.lines : null);
        info.setProperty('Words', p.Word ? st.words : null);
        info.setProperty('Characters', p.Character ? st.chars : null);
        info.setProperty('Property', st.name || null);
        ctx.write(info, false);
        continue;
      }
      const info = new PSObject([GENERIC_MEASURE, 'Microsoft.PowerShell.Commands.MeasureInfo', 'System.Object']);
      info.setProperty('Count', st.count);
      info.setProperty('Average', p.Average ? (st.count ? st.sum / st.count : null) : null);
      info.setProperty('Sum', p.Sum ? st.sum : null);
      info.setProperty('Maximum', p.Maximum ? (st.max ?? null) : null);
      info.setProperty('Minimum', p.Minimum ? (st.min ?? null) : null);
      info.setProperty('Property', st.name || null);
      ctx.write(info, false);
    }
  },
});
