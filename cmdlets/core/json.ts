// ConvertTo-Json (Windows PowerShell 5.1's layout, -Depth 2 by default with PowerShell 7's truncation
// warning, -Compress) and ConvertFrom-Json (PSCustomObjects with ordered properties, arrays enumerated).
// Checked against PowerShell's ConvertTo-Json.Tests.ps1 / ConvertFrom-Json.Tests.ps1 (depth truncation,
// enums as numbers, duplicated keys, nested arrays).
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import { toPSString } from '../../src/runtime/to-string.ts';
import { EnumValue, PSHashtable, PSObject, SecureString, TimeSpan } from '../../src/runtime/values.ts';
import { PSGuid, PSVersion } from '../../src/runtime/dotnet-values.ts';
import { ScriptBlock } from '../../src/runtime/scriptblock.ts';
import { JsonDate, JsonObject, JsonSyntaxError, compact, parseJson, pretty, type JsonValue, type ParsedJson } from './support/json-text.ts';

const module = 'Microsoft.PowerShell.Utility';
const MAX_DEPTH = 100;

interface Walk {
  depth: number;
  truncated: boolean;
  enumsAsStrings?: boolean;
}

function isScalarish(v: unknown): boolean {
  return v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' || v instanceof Date || v instanceof EnumValue || v instanceof PSGuid;
}

function scalar(v: unknown, w: Walk): JsonValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return new JsonDate(v);
  if (v instanceof EnumValue) return w.enumsAsStrings ? v.toString() : v.value;
  return toPSString(v);
}

/** A PowerShell value as a JSON value, objects deeper than -Depth as their string form. */
export function toJsonValue(value: unknown, level: number, w: Walk): JsonValue {
  const base = value instanceof PSObject && value.baseObject !== undefined ? value.baseObject : value;
  if (isScalarish(base)) {
    if (value instanceof PSObject && value !== base && value.propertyNames().length > 0 && level <= w.depth) {
      return new JsonObject([['value', scalar(base, w)], ...properties(value, level, w)]);
    }
    return scalar(base, w);
  }
  if (level > w.depth) {
    w.truncated = true;
    return toPSString(value);
  }
  if (base instanceof SecureString || base instanceof ScriptBlock || base instanceof PSVersion) {
    return base instanceof PSVersion ? toJsonValue(PSObject.from({ Major: base.major, Minor: base.minor, Build: base.build, Revision: base.revision }), level, w) : toPSString(base);
  }
  if (base instanceof TimeSpan) {
    const t = base.totalMilliseconds;
    return new JsonObject(
      [
        ['Ticks', Math.round(t * 10000)],
        ['Days', Math.trunc(t / 86_400_000)],
        ['Hours', Math.trunc(t / 3_600_000) % 24],
        ['Milliseconds', Math.trunc(t) % 1000],
        ['Minutes', Math.trunc(t / 60_000) % 60],
        ['Seconds', Math.trunc(t / 1000) % 60],
        ['TotalDays', t / 86_400_000],
        ['TotalHours', t / 3_600_000],
        ['TotalMilliseconds', t],
        ['TotalMinutes', t / 60_000],
        ['TotalSeconds', t / 1000],
      ],
    );
  }
  if (base instanceof PSHashtable) return new JsonObject(base.entries().map(([k, v]) => [toPSString(k), toJsonValue(v, level + 1, w)]));
  if (Array.isArray(base) || base instanceof Uint8Array || base instanceof Set) return [...(base as Iterable<unknown>)].map((x) => toJsonValue(x, level + 1, w));
  if (value instanceof PSObject) return new JsonObject(properties(value, level, w));
  return toPSString(value);
}

function properties(obj: PSObject, level: number, w: Walk): [string, JsonValue][] {
  const out: [string, JsonValue][] = [];
  for (const name of obj.propertyNames()) {
    let v: unknown;
    try {
      v = obj.getProperty(name);
    } catch {
      v = null;
    }
    out.push([name, toJsonValue(v, level + 1, w)]);
  }
  return out;
}

