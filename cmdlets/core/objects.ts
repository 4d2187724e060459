// ForEach-Object and Where-Object (script block forms; the simplified forms come with the core cmdlets).
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import { toBool } from '../../src/runtime/conversion.ts';
import { then } from '../../src/runtime/maybe-promise.ts';

const module = 'Microsoft.PowerShell.Core';

export const forEachObject = defineCmdlet({
  name: 'ForEach-Object',
  synopsis: 'Performs an operation against each item in a collection of input objects.',
  description: 'Runs the -Process script block once per input object, with $_ set to the object; -Begin and -End run before and after.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.ForEachObjectCommand',
  aliases: ['%', 'foreach'],
  parameters: {
    InputObject: { type: 'psobject', valueFromPipeline: true, description: 'The input objects.' },
    Process: { type: 'scriptblock[]', position: 0, mandatory: true, description: 'The script block run for each object.' },
    Begin: { type: 'scriptblock', description: 'Runs before the first input object.' },
    End: { type: 'scriptblock', description: 'Runs after the last input object.' },
  },
  examples: [{ code: '1..3 | ForEach-Object { $_ * 2 }', output: '2\n4\n6' }],
  begin(p, ctx) {
    if (p.Begin) return then(ctx.invoke(p.Begin), (out) => out.forEach((o) => ctx.write(o, false)));
  },
  process(p, ctx) {
    const blocks = p.Process ?? [];
    const input = ctx.expectingInput ? ctx.inputObject : undefined;
    if (blocks.length === 1) return then(ctx.invoke(blocks[0], { dollarUnder: input }), (out) => {
      for (const o of out) ctx.write(o, false);
    });
    const run = (i: number): void | Promise<void> => {
      for (; i < blocks.length; i++) {
        const r = ctx.invoke(blocks[i], { dollarUnder: input });
        if (r instanceof Promise) {
          const at = i;
          return r.then((out) => {
            for (const o of out) ctx.write(o, false);
            return run(at + 1);
          });
        }
        for (const o of r) ctx.write(o, false);
      }
    };
    return run(0);
  },
  end(p, ctx) {
    if (p.End) return then(ctx.invoke(p.End), (out) => out.forEach((o) => ctx.write(o, false)));
  },
});

export const whereObject = defineCmdlet({
  name: 'Where-Object',
  synopsis: 'Selects objects from a collection based on their property values.',
  description: 'Passes on the input objects for which the -FilterScript script block returns true.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.WhereObjectCommand',
  aliases: ['?', 'where'],
  parameters: {
    InputObject: { type: 'psobject', valueFromPipeline: true, description: 'The input objects.' },
    FilterScript: { type: 'scriptblock', position: 0, mandatory: true, description: 'The condition, with $_ set to each object.' },
  },
  examples: [{ code: '1..10 | Where-Object { $_ % 5 -eq 0 }', output: '5\n10' }],
  process(p, ctx) {
    const input = ctx.inputObject;
    return then(ctx.invoke(p.FilterScript!, { dollarUnder: input }), (out) => {
      if (toBool(out.length === 1 ? out[0] : out)) ctx.write(input, false);
    });
  },
});

export const coreObjectCmdlets = [forEachObject, whereObject];
