// Invoke-Expression and the history cmdlets (Get-History, Invoke-History, Clear-History). Text run by
// Invoke-Expression is parsed and run in the caller's scope, so `iex '$x = 5'` sets $x there.
import { parseScript } from '../../grammar/parse.ts';
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import { registerView } from '../../src/format/views.ts';
import { parseErrorRecord } from '../../src/runtime/evaluator/parse-error.ts';
import { preloadCommands } from '../../src/runtime/evaluator/preload-commands.ts';
import { then, type MaybePromise } from '../../src/runtime/maybe-promise.ts';
import { ScriptBlock } from '../../src/runtime/scriptblock.ts';
import { PSObject } from '../../src/runtime/values.ts';

const utility = 'Microsoft.PowerShell.Utility';
const core = 'Microsoft.PowerShell.Core';
export const HISTORY_INFO = 'Microsoft.PowerShell.Commands.HistoryInfo';

registerView(HISTORY_INFO, { kind: 'table', columns: [{ label: 'Id', expression: 'Id', width: 4, alignment: 'right' }, 'CommandLine'] });

/** Parses and runs text in the caller's scope, writing its output. */
export function runExpression(ctx: CmdletContext, text: string): MaybePromise<void> {
  const source = { text };
  const parsed = parseScript(text);
  if (parsed.diagnostics.length > 0) ctx.fail(parseErrorRecord(parsed.diagnostics, source));
  const block = new ScriptBlock(parsed.ast, source);
  return then(then(preloadCommands(ctx.session, parsed.ast), () => ctx.invoke(block)), (out) => {
    for (const o of out) ctx.write(o, false);
  });
}

export const invokeExpression = defineCmdlet({
  name: 'Invoke-Expression',
  synopsis: 'Runs commands or expressions on the local computer.',
  description: 'Runs a string as PowerShell code in the current scope and writes its output. Variables it sets remain set.',
  module: utility,
  commandId: 'Microsoft.PowerShell.Commands.InvokeExpressionCommand',
  aliases: ['iex'],
  parameters: {
    Command: { type: 'string', position: 0, mandatory: true, valueFromPipeline: true, description: 'The code to run.' },
  },
  examples: [
    { title: 'Run code held in a string', code: "$command = 'Get-Date -Date 2026-01-02 -Format yyyy'\nInvoke-Expression $command", output: '2026' },
    { title: 'Variables set by the code stay set', code: "iex '$port = 25'\n$port", output: '25' },
  ],
  process(p, ctx) {
    return runExpression(ctx, p.Command ?? '');
  },
});

function historyInfo(h: { id: number; commandLine: string; start: Date; end?: Date }): PSObject {
  const o = new PSObject([HISTORY_INFO, 'System.Object']);
  o.setProperty('Id', h.id);
  o.setProperty('CommandLine', h.commandLine);
  o.setProperty('ExecutionStatus', 'Completed');
  o.setProperty('StartExecutionTime', h.start);
  o.setProperty('EndExecutionTime', h.end ?? h.start);
  o.defineMethod({ name: 'ToString', invoke: () => h.commandLine, definition: 'string ToString()' });
  return o;
}

function notFound(ctx: CmdletContext, id: number | string): void {
  ctx.writeError({
    message: `Cannot locate history for Id ${id}.`,
    errorId: 'GetHistoryItemNotFound',
    category: 'ObjectNotFound',
    targetObject: id,
    exceptionType: 'System.ArgumentException',
  });
}

export const getHistory = defineCmdlet({
  name: 'Get-History',
  synopsis: 'Gets a list of the commands entered during the current session.',
  description: 'Lists the commands typed in this session (Id and CommandLine), all or the last -Count, or by -Id.',
  module: core,
  commandId: 'Microsoft.PowerShell.Commands.GetHistoryCommand',
  aliases: ['h', 'history', 'ghy'],
  parameters: {
    Id: { type: 'int[]', position: 0, valueFromPipeline: true, description: 'The history entries to get.' },
    Count: { type: 'int', position: 1, validateRange: [0, 32767], description: 'How many of the last entries to get.' },
  },
  examples: [{ title: 'The commands typed so far', code: 'Get-History | Measure-Object | ForEach-Object Count', output: '0' }],
  process(p, ctx) {
    const history = ctx.session.history;
    if (p.Id) {
      for (const id of p.Id) {
        const h = history.find((x) => x.id === id);
        if (h) ctx.write(historyInfo(h), false);
        else notFound(ctx, id);
      }
      return;
    }
    const list = p.Count !== undefined ? history.slice(Math.max(0, history.length - p.Count)) : history.slice(-32);
    for (const h of list) ctx.write(historyInfo(h), false);
  },
});

