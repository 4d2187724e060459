// Get-Random: a random number (an integer in [Minimum, Maximum) when both bounds are integers, else a
// double), or -Count random items of the input without repeats. -SetSeed makes the sequence repeatable.
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import { toNumber } from '../../src/runtime/conversion.ts';
import { toPSString } from '../../src/runtime/to-string.ts';

const INT32_MAX = 2_147_483_647;
const GENERATOR = 'get-random.generator';

/** mulberry32: small, fast and repeatable for a given seed (Get-Random is not for cryptography). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The session's generator: Math.random until -SetSeed, then the seeded sequence (as .NET keeps its Random). */
function generator(ctx: CmdletContext, seed: number | undefined): () => number {
  if (seed !== undefined) ctx.session.services.set(GENERATOR, seeded(seed));
  return (ctx.session.services.get(GENERATOR) as (() => number) | undefined) ?? Math.random;
}

function bound(ctx: CmdletContext, name: string, value: unknown): number {
  try {
    return Number(toNumber(value, 'System.Double'));
  } catch {
    return ctx.fail({
      message: `Cannot convert value "${toPSString(value)}" of parameter ${name} to a number.`,
      errorId: 'InvalidCastFromStringToDouble',
      category: 'InvalidArgument',
      targetObject: value,
      exceptionType: 'System.Management.Automation.PSInvalidCastException',
    });
  }
}

export const getRandom = defineCmdlet({
  name: 'Get-Random',
  synopsis: 'Gets a random number, or selects objects randomly from a collection.',
  description:
    'Without input, returns a random integer from 0 up to (not including) -Maximum (default Int32.MaxValue), or from -Minimum. ' +
    'If either bound is a fraction the result is a double. With input objects, returns -Count of them (default 1) chosen at ' +
    'random, without repeats. -SetSeed starts a repeatable sequence for this session.',
  module: 'Microsoft.PowerShell.Utility',
  commandId: 'Microsoft.PowerShell.Commands.GetRandomCommand',
  defaultParameterSet: 'RandomNumberParameterSet',
  parameters: {
    Maximum: { type: 'object', position: 0, sets: ['RandomNumberParameterSet'], description: 'The exclusive upper bound.' },
    Minimum: { type: 'object', sets: ['RandomNumberParameterSet'], description: 'The inclusive lower bound (default 0).' },
    InputObject: {
      type: 'object[]',
      position: 0,
      mandatory: true,
      valueFromPipeline: true,
      sets: ['RandomListItemParameterSet'],
      description: 'The collection to pick from.',
    },
    Count: { type: 'int', sets: ['RandomListItemParameterSet'], description: 'How many objects to return (default 1).' },
    SetSeed: { type: 'int', description: 'A seed for a repeatable sequence.' },
  },
  examples: [
    { title: 'A repeatable integer below 100', code: 'Get-Random -Maximum 100 -SetSeed 7 | ForEach-Object { $_ -ge 0 -and $_ -lt 100 }', output: 'True' },
    { title: 'Two different items of a list', code: "$pick = 'mail1','mail2','mail3' | Get-Random -Count 2\n($pick | Sort-Object -Unique).Count", output: '2' },
  ],
  begin(_p, ctx) {
    ctx.state.items = [];
  },
  process(p, ctx) {
    if (ctx.parameterSetName !== 'RandomListItemParameterSet') return;
    const items = ctx.state.items as unknown[];
    if (ctx.expectingInput) items.push(ctx.inputObject);
    else for (const item of p.InputObject ?? []) items.push(item);
  },
  end(p, ctx) {
    const random = generator(ctx, p.SetSeed);
    if (ctx.parameterSetName === 'RandomListItemParameterSet') {
      const items = [...(ctx.state.items as unknown[])];
      const count = Math.min(p.Count ?? 1, items.length);
      for (let i = 0; i < count; i++) {
        const j = i + Math.floor(random() * (items.length - i));
        [items[i], items[j]] = [items[j], items[i]];
        ctx.write(items[i], false);
      }
      return;
    }
    const max = p.Maximum === undefined ? INT32_MAX : bound(ctx, 'Maximum', p.Maximum);
    const min = p.Minimum === undefined ? 0 : bound(ctx, 'Minimum', p.Minimum);
    if (min >= max) {
      ctx.fail({
        message: `The Minimum value (${toPSString(p.Minimum ?? 0)}) cannot be greater than or equal to the Maximum value (${toPSString(p.Maximum ?? INT32_MAX)}).`,
        errorId: 'MinGreaterThanOrEqualMax',
        category: 'InvalidArgument',
        exceptionType: 'System.ArgumentException',
      });
    }
    const integral = Number.isInteger(min) && Number.isInteger(max);
    const value = min + random() * (max - min);
    ctx.write(integral ? Math.floor(value) : value, false);
  },
});
