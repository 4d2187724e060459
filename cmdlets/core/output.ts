// Write-Output and friends: the cmdlets that write to the output and diagnostic streams.
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import { toPSString } from '../../src/runtime/to-string.ts';

const module = 'Microsoft.PowerShell.Utility';

export const writeOutput = defineCmdlet({
  name: 'Write-Output',
  synopsis: 'Sends the specified objects to the next command in the pipeline.',
  description:
    'Writes objects to the success stream. If it is the last command in the pipeline, the objects are displayed in the console. Arrays are enumerated unless -NoEnumerate is given.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.WriteOutputCommand',
  aliases: ['echo', 'write'],
  parameters: {
    InputObject: {
      type: 'object[]',
      position: 0,
      mandatory: true,
      valueFromPipeline: true,
      valueFromRemainingArguments: true,
      allowNull: true,
      description: 'The objects to send down the pipeline.',
    },
    NoEnumerate: { type: 'switch', description: 'Writes a collection as one object instead of enumerating it.' },
  },
  examples: [
    { code: 'Write-Output "test output"', output: 'test output' },
    { code: 'Write-Output 1,2,3 | Measure-Object -Sum | Select-Object -ExpandProperty Sum', output: '6' },
  ],
  process(p, ctx) {
    const values = p.InputObject;
    if (ctx.expectingInput) ctx.write(ctx.inputObject, !p.NoEnumerate);
    // `Write-Output $null` writes one $null, as PowerShell's WriteObject(null) does.
    else if (values === null || values === undefined) ctx.write(null, false);
    else if (values.length === 1) ctx.write(values[0], !p.NoEnumerate);
    else ctx.write(values, !p.NoEnumerate);
  },
});

export const writeHost = defineCmdlet({
  name: 'Write-Host',
  synopsis: 'Writes customized output to the host.',
  description: 'Writes text straight to the host, not to the pipeline. Use -NoNewline to stay on the same line.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.WriteHostCommand',
  parameters: {
    Object: { type: 'object', position: 0, valueFromPipeline: true, valueFromRemainingArguments: true, description: 'Objects to display.' },
    NoNewline: { type: 'switch', description: 'Does not end with a newline.' },
    Separator: { type: 'object', description: 'Separator between objects.' },
    ForegroundColor: { type: 'string', description: 'Text colour.' },
    BackgroundColor: { type: 'string', description: 'Background colour.' },
  },
  examples: [{ code: 'Write-Host "Domain security is on"', output: 'Domain security is on' }],
  process(p, ctx) {
    const value = ctx.expectingInput ? ctx.inputObject : p.Object;
    const sep = p.Separator === undefined ? ' ' : toPSString(p.Separator);
    const text = Array.isArray(value) ? value.map(toPSString).join(sep) : toPSString(value);
    ctx.writeHost(text, { noNewline: p.NoNewline, foreground: p.ForegroundColor, background: p.BackgroundColor });
  },
});

export const coreOutputCmdlets = [writeOutput, writeHost];
