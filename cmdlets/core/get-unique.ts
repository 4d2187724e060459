// Get-Unique: drops each input object equal to the one just before it, so it removes duplicates only
// from sorted input (as Windows PowerShell 5.1 does). Comparison is case-sensitive; -AsString compares
// the objects' text, -OnType their type names.
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import { psEquals } from '../../src/runtime/comparison.ts';
import { typeNamesOf } from '../../src/runtime/psobject-view.ts';
import { toPSString } from '../../src/runtime/to-string.ts';
import { AutomationNull } from '../../src/runtime/values.ts';

const NOTHING_YET = Symbol('nothing yet');

function keyOf(input: unknown, setName: string, asString: boolean): unknown {
  if (setName === 'UniqueByType') return typeNamesOf(input)[0] ?? '';
  return asString ? toPSString(input) : input;
}

export const getUnique = defineCmdlet({
  name: 'Get-Unique',
  synopsis: 'Returns unique items from a sorted list.',
  description:
    'Writes each input object unless it equals the object just before it, so duplicates are removed only when the input is ' +
    'sorted (pipe through Sort-Object first). Strings compare case-sensitively. -AsString compares the objects as text; ' +
    '-OnType writes the first object of each run of objects of the same type.',
  module: 'Microsoft.PowerShell.Utility',
  commandId: 'Microsoft.PowerShell.Commands.GetUniqueCommand',
  aliases: ['gu'],
  defaultParameterSet: 'AsString',
  parameters: {
    InputObject: { type: 'psobject', valueFromPipeline: true, allowNull: true, description: 'The objects to filter; usually piped in.' },
    AsString: { type: 'switch', sets: ['AsString'], description: 'Compares the objects as strings.' },
    OnType: { type: 'switch', sets: ['UniqueByType'], description: 'Writes one object of each run of objects of the same type.' },
  },
  examples: [
    { title: 'Unique values of a sorted list', code: '1, 1, 2, 3, 3, 3, 4 | Get-Unique', output: '1\n2\n3\n4' },
    { title: 'Unsorted input keeps repeats that are not adjacent', code: "'a', 'b', 'a' | Get-Unique", output: 'a\nb\na' },
    { title: 'Strings compare case-sensitively', code: "'mail', 'mail', 'MAIL' | Get-Unique", output: 'mail\nMAIL' },
    { title: 'One object per run of types', code: "1, 2, 'x', 'y', 3 | Get-Unique -OnType", output: '1\nx\n3' },
  ],
  begin(_p, ctx) {
    ctx.state.last = NOTHING_YET;
  },
  process(p, ctx) {
    const input = ctx.expectingInput ? ctx.inputObject : p.InputObject;
    if (input === AutomationNull) return;
    const key = keyOf(input, ctx.parameterSetName, p.AsString);
    const last = ctx.state.last;
    ctx.state.last = key;
    if (last !== NOTHING_YET && (typeof key === 'string' && typeof last === 'string' ? key === last : psEquals(key, last, true))) return;
    ctx.write(input, false);
  },
});
