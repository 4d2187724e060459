// Get-ItemProperty and Set-ItemProperty as 5.1 has them for the FileSystem provider (and reading items
// of the other providers): without -Name, Get-ItemProperty writes the item itself; with -Name (wildcards)
// a custom object of those properties and the provider's PS* properties. Set-ItemProperty changes what
// the file system here can change (src/providers/file-item-properties.ts).
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import { ItemPropertyError, SETTABLE_FILE_PROPERTIES, selectItemProperties, setFileItemProperty } from '../../src/providers/file-item-properties.ts';
import { fileSystemItem } from '../../src/providers/file-items.ts';
import { providerItemObject } from '../../src/providers/provider-items.ts';
import { toPSString } from '../../src/runtime/to-string.ts';
import { PSHashtable, PSObject, baseValue } from '../../src/runtime/values.ts';
import { MANAGEMENT_MODULE } from './support/item-selection.ts';
import { navigator, provider, providerContext, reportPathError, resolveLocations, whenProvidersReady } from './support/paths.ts';

interface PathParameters {
  Path?: string[];
  LiteralPath?: string[];
}

function targets(p: PathParameters): { paths: string[]; literal: boolean } {
  const literal = p.LiteralPath !== undefined && p.Path === undefined;
  return { paths: (literal ? p.LiteralPath : p.Path) ?? [], literal };
}

/** Each item the paths name, as Get-Item writes it (errors written per path). */
function forEachItem(ctx: CmdletContext, p: PathParameters, body: (item: PSObject, psPath: string, native: string | undefined) => void): void | Promise<void> {
  const { paths, literal } = targets(p);
  return whenProvidersReady(ctx, paths, () => {
    for (const location of resolveLocations(ctx, paths, literal)) {
      if (location.kind === 'item') {
        const found = navigator(ctx).item(providerContext(ctx), location.path);
        const value = found ? providerItemObject(location.path, found) : undefined;
        if (value instanceof PSObject) body(value, location.path.psPath, undefined);
        continue;
      }
      try {
        body(fileSystemItem(location.path, provider(ctx)), location.path.psPath, location.path.native);
      } catch (e) {
        reportPathError(ctx, e, location.path.psPath);
      }
    }
  });
}

const pathParameters = (sets: { path: string[]; literal: string[] }) => ({
  Path: { type: 'string[]' as const, position: 0, mandatory: true, valueFromPipelineByPropertyName: true, sets: sets.path, description: 'The items (wildcards allowed).' },
  LiteralPath: {
    type: 'string[]' as const,
    mandatory: true,
    aliases: ['PSPath', 'LP'],
    valueFromPipelineByPropertyName: true,
    sets: sets.literal,
    description: 'The items, taken literally.',
  },
});

export const getItemProperty = defineCmdlet({
  name: 'Get-ItemProperty',
  synopsis: 'Gets the properties of a specified item.',
  description:
    'Without -Name, writes the item (a file’s FileInfo, a folder’s DirectoryInfo). With -Name (wildcards allowed), writes a ' +
    'custom object holding those properties and the item’s PSPath, PSParentPath, PSChildName, PSDrive and PSProvider; a ' +
    'name that matches no property is an error.',
  module: MANAGEMENT_MODULE,
  commandId: 'Microsoft.PowerShell.Commands.GetItemPropertyCommand',
  defaultParameterSet: 'Path',
  aliases: ['gp'],
  parameters: {
    ...pathParameters({ path: ['Path'], literal: ['LiteralPath'] }),
    Name: { type: 'string[]', position: 1, aliases: ['PSProperty'], description: 'The properties to get (wildcards allowed).' },
  },
  examples: [
    {
      title: 'Whether a file is read-only, and its size',
      setup: "Set-Content c:\\request.req 'hello'",
      code: 'Get-ItemProperty c:\\request.req -Name IsReadOnly,Length | Format-List IsReadOnly,Length,PSChildName',
      output: 'IsReadOnly  : False\nLength      : 6\nPSChildName : request.req',
    },
  ],
  process(p, ctx) {
    return forEachItem(ctx, p, (item, psPath) => {
      if (p.Name === undefined) {
        ctx.write(item, false);
        return;
      }
      const { selection, missing } = selectItemProperties(item, p.Name);
      for (const name of missing) {
        ctx.writeError({
          message: `Property ${name} does not exist at path ${psPath}.`,
          errorId: 'System.Management.Automation.PSArgumentException',
          category: 'InvalidArgument',
          targetObject: name,
          exceptionType: 'System.Management.Automation.PSArgumentException',
        });
      }
      if (missing.length < p.Name.length) ctx.write(selection, false);
    });
  },
});

