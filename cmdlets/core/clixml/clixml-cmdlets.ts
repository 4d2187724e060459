// Export-Clixml and Import-Clixml: objects to and from a CLIXML file (clixml-writer.ts,
// clixml-reader.ts), so that a hashtable, a custom object or an array of strings and numbers comes back
// with its values and (Deserialized.) type names. A SecureString (a PSCredential's password) is written
// encrypted with the state root's key (secure-string-key.ts), never as plain text.
import { readFileSync } from 'node:fs';
import { defineCmdlet } from '../../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../../src/pipeline/context.ts';
import { sessionStateRoot } from '../../../src/providers/install.ts';
import { ENCODING_NAMES, decodeBytes } from '../support/file-encoding.ts';
import { reportPathError, resolveExisting } from '../support/paths.ts';
import { writeTextFile } from '../out-cmdlets.ts';
import { ClixmlFormatError, ClixmlReader } from './clixml-reader.ts';
import { ClixmlWriter } from './clixml-writer.ts';
import { SecureStringKeyError, protectText, unprotectText } from './secure-string-key.ts';
import { XmlSyntaxError, parseXml } from './xml-tree.ts';

const module = 'Microsoft.PowerShell.Utility';
const DEFAULT_DEPTH = 2;

export const exportClixml = defineCmdlet({
  name: 'Export-Clixml',
  synopsis: 'Creates an XML-based representation of an object or objects and stores it in a file.',
  description:
    'Serialises each input object to CLIXML (PowerShell’s serialization format: type names, properties, collections, ' +
    'typed values) and writes the document to the file when the input ends. Objects nested deeper than -Depth (2) are ' +
    'written as their strings. A SecureString is encrypted with a key kept in the state root (secrets/clixml.key, mode ' +
    '0600), as Windows protects it with the user’s key: Import-Clixml on the same state root reads it back. The file is ' +
    'UTF-8 unless -Encoding says otherwise.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.ExportClixmlCommand',
  defaultParameterSet: 'ByPath',
  supportsShouldProcess: true,
  parameters: {
    Path: { type: 'string', position: 0, mandatory: true, sets: ['ByPath'], description: 'The file to write.' },
    LiteralPath: { type: 'string', mandatory: true, aliases: ['PSPath', 'LP'], sets: ['ByLiteralPath'], description: 'The file to write, taken literally.' },
    InputObject: { type: 'psobject', mandatory: true, valueFromPipeline: true, description: 'The objects to serialise.' },
    Depth: { type: 'int', validateRange: [1, 2147483647], defaultDescription: '2', description: 'How many levels of contained objects to include.' },
    Force: { type: 'switch', description: 'Overwrites a read-only file.' },
    NoClobber: { type: 'switch', aliases: ['NoOverwrite'], description: 'Does not replace an existing file.' },
    Encoding: { type: 'string', validateSet: ENCODING_NAMES, description: 'The text encoding.' },
  },
  examples: [
    {
      title: 'A hashtable round trip',
      code: "@{ Domain = 'contoso.com'; Port = 25 } | Export-Clixml c:\\settings.xml\n$s = Import-Clixml c:\\settings.xml\n\"$($s.Domain):$($s.Port) $($s.GetType().Name)\"",
      output: 'contoso.com:25 Hashtable',
    },
    {
      title: 'The file is CLIXML',
      code: "'mail1' | Export-Clixml c:\\name.xml\nGet-Content c:\\name.xml",
      output: '<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">\n  <S>mail1</S>\n</Objs>',
    },
  ],
  begin(p, ctx) {
    const stateRoot = sessionStateRoot(ctx.session);
    ctx.state.writer = new ClixmlWriter({ depth: p.Depth ?? DEFAULT_DEPTH, protect: (plain) => protectText(stateRoot, plain) });
  },
  process(p, ctx) {
    (ctx.state.writer as ClixmlWriter).add(p.InputObject);
  },
  async end(p, ctx) {
    const path = (p.LiteralPath ?? p.Path)!;
    if (!(await ctx.shouldProcess(path, 'Export-Clixml'))) return;
    writeTextFile(ctx, path, `${(ctx.state.writer as ClixmlWriter).text()}\r\n`.replace(/\r\n/g, '\n'), {
      noClobber: p.NoClobber,
      encoding: p.Encoding,
      literal: p.LiteralPath !== undefined,
    });
  },
});

function readFile(ctx: CmdletContext, native: string, psPath: string): unknown[] {
  const reader = new ClixmlReader((hex) => unprotectText(sessionStateRoot(ctx.session), hex));
  try {
    return reader.read(parseXml(decodeBytes(readFileSync(native))));
  } catch (e) {
    if (e instanceof SecureStringKeyError) {
      ctx.writeError({ message: e.message, errorId: 'System.Security.Cryptography.CryptographicException', category: 'NotSpecified', targetObject: psPath, exceptionType: 'System.Security.Cryptography.CryptographicException' });
      return [];
    }
    if (e instanceof XmlSyntaxError || e instanceof ClixmlFormatError) {
      ctx.writeError({ message: `The file '${psPath}' is not CLIXML: ${e.message}`, errorId: 'System.Xml.XmlException', category: 'NotSpecified', targetObject: psPath, exceptionType: 'System.Xml.XmlException' });
      return [];
    }
    throw e;
  }
}

export const importClixml = defineCmdlet({
  name: 'Import-Clixml',
  synopsis: 'Imports a CLIXML file and creates corresponding objects in PowerShell.',
  description:
    'Reads a file Export-Clixml wrote and writes its objects: strings, numbers, dates and booleans as themselves, arrays as ' +
    'arrays, hashtables as hashtables, a PSCredential as a credential, and other objects as property bags whose type names ' +
    'start with "Deserialized." (their methods are gone). -Skip and -First page through the objects.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.ImportClixmlCommand',
  defaultParameterSet: 'ByPath',
  parameters: {
    Path: { type: 'string[]', position: 0, mandatory: true, valueFromPipelineByPropertyName: true, sets: ['ByPath'], description: 'The files to read (wildcards allowed).' },
    LiteralPath: { type: 'string[]', mandatory: true, aliases: ['PSPath', 'LP'], valueFromPipelineByPropertyName: true, sets: ['ByLiteralPath'], description: 'The files to read, taken literally.' },
    Skip: { type: 'long', description: 'Skips this many objects first.' },
    First: { type: 'long', description: 'Writes at most this many objects.' },
  },
  examples: [
    {
      title: 'A custom object comes back deserialized',
      setup: "[pscustomobject]@{ Name = 'mail1'; Role = 'Edge' } | Export-Clixml c:\\server.xml",
      code: "$s = Import-Clixml c:\\server.xml\n$s.pstypenames[0]\n$s.Role",
      output: 'Deserialized.System.Management.Automation.PSCustomObject\nEdge',
    },
  ],
  process(p, ctx) {
    const literal = p.LiteralPath !== undefined && p.Path === undefined;
    let skip = p.Skip ?? 0;
    let left = p.First ?? Infinity;
    for (const file of resolveExisting(ctx, (literal ? p.LiteralPath : p.Path) ?? [], literal)) {
      let objects: unknown[];
      try {
        objects = readFile(ctx, file.native, file.psPath);
      } catch (e) {
        reportPathError(ctx, e, file.psPath, 'ReadError');
        continue;
      }
      for (const obj of objects) {
        if (skip > 0) {
          skip--;
          continue;
        }
        if (left-- <= 0) return;
        ctx.write(obj, false);
      }
    }
  },
});
