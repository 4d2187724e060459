// Format-List, Format-Table and Format-Wide: render the input objects (registered views, -Property with
// wildcards and calculated properties, -GroupBy, -AutoSize, -Wrap...) and write the text as format lines,
// so that `... | Format-List` at the prompt and `... | Format-List | Out-String` print the same text.
// Tables stream: rows arriving within 300 ms of the first size the columns, as in PowerShell.
import { defineCmdlet, type BoundParameters, type ParameterDeclarations } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import { FormatPipeline, type Shape } from '../../src/format/format-pipeline.ts';
import type { ShapeParameters } from '../../src/format/format-document.ts';
import { resolveSettings } from '../../src/format/options.ts';
import { AUTOSIZE_WINDOW_MS } from '../../src/format/out-default.ts';
import { expressionFailure } from './support/expressions.ts';
import { LineWriter, formatOptions, isFormatLine, propertySpec, propertySpecs } from './support/formatting.ts';

const module = 'Microsoft.PowerShell.Utility';

const common = {
  GroupBy: { type: 'object', description: 'Starts a new group of output whenever this property (or calculated property) changes.' },
  View: { type: 'string', description: 'Accepted for compatibility: the registered view of the type is used.' },
  ShowError: { type: 'switch', description: 'Accepted for compatibility.' },
  DisplayError: { type: 'switch', description: 'Accepted for compatibility.' },
  Force: { type: 'switch', description: 'Formats strings, numbers and error records as objects instead of printing them as they are.' },
  Expand: { type: 'string', validateSet: ['CoreOnly', 'EnumOnly', 'Both'], description: 'Accepted for compatibility: collections are formatted element by element.' },
  InputObject: { type: 'psobject', valueFromPipeline: true, description: 'The objects to format; usually piped in.' },
} satisfies ParameterDeclarations;

interface FormatState {
  pipeline: FormatPipeline;
  lines: LineWriter;
}

function begin(ctx: CmdletContext, shape: Shape, params: ShapeParameters): void {
  const timing = { now: Date.now, autosizeMs: AUTOSIZE_WINDOW_MS };
  const state: FormatState = { pipeline: new FormatPipeline(shape, params, resolveSettings(formatOptions(ctx)), timing), lines: new LineWriter(ctx) };
  ctx.state.format = state;
}

function process(ctx: CmdletContext, input: unknown): void {
  const state = ctx.state.format as FormatState;
  if (isFormatLine(input)) {
    state.lines.push(state.pipeline.flush());
    ctx.write(input, false);
    return;
  }
  state.lines.push(state.pipeline.write(input));
}

function end(ctx: CmdletContext): void {
  const state = ctx.state.format as FormatState;
  state.lines.push(state.pipeline.end());
  state.lines.end();
}

function inputOf(ctx: CmdletContext, p: { InputObject?: unknown }): unknown {
  return ctx.expectingInput ? ctx.inputObject : p.InputObject;
}

/** The begin/process/end of a Format-* cmdlet: render `shape` with the ShapeParameters its own parameters give. */
function formatterBlocks<B extends { Property?: unknown; InputObject?: unknown }>(shape: Shape, shapeParameters: (p: B, ctx: CmdletContext) => ShapeParameters) {
  return {
    begin(p: B, ctx: CmdletContext): void {
      try {
        begin(ctx, shape, shapeParameters(p, ctx));
      } catch (e) {
        expressionFailure(ctx, e, p.Property);
      }
    },
    process(p: B, ctx: CmdletContext): void {
      process(ctx, inputOf(ctx, p));
    },
    end(_p: B, ctx: CmdletContext): void {
      end(ctx);
    },
  };
}

const listParameters = {
  Property: { type: 'object[]', position: 0, description: 'The properties to show: names (wildcards allowed) or calculated properties.' },
  ...common,
} satisfies ParameterDeclarations;

const tableParameters = {
  Property: { type: 'object[]', position: 0, description: 'The columns: property names (wildcards allowed) or calculated properties.' },
  AutoSize: { type: 'switch', description: 'Sizes the columns to the widest values.' },
  HideTableHeaders: { type: 'switch', description: 'Leaves out the column headers.' },
  Wrap: { type: 'switch', description: 'Wraps long values onto more lines instead of truncating them.' },
  ...common,
} satisfies ParameterDeclarations;

