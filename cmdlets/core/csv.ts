// ConvertTo-Csv, Export-Csv, ConvertFrom-Csv and Import-Csv as Windows PowerShell 5.1 has them: a
// `#TYPE <type name>` first line unless -NoTypeInformation, every value quoted ("" doubles a quote, $null
// is left empty), columns from the first object; reading turns rows into custom objects (type name
// `CSV:<type>` when a #TYPE line is present), with -Header and -Delimiter.
import { existsSync, readFileSync } from 'node:fs';
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import { toPSString } from '../../src/runtime/to-string.ts';
import { PSObject, baseValue } from '../../src/runtime/values.ts';
import { typeNameOf } from './support/type-names.ts';
import { propertyNamesOf, getProperty } from './support/properties.ts';
import { ENCODING_NAMES, decodeBytes } from './support/file-encoding.ts';
import { writeTextFile } from './out-cmdlets.ts';
import { provider, reportPathError, resolveExisting } from './support/paths.ts';

const module = 'Microsoft.PowerShell.Utility';

function fieldText(v: unknown, delimiter: string): string {
  const b = baseValue(v);
  if (b === null || b === undefined) return '';
  const s = Array.isArray(b) ? 'System.Object[]' : toPSString(v);
  void delimiter;
  return `"${s.replace(/"/g, '""')}"`;
}

interface CsvWriter {
  names?: string[];
  lines: string[];
}

/** The CSV lines for one object (header lines first when it is the first object). */
export function csvLines(w: CsvWriter, obj: unknown, delimiter: string, typeInfo: boolean): string[] {
  const out: string[] = [];
  if (!w.names) {
    w.names = propertyNamesOf(obj);
    if (typeInfo) out.push(`#TYPE ${typeNameOf(obj)}`);
    out.push(w.names.map((n) => `"${n.replace(/"/g, '""')}"`).join(delimiter));
  }
  out.push(w.names.map((n) => fieldText(getProperty(obj, n), delimiter)).join(delimiter));
  return out;
}

function delimiterOf(p: { Delimiter?: string; UseCulture?: boolean }): string {
  return p.Delimiter ?? ',';
}

const csvCommon = {
  Delimiter: { type: 'char' as const, position: 1, description: 'The character between values (a comma by default).' },
  UseCulture: { type: 'switch' as const, description: 'Uses the culture’s list separator (a comma, en-US).' },
};

export const convertToCsv = defineCmdlet({
  name: 'ConvertTo-Csv',
  synopsis: 'Converts objects into a series of comma-separated value (CSV) strings.',
  description:
    'Writes CSV lines for the input objects: a `#TYPE` line (unless -NoTypeInformation), the header of the first object’s ' +
    'properties, then one line per object with every value quoted.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.ConvertToCsvCommand',
  parameters: {
    InputObject: { type: 'psobject', position: 0, mandatory: true, valueFromPipeline: true, description: 'The objects to convert.' },
    ...csvCommon,
    NoTypeInformation: { type: 'switch', aliases: ['NTI'], description: 'Leaves out the #TYPE line.' },
  },
  examples: [
    {
      title: 'Objects as CSV',
      code: "[pscustomobject]@{Domain='contoso.com'; Secure=$true} | ConvertTo-Csv -NoTypeInformation",
      output: '"Domain","Secure"\n"contoso.com","True"',
    },
    { title: 'With the type line', code: "[pscustomobject]@{A=1} | ConvertTo-Csv", output: '#TYPE System.Management.Automation.PSCustomObject\n"A"\n"1"' },
  ],
  begin(_p, ctx) {
    ctx.state.csv = { lines: [] } as CsvWriter;
  },
  process(p, ctx) {
    const obj = ctx.expectingInput ? ctx.inputObject : p.InputObject;
    for (const line of csvLines(ctx.state.csv as CsvWriter, obj, delimiterOf(p), !p.NoTypeInformation)) ctx.write(line, false);
  },
});

