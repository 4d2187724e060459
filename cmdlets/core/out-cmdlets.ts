// Out-String, Out-Null, Out-Host, Out-Default and Out-File: the end of a pipeline. Objects are formatted
// as the console shows them (registered views, tables, lists); the format lines written by Format-*
// pass through as they are.
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import { OutDefaultWriter, formatDefault } from '../../src/format/out-default.ts';
import { ENCODING_NAMES, encodeText } from './support/file-encoding.ts';
import { formatOptions } from './support/formatting.ts';
import { failPath, provider } from './support/paths.ts';
import { callerScope } from './support/script-invoke.ts';
import { ProviderError } from '../../src/providers/path-errors.ts';

const module = 'Microsoft.PowerShell.Utility';

function collect(ctx: CmdletContext, p: { InputObject?: unknown }): void {
  if (ctx.expectingInput) (ctx.state.items as unknown[]).push(ctx.inputObject);
  else if (p.InputObject !== undefined) (ctx.state.items as unknown[]).push(p.InputObject);
}

export const outString = defineCmdlet({
  name: 'Out-String',
  synopsis: 'Outputs input objects as a string.',
  description:
    'Formats the input objects as the console would show them and writes the text as one string, or, with -Stream, one string per line.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.OutStringCommand',
  parameters: {
    Stream: { type: 'switch', description: 'Writes each line as a separate string.' },
    Width: { type: 'int', validateRange: [2, 2147483647], description: 'The line width (the console width by default).' },
    InputObject: { type: 'psobject', valueFromPipeline: true, description: 'The objects to format; usually piped in.' },
  },
  examples: [
    { title: 'Text of a table', code: "([pscustomobject]@{Name='EDGE01'} | Out-String).Trim()", output: 'Name\n----\nEDGE01' },
    { title: 'One string per line', code: "[pscustomobject]@{Name='EDGE01'} | Format-List | Out-String -Stream | Where-Object { $_ }", output: 'Name : EDGE01' },
  ],
  begin(_p, ctx) {
    ctx.state.items = [];
  },
  process(p, ctx) {
    collect(ctx, p);
  },
  end(p, ctx) {
    const items = ctx.state.items as unknown[];
    const text = formatDefault(items, formatOptions(ctx, p.Width));
    if (!p.Stream) {
      ctx.write(text, false);
      return;
    }
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    for (const l of lines) ctx.write(l, false);
  },
});

export const outNull = defineCmdlet({
  name: 'Out-Null',
  synopsis: 'Hides the output instead of sending it down the pipeline or displaying it.',
  description: 'Discards its input objects. Errors and warnings are still shown.',
  module: 'Microsoft.PowerShell.Core',
  commandId: 'Microsoft.PowerShell.Commands.OutNullCommand',
  parameters: { InputObject: { type: 'psobject', valueFromPipeline: true, description: 'The objects to discard.' } },
  examples: [{ title: 'Discard output', code: "'contoso.com' | Out-Null\n'done'", output: 'done' }],
  process() {},
});

function hostWriter(name: string, synopsis: string, description: string, moduleName: string, commandId: string) {
  return defineCmdlet({
    name,
    aliases: name === 'Out-Host' ? ['oh'] : [],
    synopsis,
    description,
    module: moduleName,
    commandId,
    parameters: {
      InputObject: { type: 'psobject', valueFromPipeline: true, description: 'The objects to show.' },
      ...(name === 'Out-Host' ? { Paging: { type: 'switch' as const, description: 'Accepted for compatibility: output is not paged.' } } : {}),
    },
    examples: [{ title: 'Show objects on the console', code: `'contoso.com' | ${name}`, output: 'contoso.com' }],
    begin(_p: unknown, ctx: CmdletContext) {
      ctx.state.writer = new OutDefaultWriter(formatOptions(ctx));
    },
    process(p: { InputObject?: unknown }, ctx: CmdletContext) {
      const input = ctx.expectingInput ? ctx.inputObject : p.InputObject;
      if (!ctx.expectingInput && input === undefined) return;
      const text = (ctx.state.writer as OutDefaultWriter).write(input);
      if (text) ctx.session.host.writeOutput(text);
    },
    end(_p: unknown, ctx: CmdletContext) {
      const text = (ctx.state.writer as OutDefaultWriter).end();
      if (text) ctx.session.host.writeOutput(text);
    },
  });
}

export const outHost = hostWriter(
  'Out-Host',
  'Sends output to the command line.',
  'Formats the input objects and writes them to the console at once, instead of to the pipeline.',
  'Microsoft.PowerShell.Core',
  'Microsoft.PowerShell.Commands.OutHostCommand',
);
export const outDefault = hostWriter(
  'Out-Default',
  'Sends the output to the default formatter and to the default output cmdlet.',
  'Formats the input objects as the console shows the output of a command, and writes them to the console.',
  'Microsoft.PowerShell.Core',
  'Microsoft.PowerShell.Commands.OutDefaultCommand',
);