/** The name/value pairs of -InputObject (a hashtable or an object's properties). */
function pairsOf(input: unknown): [string, unknown][] {
  const v = baseValue(input);
  if (v instanceof PSHashtable) return v.entries().map(([k, value]) => [toPSString(k), value]);
  if (input instanceof PSObject) return input.propertyNames().map((n) => [n, input.getProperty(n)]);
  return [];
}

export const setItemProperty = defineCmdlet({
  name: 'Set-ItemProperty',
  synopsis: 'Creates or changes the value of a property of an item.',
  description:
    `Sets -Name to -Value (or every property of -InputObject) on each item. A file or folder here can change ${SETTABLE_FILE_PROPERTIES.join(', ')}: ` +
    'IsReadOnly and the ReadOnly attribute clear or restore the write permission, the times are the file’s times. ' +
    'CreationTime, Hidden and System cannot be set on this file system. -PassThru writes the changed properties.',
  module: MANAGEMENT_MODULE,
  commandId: 'Microsoft.PowerShell.Commands.SetItemPropertyCommand',
  defaultParameterSet: 'propertyValuePathSet',
  supportsShouldProcess: true,
  aliases: ['sp'],
  parameters: {
    ...pathParameters({ path: ['propertyValuePathSet', 'propertyPSObjectPathSet'], literal: ['propertyValueLiteralPathSet', 'propertyPSObjectLiteralPathSet'] }),
    Name: { type: 'string', position: 1, mandatory: true, aliases: ['PSProperty'], sets: ['propertyValuePathSet', 'propertyValueLiteralPathSet'], description: 'The property to set.' },
    Value: { type: 'object', position: 2, valueFromPipelineByPropertyName: true, sets: ['propertyValuePathSet', 'propertyValueLiteralPathSet'], description: 'Its new value.' },
    InputObject: { type: 'psobject', mandatory: true, valueFromPipeline: true, sets: ['propertyPSObjectPathSet', 'propertyPSObjectLiteralPathSet'], description: 'An object (or hashtable) whose properties are set.' },
    PassThru: { type: 'switch', description: 'Writes the properties set.' },
    Force: { type: 'switch', description: 'Accepted for compatibility (the file system here needs no override).' },
  },
  examples: [
    {
      title: 'Make a file read-only',
      setup: "Set-Content c:\\request.req 'hello'",
      code: 'Set-ItemProperty c:\\request.req -Name IsReadOnly -Value $true\n(Get-Item c:\\request.req).IsReadOnly\nSet-ItemProperty c:\\request.req IsReadOnly $false',
      output: 'True',
    },
  ],
  async process(p, ctx) {
    const pairs: [string, unknown][] = p.Name !== undefined ? [[p.Name, p.Value ?? null]] : pairsOf(p.InputObject);
    const work: { psPath: string; native: string | undefined }[] = [];
    await forEachItem(ctx, p, (_item, psPath, native) => void work.push({ psPath, native }));
    for (const { psPath, native } of work) {
      const done: [string, unknown][] = [];
      for (const [name, value] of pairs) {
        if (!(await ctx.shouldProcess(`Item: ${psPath} Property: ${name} Value: ${toPSString(value)}`, 'Set Property'))) continue;
        if (native === undefined) {
          ctx.writeError({ message: `Cannot set the property ${name} on '${psPath}': only file-system items' properties can be set.`, errorId: 'NotSupported', category: 'NotImplemented', targetObject: psPath, exceptionType: 'System.Management.Automation.PSNotSupportedException' });
          continue;
        }
        try {
          setFileItemProperty(native, psPath, name, value);
          done.push([name, value]);
        } catch (e) {
          if (e instanceof ItemPropertyError) {
            ctx.writeError({ message: e.message, errorId: e.errorId, category: 'InvalidArgument', targetObject: name, exceptionType: 'System.Management.Automation.PSArgumentException' });
          } else reportPathError(ctx, e, psPath, 'SetPropertyError');
        }
      }
      if (p.PassThru && done.length > 0) {
        const item = fileSystemItem(provider(ctx).resolve(psPath), provider(ctx));
        ctx.write(selectItemProperties(item, done.map(([n]) => n)).selection, false);
      }
    }
  },
});