export const exportCsv = defineCmdlet({
  name: 'Export-Csv',
  synopsis: 'Converts objects into a series of comma-separated value (CSV) strings and saves the strings to a file.',
  description:
    'Saves the input objects to a CSV file (the layout of ConvertTo-Csv). -Append adds rows to an existing file without ' +
    'repeating the header; -NoClobber refuses to replace a file.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.ExportCsvCommand',
  aliases: ['epcsv'],
  defaultParameterSet: 'Delimiter',
  supportsShouldProcess: true,
  parameters: {
    InputObject: { type: 'psobject', mandatory: true, valueFromPipeline: true, description: 'The objects to save.' },
    Path: { type: 'string', position: 0, aliases: ['FilePath'], description: 'The file to write.' },
    LiteralPath: { type: 'string', aliases: ['PSPath', 'LP'], description: 'The file, taken literally.' },
    Force: { type: 'switch', description: 'Overwrites a read-only file; appends rows whose properties differ.' },
    NoClobber: { type: 'switch', aliases: ['NoOverwrite'], description: 'Does not replace an existing file.' },
    Encoding: { type: 'string', validateSet: ENCODING_NAMES, description: 'The text encoding.' },
    Append: { type: 'switch', description: 'Adds rows to the end of the file.' },
    ...csvCommon,
    NoTypeInformation: { type: 'switch', aliases: ['NTI'], description: 'Leaves out the #TYPE line.' },
  },
  examples: [
    {
      title: 'Save and read back',
      code: "[pscustomobject]@{Domain='contoso.com'; Port=25} | Export-Csv C:\\domains.csv -NoTypeInformation\nGet-Content C:\\domains.csv",
      output: '"Domain","Port"\n"contoso.com","25"',
    },
  ],
  begin(_p, ctx) {
    ctx.state.csv = { lines: [] } as CsvWriter;
  },
  process(p, ctx) {
    const w = ctx.state.csv as CsvWriter;
    const obj = ctx.expectingInput ? ctx.inputObject : p.InputObject;
    w.lines.push(...csvLines(w, obj, delimiterOf(p), !p.NoTypeInformation));
  },
  async end(p, ctx) {
    const path = p.Path ?? p.LiteralPath;
    if (!path) {
      return ctx.fail({ message: 'Cannot perform operation because the path resolved to more than one file. This command cannot operate on multiple files.', errorId: 'CannotSpecifyPathAndLiteralPath', category: 'InvalidData', exceptionType: 'System.InvalidOperationException' });
    }
    if (!(await ctx.shouldProcess(path, 'Export-Csv'))) return;
    const w = ctx.state.csv as CsvWriter;
    let lines = w.lines;
    let native: string | undefined;
    try {
      native = provider(ctx).resolve(path).native;
    } catch (e) {
      reportPathError(ctx, e, path);
      return;
    }
    if (p.Append && existsSync(native)) {
      const headerLines = (p.NoTypeInformation ? 0 : 1) + 1;
      lines = lines.slice(Math.min(headerLines, lines.length));
    }
    if (lines.length === 0 && p.Append) return;
    writeTextFile(ctx, path, lines.map((l) => `${l}\n`).join(''), { append: p.Append, noClobber: p.NoClobber, encoding: p.Encoding });
  },
});

/** Splits CSV text into rows of fields (quoted fields may hold delimiters, quotes and newlines). */
export function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
      continue;
    }
    if (c === '"' && field === '' && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
    } else if (c === delimiter) {
      row.push(field);
      field = '';
      wasQuoted = false;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      wasQuoted = false;
    } else field += c;
  }
  if (field !== '' || row.length > 0 || wasQuoted) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** Custom objects from CSV text. */