export const invokeHistory = defineCmdlet({
  name: 'Invoke-History',
  synopsis: 'Runs commands from the session history.',
  description: 'Runs a command from the history again (the last one by default; by Id, or by the start of its text), showing it first.',
  module: core,
  commandId: 'Microsoft.PowerShell.Commands.InvokeHistoryCommand',
  aliases: ['r', 'ihy'],
  supportsShouldProcess: true,
  parameters: { Id: { type: 'string', position: 0, valueFromPipelineByPropertyName: true, description: 'The Id of the entry, or the start of its command line.' } },
  examples: [{ title: 'Nothing to run yet', code: "Invoke-History -ErrorAction SilentlyContinue\n'none'", output: 'none' }],
  async process(p, ctx) {
    const history = ctx.session.history;
    let entry;
    if (p.Id === undefined) entry = history[history.length - 1];
    else if (/^\d+$/.test(p.Id)) entry = history.find((h) => h.id === Number(p.Id));
    else entry = [...history].reverse().find((h) => h.commandLine.toLowerCase().startsWith(p.Id!.toLowerCase()));
    if (!entry) {
      if (p.Id === undefined) {
        ctx.writeError({ message: 'Cannot find the last command in the history.', errorId: 'InvokeHistoryNoLastHistoryEntryFound', category: 'InvalidOperation', exceptionType: 'System.InvalidOperationException' });
      } else notFound(ctx, p.Id);
      return;
    }
    if (!(await ctx.shouldProcess(entry.commandLine, 'Invoke-History'))) return;
    ctx.writeHost(entry.commandLine);
    await runExpression(ctx, entry.commandLine);
  },
});

export const clearHistory = defineCmdlet({
  name: 'Clear-History',
  synopsis: 'Deletes entries from the PowerShell session command history.',
  description: 'Deletes all history entries, those with the given Ids, the oldest -Count (the newest with -Newest), or those matching -CommandLine.',
  module: core,
  commandId: 'Microsoft.PowerShell.Commands.ClearHistoryCommand',
  aliases: ['clhy'],
  supportsShouldProcess: true,
  defaultParameterSet: 'IDParameter',
  parameters: {
    Id: { type: 'int[]', position: 0, sets: ['IDParameter'], description: 'The entries to delete.' },
    CommandLine: { type: 'string[]', sets: ['CommandLineParameter'], description: 'Entries whose command line matches (wildcards allowed).' },
    Count: { type: 'int', position: 1, description: 'How many entries to delete.' },
    Newest: { type: 'switch', description: 'Deletes the newest entries instead of the oldest.' },
  },
  examples: [{ title: 'Forget the history', code: 'Clear-History\n(Get-History).Count', output: '0' }],
  async process(p, ctx) {
    const history = ctx.session.history;
    let victims = [...history];
    if (p.Id) victims = victims.filter((h) => p.Id!.includes(h.id));
    if (p.CommandLine) {
      const res = p.CommandLine.map((c) => new RegExp(`^${c.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i'));
      victims = victims.filter((h) => res.some((r) => r.test(h.commandLine)));
    }
    if (p.Count !== undefined) victims = p.Newest ? victims.slice(-p.Count) : victims.slice(0, p.Count);
    if (!(await ctx.shouldProcess('History', 'Clear-History'))) return;
    for (const v of victims) history.splice(history.indexOf(v), 1);
  },
});

export const expressionCmdlets = [invokeExpression, getHistory, invokeHistory, clearHistory];