/** Writes text to a file as Out-File, Tee-Object and Add-Content do (errors terminate the command). */
export function writeTextFile(ctx: CmdletContext, path: string, text: string, options: { append?: boolean; noClobber?: boolean; encoding?: string; literal?: boolean }): void {
  let target;
  try {
    target = provider(ctx).resolve(path);
  } catch (e) {
    failPath(ctx, e, path);
  }
  if (options.noClobber && existsSync(target.native)) {
    ctx.fail({
      message: `The file '${target.psPath}' already exists.`,
      errorId: 'NoClobber',
      category: 'ResourceExists',
      targetObject: target.psPath,
      exceptionType: 'System.IO.IOException',
    });
  }
  try {
    const appending = options.append && existsSync(target.native);
    const bytes = encodeText(text, options.encoding, !appending);
    if (appending) appendFileSync(target.native, bytes);
    else writeFileSync(target.native, bytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      ctx.fail({
        message: `Could not find a part of the path '${target.psPath}'.`,
        errorId: 'FileOpenFailure',
        category: 'OpenError',
        targetObject: target.psPath,
        exceptionType: 'System.IO.DirectoryNotFoundException',
      });
    }
    if (e instanceof ProviderError) ctx.fail(e.spec());
    failPath(ctx, e, target.psPath, 'FileOpenFailure');
  }
}

export const outFile = defineCmdlet({
  name: 'Out-File',
  synopsis: 'Sends output to a file.',
  description:
    'Formats the input objects as the console would show them and writes the text to a file (UTF-8 without a byte order mark ' +
    'unless -Encoding says otherwise). -Append adds to the end of the file; -NoClobber refuses to replace an existing file.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.OutFileCommand',
  defaultParameterSet: 'ByPath',
  supportsShouldProcess: true,
  parameters: {
    FilePath: { type: 'string', position: 0, mandatory: true, aliases: ['Path'], sets: ['ByPath'], description: 'The file to write.' },
    LiteralPath: { type: 'string', mandatory: true, aliases: ['PSPath', 'LP'], sets: ['ByLiteralPath'], description: 'The file to write, taken literally.' },
    Encoding: { type: 'string', position: 1, validateSet: ENCODING_NAMES, description: 'The text encoding (UTF8 writes a byte order mark; utf8NoBOM does not).' },
    Append: { type: 'switch', description: 'Adds the output to the end of the file.' },
    Force: { type: 'switch', description: 'Overwrites a read-only file.' },
    NoClobber: { type: 'switch', aliases: ['NoOverwrite'], description: 'Does not replace an existing file.' },
    Width: { type: 'int', validateRange: [2, 2147483647], description: 'The line width of the formatted text.' },
    NoNewline: { type: 'switch', description: 'Writes the objects’ text without line breaks.' },
    InputObject: { type: 'psobject', valueFromPipeline: true, description: 'The objects to write; usually piped in.' },
  },
  examples: [
    {
      title: 'Save output to a file and read it back',
      code: "'contoso.com','fabrikam.com' | Out-File C:\\domains.txt\nGet-Content C:\\domains.txt",
      output: 'contoso.com\nfabrikam.com',
    },
  ],
  begin(_p, ctx) {
    ctx.state.items = [];
  },
  process(p, ctx) {
    collect(ctx, p);
  },
  async end(p, ctx) {
    const path = p.FilePath ?? p.LiteralPath!;
    if (!(await ctx.shouldProcess(path, 'Output to File'))) return;
    const items = ctx.state.items as unknown[];
    let text: string;
    if (p.NoNewline) text = items.map((i) => formatDefault([i], formatOptions(ctx, p.Width)).replace(/\n$/, '')).join('');
    else text = formatDefault(items, formatOptions(ctx, p.Width));
    writeTextFile(ctx, path, text, { append: p.Append, noClobber: p.NoClobber, encoding: p.Encoding });
  },
});

export const teeObject = defineCmdlet({
  name: 'Tee-Object',
  synopsis: 'Saves command output in a file or variable and also sends it down the pipeline.',
  description:
    'Passes its input objects on unchanged and also saves them: formatted as text in a file (-FilePath, -Append), or in a variable (-Variable).',
  module,
  commandId: 'Microsoft.PowerShell.Commands.TeeObjectCommand',
  aliases: ['tee'],
  defaultParameterSet: 'File',
  parameters: {
    InputObject: { type: 'psobject', valueFromPipeline: true, description: 'The objects to save and pass on.' },
    FilePath: { type: 'string', position: 0, mandatory: true, aliases: ['Path'], sets: ['File'], description: 'The file to save the formatted output in.' },
    LiteralPath: { type: 'string', mandatory: true, aliases: ['PSPath', 'LP'], sets: ['LiteralFile'], description: 'The file, taken literally.' },
    Append: { type: 'switch', sets: ['File'], description: 'Adds to the end of the file.' },
    Variable: { type: 'string', mandatory: true, sets: ['Variable'], description: 'The variable to save the objects in (without $).' },
  },
  examples: [
    { title: 'Keep a copy in a variable', code: "'contoso.com','fabrikam.com' | Tee-Object -Variable domains | Out-Null\n$domains.Count", output: '2' },
  ],
  begin(_p, ctx) {
    ctx.state.items = [];
  },
  process(p, ctx) {
    const input = ctx.expectingInput ? ctx.inputObject : p.InputObject;
    if (!ctx.expectingInput && input === undefined) return;
    (ctx.state.items as unknown[]).push(input);
    ctx.write(input, false);
  },
  end(p, ctx) {
    const items = ctx.state.items as unknown[];
    if (ctx.parameterSetName === 'Variable') {
      setCallerVariable(ctx, p.Variable!, items);
      return;
    }
    writeTextFile(ctx, p.FilePath ?? p.LiteralPath!, formatDefault(items, formatOptions(ctx)), { append: p.Append });
  },
});

function setCallerVariable(ctx: CmdletContext, name: string, value: unknown): void {
  callerScope(ctx).assign(name.replace(/^\$/, ''), value);
}

export const outCmdlets = [outString, outNull, outHost, outDefault, outFile, teeObject];
