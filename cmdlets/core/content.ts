// Get-Content, Set-Content, Add-Content and Clear-Content. Text is read line by line (or whole with
// -Raw); `-Encoding Byte` reads bytes, and with `-ReadCount 0` writes them as one byte array, so
// `[Byte[]](Get-Content -Path x -Encoding byte -ReadCount 0)` gives the file's bytes, as Exchange's
// Import-ExchangeCertificate examples use it.
import { appendFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import type { ResolvedPath } from '../../src/providers/filesystem.ts';
import { toPSString } from '../../src/runtime/to-string.ts';
import { toInteger } from '../../src/runtime/conversion-scalars.ts';
import { baseValue, enumerate } from '../../src/runtime/values.ts';
import { ENCODING_NAMES, decodeBytes, encodeText, isByteEncoding, splitLines } from './support/file-encoding.ts';
import { provider, reportPathError, resolveExisting } from './support/paths.ts';
import { wildcardToRegExp } from '../../src/runtime/wildcard.ts';

const module = 'Microsoft.PowerShell.Management';

const pathParams = {
  Path: {
    type: 'string[]' as const,
    position: 0,
    mandatory: true,
    valueFromPipelineByPropertyName: true,
    sets: ['Path'],
    description: 'The files (wildcards allowed).',
  },
  LiteralPath: {
    type: 'string[]' as const,
    mandatory: true,
    aliases: ['PSPath', 'LP'],
    valueFromPipelineByPropertyName: true,
    sets: ['LiteralPath'],
    description: 'The files, taken literally.',
  },
};

function directoryError(ctx: CmdletContext, p: ResolvedPath, reading: boolean): void {
  ctx.writeError({
    message: `Access to the path '${p.psPath}' is denied.`,
    errorId: reading ? 'GetContentReaderUnauthorizedAccessError' : 'GetContentWriterUnauthorizedAccessError',
    category: 'PermissionDenied',
    targetObject: p.psPath,
    exceptionType: 'System.UnauthorizedAccessException',
  });
}

function filterByName(items: ResolvedPath[], include?: string[], exclude?: string[]): ResolvedPath[] {
  const inc = include?.map((x) => wildcardToRegExp(x));
  const exc = exclude?.map((x) => wildcardToRegExp(x));
  return items.filter((i) => {
    const name = i.segments[i.segments.length - 1] ?? '';
    return (!inc || inc.some((r) => r.test(name))) && (!exc || !exc.some((r) => r.test(name)));
  });
}

export const getContent = defineCmdlet({
  name: 'Get-Content',
  synopsis: 'Gets the content of the item at the specified location.',
  description:
    'Writes the lines of a text file, one string per line (a byte order mark sets the encoding; UTF-8 otherwise). -Raw writes ' +
    'the whole text as one string; -TotalCount (-Head) and -Tail take lines from the start or the end; -ReadCount n writes ' +
    'arrays of n lines (0: all lines in one array). -Encoding Byte reads bytes instead; with -ReadCount 0 or -Raw they come as ' +
    'one byte array.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.GetContentCommand',
  aliases: ['gc', 'cat', 'type'],
  defaultParameterSet: 'Path',
  parameters: {
    ...pathParams,
    ReadCount: { type: 'long', valueFromPipelineByPropertyName: true, defaultDescription: '1', description: 'How many lines (or bytes) to write at a time; 0 writes everything as one array.' },
    TotalCount: { type: 'long', aliases: ['First', 'Head'], valueFromPipelineByPropertyName: true, description: 'How many lines to read from the start.' },
    Tail: { type: 'int', aliases: ['Last'], valueFromPipelineByPropertyName: true, description: 'How many lines to read from the end.' },
    Filter: { type: 'string', description: 'A wildcard pattern the file names must match.' },
    Include: { type: 'string[]', description: 'Wildcard patterns of file names to read.' },
    Exclude: { type: 'string[]', description: 'Wildcard patterns of file names to skip.' },
    Force: { type: 'switch', description: 'Reads hidden files too.' },
    Delimiter: { type: 'string', description: 'The text that ends each "line" (a newline by default).' },
    Wait: { type: 'switch', description: 'Accepted for compatibility: the file is read once.' },
    Raw: { type: 'switch', description: 'Writes the whole content as one string (or one byte array).' },
    Encoding: { type: 'string', validateSet: ENCODING_NAMES, description: 'The encoding of the file; Byte reads bytes.' },
    Stream: { type: 'string', description: 'Not supported (NTFS alternate data streams).' },
  },
  examples: [
    { title: 'Read a text file', setup: "Set-Content C:\\domains.txt 'contoso.com','fabrikam.com'", code: 'Get-Content C:\\domains.txt', output: 'contoso.com\nfabrikam.com' },
    {
      title: 'Read a file as bytes',
      setup: "Set-Content C:\\request.p7b 'ABC' -NoNewline",
      code: '$bytes = [Byte[]](Get-Content -Path C:\\request.p7b -Encoding Byte -ReadCount 0)\n$bytes.Length\n$bytes[0]',
      output: '3\n65',
    },
    { title: 'The last line', setup: "Set-Content C:\\log.txt 'one','two','three'", code: 'Get-Content C:\\log.txt -Tail 1', output: 'three' },
  ],
  process(p, ctx) {
    const literal = (p.LiteralPath !== undefined && p.Path === undefined);
    let items = resolveExisting(ctx, (literal ? p.LiteralPath : p.Path) ?? [], literal);
    items = filterByName(items, p.Filter ? [p.Filter, ...(p.Include ?? [])] : p.Include, p.Exclude);
    const readCount = p.ReadCount ?? 1;
    for (const item of items) {
      let bytes: Buffer;
      try {
        if (statSync(item.native).isDirectory()) {
          directoryError(ctx, item, true);
          continue;
        }
        bytes = readFileSync(item.native);
      } catch (e) {
        reportPathError(ctx, e, item.psPath, 'GetContentReaderIOError');
        continue;
      }
      if (isByteEncoding(p.Encoding)) {
        let data = new Uint8Array(bytes);
        if (p.TotalCount !== undefined && p.TotalCount >= 0) data = data.slice(0, p.TotalCount);
        if (p.Tail !== undefined && p.Tail >= 0) data = data.slice(Math.max(0, data.length - p.Tail));
        writeChunks(ctx, Array.from(data), p.Raw ? 0 : readCount, true);
        continue;
      }
      const text = decodeBytes(bytes, p.Encoding);
      if (p.Raw) {
        ctx.write(text, false);
        continue;
      }
      let lines = splitLines(text, p.Delimiter);
      if (p.TotalCount !== undefined && p.TotalCount >= 0) lines = lines.slice(0, p.TotalCount);
      if (p.Tail !== undefined && p.Tail >= 0) lines = lines.slice(Math.max(0, lines.length - p.Tail));
      writeChunks(ctx, lines, readCount, false);
    }
  },
});

function writeChunks(ctx: CmdletContext, values: unknown[], readCount: number, bytes: boolean): void {
  if (readCount <= 0) {
    ctx.write(bytes ? Uint8Array.from(values as number[]) : values, false);
    return;
  }
  if (readCount === 1) {
    for (const v of values) ctx.write(v, false);
    return;
  }
  for (let i = 0; i < values.length; i += readCount) {
    const chunk = values.slice(i, i + readCount);
    ctx.write(bytes ? Uint8Array.from(chunk as number[]) : chunk, false);
  }
}

/** The bytes of -Value for -Encoding Byte: numbers and byte arrays. */
function valueBytes(values: unknown[]): Buffer {
  const out: number[] = [];
  for (const v of values) {
    for (const item of enumerate(baseValue(v))) out.push(Number(toInteger(item)) & 0xff);
  }
  return Buffer.from(out);
}

function valueText(values: unknown[], noNewline: boolean): string {
  const parts: string[] = [];
  for (const v of values) for (const item of enumerate(baseValue(v))) parts.push(toPSString(item));
  return noNewline ? parts.join('') : parts.map((x) => `${x}\n`).join('');
}

function writeContent(
  ctx: CmdletContext,
  p: { Path?: string[]; LiteralPath?: string[]; Encoding?: string; NoNewline: boolean; PassThru: boolean; Include?: string[]; Exclude?: string[]; Filter?: string },
  values: unknown[],
  append: boolean,
): void {
  const literal = (p.LiteralPath !== undefined && p.Path === undefined);
  const fs = provider(ctx);
  for (const raw of (literal ? p.LiteralPath : p.Path) ?? []) {
    let targets: ResolvedPath[];
    try {
      targets = literal || !/[*?[]/.test(raw) ? [fs.resolve(raw)] : resolveExisting(ctx, [raw], false);
    } catch (e) {
      reportPathError(ctx, e, raw);
      continue;
    }
    targets = filterByName(targets, p.Filter ? [p.Filter, ...(p.Include ?? [])] : p.Include, p.Exclude);
    for (const t of targets) {
      try {
        if (existsSync(t.native) && statSync(t.native).isDirectory()) {
          directoryError(ctx, t, false);
          continue;
        }
        const appending = append && existsSync(t.native);
        const data = isByteEncoding(p.Encoding) ? valueBytes(values) : encodeText(valueText(values, p.NoNewline), p.Encoding, !appending);
        if (appending) appendFileSync(t.native, data);
        else writeFileSync(t.native, data);
        if (p.PassThru) for (const v of values) ctx.write(v, true);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
          ctx.writeError({
            message: `Could not find a part of the path '${t.psPath}'.`,
            errorId: 'GetContentWriterDirectoryNotFoundError',
            category: 'ObjectNotFound',
            targetObject: t.psPath,
            exceptionType: 'System.IO.DirectoryNotFoundException',
          });
        } else reportPathError(ctx, e, t.psPath, 'GetContentWriterIOError');
      }
    }
  }
}

function displayPath(ctx: CmdletContext, path: string): string {
  try {
    return provider(ctx).resolve(path).psPath;
  } catch {
    return path;
  }
}

function contentWriter(name: 'Set-Content' | 'Add-Content', append: boolean) {
  const verb = append ? 'Add' : 'Set';
  return defineCmdlet({
    name,
    synopsis: append
      ? 'Adds content to the specified items, such as adding words to a file.'
      : 'Writes new content or replaces existing content in a file.',
    description: append
      ? 'Appends the values to the end of each file, one line per value, creating the file when it does not exist.'
      : 'Replaces the content of each file with the values, one line per value (UTF-8 without a byte order mark unless ' +
        '-Encoding says otherwise; -Encoding Byte writes bytes). -NoNewline writes the values without line breaks.',
    module,
    commandId: `Microsoft.PowerShell.Commands.${verb}ContentCommand`,
    aliases: append ? ['ac'] : ['sc'],
    defaultParameterSet: 'Path',
    supportsShouldProcess: true,
    parameters: {
      ...pathParams,
      Value: {
        type: 'object[]',
        position: 1,
        mandatory: true,
        valueFromPipeline: true,
        valueFromPipelineByPropertyName: true,
        allowNull: true,
        allowEmptyString: true,
        description: 'The content to write.',
      },
      PassThru: { type: 'switch', description: 'Writes the content to the pipeline as well.' },
      Filter: { type: 'string', description: 'A wildcard pattern the file names must match.' },
      Include: { type: 'string[]', description: 'Wildcard patterns of file names to write.' },
      Exclude: { type: 'string[]', description: 'Wildcard patterns of file names to skip.' },
      Force: { type: 'switch', description: 'Writes read-only files too.' },
      NoNewline: { type: 'switch', description: 'Writes the values without line breaks.' },
      Encoding: { type: 'string', validateSet: ENCODING_NAMES, description: 'The text encoding; Byte writes the values as bytes.' },
      Stream: { type: 'string', description: 'Not supported (NTFS alternate data streams).' },
    },
    examples: append
      ? [{ title: 'Append a line', code: "Set-Content C:\\log.txt 'one'\nAdd-Content C:\\log.txt 'two'\nGet-Content C:\\log.txt", output: 'one\ntwo' }]
      : [
          { title: 'Write lines to a file', code: "Set-Content -Path C:\\domains.txt -Value 'contoso.com','fabrikam.com'\nGet-Content C:\\domains.txt", output: 'contoso.com\nfabrikam.com' },
          { title: 'Write bytes', code: "Set-Content C:\\x.bin -Value 72,105 -Encoding Byte\nGet-Content C:\\x.bin -Raw", output: 'Hi' },
        ],
    begin(_p, ctx) {
      ctx.state.values = [];
    },
    process(p, ctx) {
      const v = p.Value;
      if (ctx.expectingInput) (ctx.state.values as unknown[]).push(...(Array.isArray(v) ? v : [v]));
      else (ctx.state.values as unknown[]).push(...(v ?? []));
    },
    async end(p, ctx) {
      const paths = ((p.LiteralPath !== undefined && p.Path === undefined) ? p.LiteralPath : p.Path) ?? [];
      for (const path of paths) if (!(await ctx.shouldProcess(`Path: ${displayPath(ctx, path)}`, `${verb} Content`))) return;
      writeContent(ctx, p, ctx.state.values as unknown[], append);
    },
  });
}

export const setContent = contentWriter('Set-Content', false);
export const addContent = contentWriter('Add-Content', true);

export const clearContent = defineCmdlet({
  name: 'Clear-Content',
  synopsis: 'Deletes the contents of an item, but does not delete the item.',
  description: 'Empties each file, keeping the file itself.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.ClearContentCommand',
  aliases: ['clc'],
  defaultParameterSet: 'Path',
  supportsShouldProcess: true,
  parameters: { ...pathParams, Force: { type: 'switch', description: 'Clears read-only files too.' } },
  examples: [{ title: 'Empty a log', code: "Set-Content C:\\log.txt 'x'\nClear-Content C:\\log.txt\n(Get-Item C:\\log.txt).Length", output: '0' }],
  async process(p, ctx) {
    const literal = (p.LiteralPath !== undefined && p.Path === undefined);
    for (const item of resolveExisting(ctx, (literal ? p.LiteralPath : p.Path) ?? [], literal)) {
      if (!(await ctx.shouldProcess(`Item: ${item.psPath}`, 'Clear Content'))) continue;
      try {
        writeFileSync(item.native, '');
      } catch (e) {
        reportPathError(ctx, e, item.psPath);
      }
    }
  },
});

export const contentCmdlets = [getContent, setContent, addContent, clearContent];
