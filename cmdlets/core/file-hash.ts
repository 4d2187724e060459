// Get-FileHash as Windows PowerShell 5.1 has it: one Microsoft.Powershell.Utility.FileHash object per
// file (Algorithm, Hash in upper-case hex, Path) shown in a table of Algorithm (15), Hash (70) and Path.
// -InputStream takes the bytes (or text, as UTF-8) of a stream-like value; its result has no Path.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import { registerView } from '../../src/format/views.ts';
import { isDirectory } from '../../src/providers/filesystem.ts';
import { PSObject, baseValue } from '../../src/runtime/values.ts';
import { reportPathError, resolveExisting } from './support/paths.ts';

export const FILE_HASH_TYPE = 'Microsoft.Powershell.Utility.FileHash';
const ALGORITHMS = ['SHA1', 'SHA256', 'SHA384', 'SHA512', 'MD5'];

registerView(FILE_HASH_TYPE, {
  kind: 'table',
  columns: [
    { label: 'Algorithm', expression: 'Algorithm', width: 15 },
    { label: 'Hash', expression: 'Hash', width: 70 },
    { label: 'Path', expression: 'Path' },
  ],
});

/** The upper-case hex digest of `bytes` with a Get-FileHash algorithm name (any case). */
export function hashHex(algorithm: string, bytes: Uint8Array): string {
  return createHash(algorithm.toLowerCase()).update(bytes).digest('hex').toUpperCase();
}

function fileHash(algorithm: string, hash: string, path: string | null): PSObject {
  return PSObject.from({ Algorithm: algorithm, Hash: hash, Path: path }, [FILE_HASH_TYPE, 'System.Management.Automation.PSCustomObject', 'System.Object']);
}

function streamBytes(ctx: CmdletContext, value: unknown): Uint8Array {
  const b = baseValue(value);
  if (b instanceof Uint8Array) return b;
  if (typeof b === 'string') return Buffer.from(b, 'utf8');
  if (Array.isArray(b) && b.every((x) => typeof x === 'number')) return Uint8Array.from(b as number[]);
  return ctx.fail({
    message: 'Cannot read the input stream: give the bytes (a byte array) or the text to hash.',
    errorId: 'InvalidInputStream',
    category: 'InvalidArgument',
    targetObject: value,
    exceptionType: 'System.ArgumentException',
  });
}

export const getFileHash = defineCmdlet({
  name: 'Get-FileHash',
  synopsis: 'Computes the hash value for a file by using a specified hash algorithm.',
  description:
    'Writes an object with the algorithm, the hash of the file’s contents as upper-case hexadecimal, and the file’s path, for ' +
    'each file -Path (wildcards allowed) or -LiteralPath names. SHA256 unless -Algorithm says SHA1, SHA384, SHA512 or MD5. ' +
    'Compare hashes to check that a certificate request or an exported file arrived unchanged.',
  module: 'Microsoft.PowerShell.Utility',
  defaultParameterSet: 'Path',
  outputType: [FILE_HASH_TYPE],
  parameters: {
    Path: { type: 'string[]', position: 0, mandatory: true, valueFromPipeline: true, valueFromPipelineByPropertyName: true, sets: ['Path'], description: 'The files to hash (wildcards allowed).' },
    LiteralPath: {
      type: 'string[]',
      position: 0,
      mandatory: true,
      aliases: ['PSPath', 'LP'],
      valueFromPipelineByPropertyName: true,
      sets: ['LiteralPath'],
      description: 'The files to hash, taken literally.',
    },
    InputStream: { type: 'object', position: 0, mandatory: true, sets: ['StreamParameterSet'], description: 'The bytes (or text) to hash instead of a file.' },
    Algorithm: { type: 'string', position: 1, validateSet: ALGORITHMS, defaultDescription: 'SHA256', description: 'The hash algorithm.' },
  },
  examples: [
    {
      title: 'The SHA256 hash of a certificate request',
      setup: "Set-Content -Path c:\\request.req -Value 'abc' -NoNewline",
      code: 'Get-FileHash c:\\request.req',
      output:
        'Algorithm       Hash                                                                   Path\n' +
        '---------       ----                                                                   ----\n' +
        'SHA256          BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD       C:\\request.req',
    },
    { title: 'An MD5 hash of bytes', code: "(Get-FileHash -InputStream ([byte[]](97,98,99)) -Algorithm MD5).Hash", output: '900150983CD24FB0D6963F7D28E17F72' },
  ],
  process(p, ctx) {
    const algorithm = ALGORITHMS.find((a) => a.toLowerCase() === (p.Algorithm ?? 'SHA256').toLowerCase()) ?? 'SHA256';
    if (p.InputStream !== undefined) {
      ctx.write(fileHash(algorithm, hashHex(algorithm, streamBytes(ctx, p.InputStream)), null), false);
      return;
    }
    const literal = p.LiteralPath !== undefined && p.Path === undefined;
    for (const file of resolveExisting(ctx, (literal ? p.LiteralPath : p.Path) ?? [], literal)) {
      if (isDirectory(file.native)) continue;
      try {
        ctx.write(fileHash(algorithm, hashHex(algorithm, readFileSync(file.native)), file.psPath), false);
      } catch (e) {
        reportPathError(ctx, e, file.psPath, 'FileReadError');
      }
    }
  },
});
