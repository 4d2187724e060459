// New-TimeSpan (between two dates, or from days/hours/minutes/seconds) and Measure-Command (how long a
// script block takes; its output is discarded). Both write the TimeSpan values `[timespan]` and date
// subtraction give (src/runtime/values.ts).
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import { subtractDates } from '../../src/runtime/datetime.ts';
import { then } from '../../src/runtime/maybe-promise.ts';
import { TimeSpan } from '../../src/runtime/values.ts';

const module = 'Microsoft.PowerShell.Utility';

export const newTimeSpan = defineCmdlet({
  name: 'New-TimeSpan',
  synopsis: 'Creates a TimeSpan object.',
  description:
    'Writes the time between -Start and -End (each defaults to now; the result is negative when End is earlier), or a span ' +
    'made of -Days, -Hours, -Minutes and -Seconds. Start binds from the LastWriteTime of piped files.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.NewTimeSpanCommand',
  defaultParameterSet: 'Date',
  outputType: ['System.TimeSpan'],
  parameters: {
    Start: {
      type: 'datetime',
      position: 0,
      sets: ['Date'],
      valueFromPipelineByPropertyName: true,
      aliases: ['LastWriteTime'],
      description: 'The start of the span (default: now).',
    },
    End: { type: 'datetime', position: 1, sets: ['Date'], valueFromPipelineByPropertyName: true, description: 'The end of the span (default: now).' },
    Days: { type: 'int', sets: ['Time'], description: 'The days in the span.' },
    Hours: { type: 'int', sets: ['Time'], description: 'The hours in the span.' },
    Minutes: { type: 'int', sets: ['Time'], description: 'The minutes in the span.' },
    Seconds: { type: 'int', sets: ['Time'], description: 'The seconds in the span.' },
  },
  examples: [
    { title: 'A span from its parts', code: 'New-TimeSpan -Hours 1 -Minutes 30 | ForEach-Object TotalMinutes', output: '90' },
    { title: 'The time between two dates', code: "(New-TimeSpan -Start '2026-01-01' -End '2026-03-01').Days", output: '59' },
    {
      title: 'As PowerShell lists it',
      code: 'New-TimeSpan -Days 2 -Seconds 5',
      output:
        'Days              : 2\nHours             : 0\nMinutes           : 0\nSeconds           : 5\nMilliseconds      : 0\n' +
        'Ticks             : 1728050000000\nTotalDays         : 2.00005787037037\nTotalHours        : 48.0013888888889\n' +
        'TotalMinutes      : 2880.08333333333\nTotalSeconds      : 172805\nTotalMilliseconds : 172805000',
    },
  ],
  process(p, ctx) {
    if (ctx.parameterSetName === 'Time') {
      ctx.write(TimeSpan.fromParts(p.Days ?? 0, p.Hours ?? 0, p.Minutes ?? 0, p.Seconds ?? 0), false);
      return;
    }
    const now = new Date();
    ctx.write(subtractDates(p.End ?? now, p.Start ?? now), false);
  },
});

export const measureCommand = defineCmdlet({
  name: 'Measure-Command',
  synopsis: 'Measures the time it takes to run a script block.',
  description:
    'Runs -Expression (once per piped object, with $_ set to it, or once without input) and writes the elapsed time as one ' +
    'TimeSpan. What the script block writes to the output stream is discarded; errors and host text still show. As in PowerShell, ' +
    'the block runs in the caller\'s scope (dot-sourced): variables it sets remain afterwards.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.MeasureCommandCommand',
  outputType: ['System.TimeSpan'],
  parameters: {
    InputObject: { type: 'psobject', valueFromPipeline: true, allowNull: true, description: 'Objects to run the script block for ($_).' },
    Expression: { type: 'scriptblock', position: 0, mandatory: true, description: 'The script block to time.' },
  },
  examples: [
    { title: 'Time a loop (its output is discarded)', code: 'Measure-Command { 1..1000 | ForEach-Object { $_ } } | ForEach-Object { $_.GetType().Name }', output: 'TimeSpan' },
    { title: 'Run for each piped object', code: "$n = 0\n1..3 | Measure-Command { $script:n += $_ } | Out-Null\n$n", output: '6' },
  ],
  begin(_p, ctx) {
    ctx.state.elapsed = 0;
  },
  process(p, ctx) {
    const started = performance.now();
    const ran = ctx.invoke(p.Expression!, ctx.expectingInput ? { dollarUnder: ctx.inputObject } : undefined);
    return then(ran, () => {
      ctx.state.elapsed += performance.now() - started;
    }) as void | Promise<void>;
  },
  end(_p, ctx) {
    ctx.write(new TimeSpan(Math.round(ctx.state.elapsed * 10_000) / 10_000), false);
  },
});