const wideParameters = {
  Property: { type: 'object', position: 0, description: 'The property to show (a name or a calculated property).' },
  AutoSize: { type: 'switch', description: 'Fits as many columns as the widest value allows.' },
  Column: { type: 'int', validateRange: [1, 2147483647], description: 'The number of columns.' },
  ...common,
} satisfies ParameterDeclarations;

export const formatList = defineCmdlet({
  name: 'Format-List',
  synopsis: 'Formats the output as a list of properties in which each property appears on a new line.',
  description:
    'Shows each object as a list of `Name : value` lines, using the registered list view of its type or its properties. ' +
    '-Property chooses properties (`*` for all, wildcards, calculated properties with Name/Label, Expression and FormatString).',
  module,
  commandId: 'Microsoft.PowerShell.Commands.FormatListCommand',
  aliases: ['fl'],
  parameters: listParameters,
  examples: [
    {
      title: 'An object as a list',
      code: "[pscustomobject]@{Name='EDGE01'; Role='Edge'} | Format-List",
      output: 'Name : EDGE01\nRole : Edge',
    },
    {
      title: 'Chosen properties, including a calculated one',
      code: "[pscustomobject]@{Name='EDGE01'; Port=25} | Format-List Name, @{Label='Secure'; Expression={ $_.Port -eq 587 }}",
      output: 'Name   : EDGE01\nSecure : False',
    },
  ],
  ...formatterBlocks<BoundParameters<typeof listParameters>>('list', (p, ctx) => ({
    properties: p.Property ? propertySpecs(ctx, p.Property as unknown[], ['Name', 'Expression', 'FormatString']) : undefined,
    force: p.Force as boolean,
  })),
});

export const formatTable = defineCmdlet({
  name: 'Format-Table',
  synopsis: 'Formats the output as a table.',
  description:
    'Shows the objects as a table: the registered table view of their type, or the -Property columns (wildcards and calculated ' +
    'properties with Name/Label, Expression, FormatString, Width and Alignment). -AutoSize sizes the columns to the data, ' +
    '-Wrap wraps long values instead of cutting them with `...`, -GroupBy starts a new table when a value changes.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.FormatTableCommand',
  aliases: ['ft'],
  parameters: tableParameters,
  examples: [
    {
      title: 'Chosen columns',
      code: "[pscustomobject]@{Name='contoso.com'; Port=25; Tls=$true} | Format-Table Name, Port",
      output: 'Name        Port\n----        ----\ncontoso.com   25',
    },
    {
      title: 'A calculated column',
      code: "[pscustomobject]@{Name='mail'}, [pscustomobject]@{Name='edge'} | Format-Table @{Label='Host'; Expression={ $_.Name.ToUpper() }}",
      output: 'Host\n----\nMAIL\nEDGE',
    },
  ],
  ...formatterBlocks<BoundParameters<typeof tableParameters>>('table', (p, ctx) => ({
    properties: p.Property ? propertySpecs(ctx, p.Property as unknown[], ['Name', 'Expression', 'FormatString', 'Width', 'Alignment']) : undefined,
    autoSize: p.AutoSize || undefined,
    wrap: p.Wrap || undefined,
    hideTableHeaders: p.HideTableHeaders || undefined,
    groupBy: p.GroupBy !== undefined ? propertySpec(ctx, p.GroupBy, ['Name', 'Expression', 'FormatString']) : undefined,
    force: p.Force as boolean,
  })),
});

export const formatWide = defineCmdlet({
  name: 'Format-Wide',
  synopsis: 'Formats objects as a wide table that displays only one property of each object.',
  description: 'Shows one property of each object (the view’s, -Property, or the name) in several columns across the screen.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.FormatWideCommand',
  aliases: ['fw'],
  parameters: wideParameters,
  examples: [
    {
      title: 'Names in three columns',
      code: "'mail','smtp','edge','hub' | ForEach-Object { [pscustomobject]@{Name=$_} } | Format-Wide Name -Column 3",
      outputMatches: '^mail +smtp +edge *\\nhub',
    },
  ],
  ...formatterBlocks<BoundParameters<typeof wideParameters>>('wide', (p, ctx) => ({
    property: p.Property !== undefined ? propertySpec(ctx, p.Property, ['Name', 'Expression', 'FormatString']) : undefined,
    column: p.Column as number | undefined,
    autoSize: p.AutoSize || undefined,
    force: p.Force as boolean,
  })),
});

export const formatCmdlets = [formatList, formatTable, formatWide];