export function csvObjects(ctx: CmdletContext, text: string, delimiter: string, header: string[] | undefined): PSObject[] {
  let rows = parseCsv(text, delimiter);
  let typeName: string | undefined;
  if (rows[0]?.[0]?.startsWith('#TYPE ') && !header) {
    typeName = rows[0].join(delimiter).slice(6).trim();
    rows = rows.slice(1);
  } else if (rows[0]?.[0]?.startsWith('#') && rows[0].length === 1) rows = rows.slice(1);
  const names = header ?? rows.shift() ?? [];
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n.toLowerCase())) {
      ctx.fail({ message: `The member "${n}" is already present.`, errorId: 'CannotConvertCsv', category: 'InvalidData', exceptionType: 'System.ExtendedTypeSystemException' });
    }
    seen.add(n.toLowerCase());
  }
  return rows.map((fields) => {
    const obj = new PSObject(typeName ? [`CSV:${typeName}`, 'System.Management.Automation.PSCustomObject', 'System.Object'] : undefined);
    names.forEach((n, i) => obj.setProperty(n === '' ? `H${i + 1}` : n, i < fields.length ? fields[i] : null));
    return obj;
  });
}

export const convertFromCsv = defineCmdlet({
  name: 'ConvertFrom-Csv',
  synopsis: 'Converts object properties in comma-separated value (CSV) format into CSV versions of the original objects.',
  description: 'Turns CSV lines into custom objects whose properties are the header’s columns (or -Header), all values as strings.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.ConvertFromCsvCommand',
  parameters: {
    InputObject: { type: 'string[]', position: 0, mandatory: true, valueFromPipeline: true, valueFromPipelineByPropertyName: true, description: 'The CSV lines.' },
    ...csvCommon,
    Header: { type: 'string[]', description: 'Column names to use; the first line is then data.' },
  },
  examples: [
    { title: 'Read CSV text', code: "'Domain,Port','contoso.com,25' | ConvertFrom-Csv | ForEach-Object Domain", output: 'contoso.com' },
    { title: 'Supply the header', code: "'EDGE01;Edge' | ConvertFrom-Csv -Delimiter ';' -Header Name,Role | ForEach-Object Role", output: 'Edge' },
  ],
  begin(_p, ctx) {
    ctx.state.lines = [];
  },
  process(p, ctx) {
    (ctx.state.lines as string[]).push(...(p.InputObject ?? []));
  },
  end(p, ctx) {
    for (const o of csvObjects(ctx, (ctx.state.lines as string[]).join('\n'), delimiterOf(p), p.Header)) ctx.write(o, false);
  },
});

export const importCsv = defineCmdlet({
  name: 'Import-Csv',
  synopsis: 'Creates table-like custom objects from the items in a comma-separated value (CSV) file.',
  description: 'Reads a CSV file and writes a custom object per row (columns from the header line or -Header).',
  module,
  commandId: 'Microsoft.PowerShell.Commands.ImportCsvCommand',
  aliases: ['ipcsv'],
  defaultParameterSet: 'Delimiter',
  parameters: {
    Path: { type: 'string[]', position: 0, valueFromPipeline: true, description: 'The CSV files.' },
    LiteralPath: { type: 'string[]', aliases: ['PSPath', 'LP'], valueFromPipelineByPropertyName: true, description: 'The files, taken literally.' },
    ...csvCommon,
    Header: { type: 'string[]', description: 'Column names to use; the first line is then data.' },
    Encoding: { type: 'string', validateSet: ENCODING_NAMES, description: 'The text encoding of the file.' },
  },
  examples: [
    {
      title: 'Read a CSV file',
      setup: "Set-Content C:\\servers.csv 'Name,Role','EDGE01,Edge','HUB01,Hub'",
      code: 'Import-Csv C:\\servers.csv',
      output: 'Name   Role\n----   ----\nEDGE01 Edge\nHUB01  Hub',
    },
  ],
  process(p, ctx) {
    const literal = !p.Path && !!p.LiteralPath;
    for (const item of resolveExisting(ctx, (p.Path ?? p.LiteralPath) ?? [], literal)) {
      let text: string;
      try {
        text = decodeBytes(readFileSync(item.native), p.Encoding);
      } catch (e) {
        reportPathError(ctx, e, item.psPath, 'FileOpenFailure');
        continue;
      }
      for (const o of csvObjects(ctx, text, delimiterOf(p), p.Header)) ctx.write(o, false);
    }
  },
});

export const csvCmdlets = [convertToCsv, exportCsv, convertFromCsv, importCsv];