export const convertToJson = defineCmdlet({
  name: 'ConvertTo-Json',
  synopsis: 'Converts an object to a JSON-formatted string.',
  description:
    'Writes the input as JSON, laid out as Windows PowerShell 5.1 does (4-space indent, nested values aligned under their ' +
    'key, `":  "` after keys), or on one line with -Compress. Several input objects become one JSON array. Objects nested ' +
    'deeper than -Depth (2 by default) are written as their string form, with a warning.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.ConvertToJsonCommand',
  parameters: {
    InputObject: { type: 'object', position: 0, mandatory: true, valueFromPipeline: true, allowNull: true, description: 'The objects to convert.' },
    Depth: { type: 'int', validateRange: [0, 2147483647], defaultDescription: '2', description: 'How many levels of contained objects are written.' },
    Compress: { type: 'switch', description: 'Writes the JSON on one line, without white space.' },
    EnumsAsStrings: { type: 'switch', description: 'Writes enum values by name instead of number.' },
  },
  examples: [
    {
      title: 'An object as JSON',
      code: "[pscustomobject]@{Name='contoso.com'; Port=25; Domains=@('a','b')} | ConvertTo-Json",
      output: '{\n    "Name":  "contoso.com",\n    "Port":  25,\n    "Domains":  [\n                    "a",\n                    "b"\n                ]\n}',
    },
    { title: 'Compact JSON', code: "@{Server='EDGE01'} | ConvertTo-Json -Compress", output: '{"Server":"EDGE01"}' },
  ],
  begin(p, ctx) {
    if ((p.Depth ?? 2) > MAX_DEPTH) {
      ctx.fail({ message: `The maximum depth allowed for serialization is ${MAX_DEPTH}.`, errorId: 'ReachedMaximumDepthAllowed', category: 'InvalidOperation', exceptionType: 'System.InvalidOperationException' });
    }
    ctx.state.items = [];
  },
  process(p, ctx) {
    (ctx.state.items as unknown[]).push(ctx.expectingInput ? ctx.inputObject : p.InputObject);
  },
  end(p, ctx) {
    const items = ctx.state.items as unknown[];
    if (items.length === 0) return;
    const w: Walk = { depth: p.Depth ?? 2, truncated: false, enumsAsStrings: p.EnumsAsStrings };
    const value = items.length === 1 ? items[0] : items;
    const json = toJsonValue(value, 0, w);
    if (w.truncated) ctx.writeWarning(`Resulting JSON is truncated as serialization has exceeded the set depth of ${w.depth}.`);
    const text = compact(json);
    ctx.write(p.Compress ? text : pretty(text), false);
  },
});

function fromParsed(v: ParsedJson | Date, asHashtable: boolean): unknown {
  if (v === null || typeof v !== 'object' || v instanceof Date) return v;
  if (Array.isArray(v)) return v.map((x) => fromParsed(x, asHashtable));
  if (asHashtable) {
    const h = new PSHashtable(true);
    for (const [k, x] of v.entries) h.set(k, fromParsed(x, true));
    return h;
  }
  const seen = new Map<string, string>();
  const obj = new PSObject();
  for (const [k, x] of v.entries) {
    const lower = k.toLowerCase();
    const prior = seen.get(lower);
    if (prior !== undefined) {
      throw new JsonSyntaxError(
        `Cannot convert the JSON string because a dictionary that was converted from the string contains the duplicated keys '${prior}' and '${k}'.`,
      );
    }
    seen.set(lower, k);
    obj.setProperty(k, fromParsed(x, false));
  }
  return obj;
}

function convertText(ctx: CmdletContext, text: string, asHashtable: boolean, noEnumerate: boolean): boolean {
  try {
    const value = fromParsed(parseJson(text), asHashtable);
    ctx.write(value, !noEnumerate);
    return true;
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    const duplicate = e.message.startsWith('Cannot convert the JSON string');
    ctx.writeError({
      message: e.message,
      errorId: duplicate ? 'DuplicateKeysInJsonString' : 'System.ArgumentException',
      category: duplicate ? 'InvalidOperation' : 'NotSpecified',
      targetObject: text,
      exceptionType: duplicate ? 'System.InvalidOperationException' : 'System.ArgumentException',
    });
    return false;
  }
}

export const convertFromJson = defineCmdlet({
  name: 'ConvertFrom-Json',
  synopsis: 'Converts a JSON-formatted string to a custom object.',
  description:
    'Reads JSON text (lines piped in are joined first) and writes custom objects whose properties keep the order of the keys; ' +
    'arrays are written element by element unless -NoEnumerate is given; -AsHashtable makes ordered hashtables instead.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.ConvertFromJsonCommand',
  parameters: {
    InputObject: { type: 'string', position: 0, mandatory: true, valueFromPipeline: true, allowEmptyString: true, description: 'The JSON text.' },
    AsHashtable: { type: 'switch', description: 'Makes ordered hashtables instead of custom objects.' },
    NoEnumerate: { type: 'switch', description: 'Writes a JSON array as one array object.' },
    Depth: { type: 'int', description: 'Accepted for compatibility (nesting is not limited).' },
  },
  examples: [
    { title: 'Read a property', code: "('{\"Server\":\"EDGE01\",\"Port\":25}' | ConvertFrom-Json).Port", output: '25' },
    { title: 'An array', code: "'[\"contoso.com\",\"fabrikam.com\"]' | ConvertFrom-Json | Measure-Object | ForEach-Object Count", output: '2' },
  ],
  begin(_p, ctx) {
    ctx.state.lines = [];
  },
  process(p, ctx) {
    (ctx.state.lines as string[]).push(p.InputObject ?? '');
  },
  end(p, ctx) {
    const lines = ctx.state.lines as string[];
    if (lines.length === 0) return;
    const joined = lines.join('\n');
    if (joined.trim() === '') return;
    if (lines.length > 1) {
      try {
        parseJson(joined);
      } catch {
        for (const line of lines) if (line.trim()) convertText(ctx, line, p.AsHashtable, p.NoEnumerate);
        return;
      }
    }
    convertText(ctx, joined, p.AsHashtable, p.NoEnumerate);
  },
});

export const jsonCmdlets = [convertToJson, convertFromJson];
