// Add-PSSnapin, Get-PSSnapin and Remove-PSSnapin. Exchange 2007 scripts begin with
// `Add-PSSnapin Microsoft.Exchange.Management.PowerShell.Admin`; emsh's Exchange cmdlets are always
// present, so adding the snap-in only marks it added for this session (and Get-PSSnapin lists it).
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import { registerView } from '../../src/format/views.ts';
import { PSVersion } from '../../src/runtime/dotnet-values.ts';
import { PSObject } from '../../src/runtime/values.ts';
import { hasWildcardCharacters, wildcardToRegExp } from '../../src/runtime/wildcard.ts';

const module = 'Microsoft.PowerShell.Core';
const SNAPIN_INFO = 'System.Management.Automation.PSSnapInInfo';
const ADDED = 'snapins.added';
const CORE = 'Microsoft.PowerShell.Core';

interface SnapIn {
  name: string;
  psVersion: PSVersion;
  version: PSVersion;
  description: string;
  vendor: string;
}

/** The snap-in every session has; it cannot be added or removed. */
const coreSnapIn: SnapIn = {
  name: CORE,
  psVersion: new PSVersion(5, 1, 0),
  version: new PSVersion(3, 0, 0, 0),
  description: 'This Windows PowerShell snap-in contains cmdlets used to manage components of Windows PowerShell.',
  vendor: 'Microsoft Corporation',
};

/** Snap-ins registered on this computer (Get-PSSnapin -Registered): the ones emsh's cmdlets stand for. */
const registeredSnapIns: readonly SnapIn[] = [
  {
    name: 'Microsoft.Exchange.Management.PowerShell.Admin',
    psVersion: new PSVersion(1, 0),
    version: new PSVersion(8, 0, 0, 0),
    description: 'Admin Tasks for the Exchange Server',
    vendor: 'Microsoft Corporation',
  },
];

registerView(SNAPIN_INFO, { kind: 'list', properties: ['Name', 'PSVersion', 'Description'] });

function snapInInfo(s: SnapIn): PSObject {
  const info = new PSObject([SNAPIN_INFO, 'System.Object']);
  info.setProperty('Name', s.name);
  info.setProperty('IsDefault', s.name === CORE);
  info.setProperty('ApplicationBase', '');
  info.setProperty('AssemblyName', '');
  info.setProperty('ModuleName', '');
  info.setProperty('PSVersion', s.psVersion);
  info.setProperty('Version', s.version);
  info.setProperty('Types', []);
  info.setProperty('Formats', []);
  info.setProperty('Description', s.description);
  info.setProperty('Vendor', s.vendor);
  info.setProperty('LogPipelineExecutionDetails', false);
  info.defineMethod({ name: 'ToString', invoke: () => s.name, definition: 'string ToString()' });
  return info;
}

/** Names of the snap-ins added to this session, in the order they were added. */
function added(ctx: CmdletContext): string[] {
  let names = ctx.session.services.get(ADDED) as string[] | undefined;
  if (!names) ctx.session.services.set(ADDED, (names = []));
  return names;
}

function loadedSnapIns(ctx: CmdletContext): SnapIn[] {
  const names = added(ctx);
  return [coreSnapIn, ...names.map((n) => registeredSnapIns.find((s) => s.name === n)!)];
}

/** The snap-ins a name or wildcard pattern selects (names compare case-insensitively). */
function matching(snapIns: readonly SnapIn[], pattern: string): SnapIn[] {
  if (hasWildcardCharacters(pattern)) {
    const re = wildcardToRegExp(pattern);
    return snapIns.filter((s) => re.test(s.name));
  }
  return snapIns.filter((s) => s.name.toLowerCase() === pattern.toLowerCase());
}

function noneFound(ctx: CmdletContext, pattern: string): void {
  ctx.writeError({
    message: `No Windows PowerShell snap-ins matching the pattern '${pattern}' were found. Check the pattern and then try the command again.`,
    errorId: 'NoPSSnapInsFound',
    category: 'InvalidArgument',
    targetObject: pattern,
    exceptionType: 'System.Management.Automation.PSArgumentException',
  });
}

function addFailed(ctx: CmdletContext, pattern: string, message: string): void {
  ctx.writeError({
    message,
    errorId: 'AddPSSnapInRead',
    category: 'InvalidArgument',
    targetObject: pattern,
    exceptionType: 'System.Management.Automation.PSArgumentException',
  });
}

export const addPSSnapin = defineCmdlet({
  name: 'Add-PSSnapin',
  synopsis: 'Adds one or more Windows PowerShell snap-ins to the current session.',
  description:
    'Adds registered snap-ins to the session. emsh registers Microsoft.Exchange.Management.PowerShell.Admin (the Exchange 2007 ' +
    'management snap-in); its cmdlets are always available, so adding it marks it added for Get-PSSnapin. Adding a snap-in twice ' +
    'is an error (use -ErrorAction SilentlyContinue in scripts that may run twice); a wildcard adds every registered match.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.AddPSSnapinCommand',
  outputType: [SNAPIN_INFO],
  parameters: {
    Name: { type: 'string[]', position: 0, mandatory: true, valueFromPipelineByPropertyName: true, description: 'The snap-in names (wildcards allowed).' },
    PassThru: { type: 'switch', description: 'Writes a PSSnapInInfo object for each snap-in added.' },
  },
  examples: [
    {
      title: 'Start an Exchange 2007 script',
      code: 'Add-PSSnapin Microsoft.Exchange.Management.PowerShell.Admin\n(Get-PSSnapin).Name',
      output: 'Microsoft.PowerShell.Core\nMicrosoft.Exchange.Management.PowerShell.Admin',
    },
    {
      title: 'Safe to run twice',
      code: "Add-PSSnapin Microsoft.Exchange.Management.PowerShell.Admin -ErrorAction SilentlyContinue\nAdd-PSSnapin Microsoft.Exchange.Management.PowerShell.Admin -ErrorAction SilentlyContinue\n@(Get-PSSnapin -Name *Exchange*).Count",
      output: '1',
    },
  ],
  process(p, ctx) {
    const names = added(ctx);
    for (const pattern of p.Name ?? []) {
      const wildcard = hasWildcardCharacters(pattern);
      const found = matching([coreSnapIn, ...registeredSnapIns], pattern);
      if (found.length === 0 && !wildcard) {
        addFailed(ctx, pattern, `The Windows PowerShell snap-in '${pattern}' is not installed on this computer.`);
      }
      for (const snapIn of found) {
        if (snapIn === coreSnapIn || names.includes(snapIn.name)) {
          if (!wildcard) {
            addFailed(ctx, pattern, `Cannot add Windows PowerShell snap-in ${snapIn.name} because it is already added. Verify the name of the snap-in, and then try again.`);
          }
          continue;
        }
        names.push(snapIn.name);
        if (p.PassThru) ctx.write(snapInInfo(snapIn), false);
      }
    }
  },
});

export const getPSSnapin = defineCmdlet({
  name: 'Get-PSSnapin',
  synopsis: 'Gets the Windows PowerShell snap-ins on the computer.',
  description:
    'Lists the snap-ins added to this session (Microsoft.PowerShell.Core, then those added with Add-PSSnapin), or with -Registered ' +
    'the snap-ins that can be added. A name that matches nothing is an error; a wildcard that matches nothing writes nothing.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.GetPSSnapinCommand',
  outputType: [SNAPIN_INFO],
  parameters: {
    Name: { type: 'string[]', position: 0, description: 'The snap-in names (wildcards allowed).' },
    Registered: { type: 'switch', description: 'Lists the registered snap-ins instead of the added ones.' },
  },
  examples: [
    {
      title: 'The snap-ins of a new session',
      code: 'Get-PSSnapin',
      output:
        'Name        : Microsoft.PowerShell.Core\nPSVersion   : 5.1.0\n' +
        'Description : This Windows PowerShell snap-in contains cmdlets used to manage components of Windows PowerShell.',
    },
    { title: 'Test whether a snap-in is added', code: 'if (-not (Get-PSSnapin *Exchange* )) { "not added" }', output: 'not added' },
    { title: 'Snap-ins that can be added', code: '(Get-PSSnapin -Registered).Name', output: 'Microsoft.Exchange.Management.PowerShell.Admin' },
  ],
  process(p, ctx) {
    const snapIns = p.Registered ? [...registeredSnapIns] : loadedSnapIns(ctx);
    if (!p.Name) {
      for (const s of snapIns) ctx.write(snapInInfo(s), false);
      return;
    }
    for (const pattern of p.Name) {
      const found = matching(snapIns, pattern);
      if (found.length === 0 && !hasWildcardCharacters(pattern)) noneFound(ctx, pattern);
      for (const s of found) ctx.write(snapInInfo(s), false);
    }
  },
});

export const removePSSnapin = defineCmdlet({
  name: 'Remove-PSSnapin',
  synopsis: 'Removes Windows PowerShell snap-ins from the current session.',
  description:
    'Marks added snap-ins as no longer added (emsh keeps their cmdlets available). Microsoft.PowerShell.Core cannot be removed.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.RemovePSSnapinCommand',
  outputType: [SNAPIN_INFO],
  parameters: {
    Name: { type: 'string[]', position: 0, mandatory: true, valueFromPipelineByPropertyName: true, description: 'The snap-in names (wildcards allowed).' },
    PassThru: { type: 'switch', description: 'Writes a PSSnapInInfo object for each snap-in removed.' },
  },
  examples: [
    {
      title: 'Add and remove the Exchange snap-in',
      code: 'Add-PSSnapin Microsoft.Exchange.Management.PowerShell.Admin\nRemove-PSSnapin *Exchange*\n(Get-PSSnapin).Name',
      output: 'Microsoft.PowerShell.Core',
    },
  ],
  process(p, ctx) {
    const names = added(ctx);
    for (const pattern of p.Name ?? []) {
      const found = matching(loadedSnapIns(ctx), pattern);
      if (found.length === 0 && !hasWildcardCharacters(pattern)) noneFound(ctx, pattern);
      for (const snapIn of found) {
        if (snapIn.name === CORE) {
          ctx.writeError({
            message: `Cannot remove the Windows PowerShell snap-in ${CORE} because it is a default snap-in of every session.`,
            errorId: 'RemovePSSnapIn',
            category: 'InvalidArgument',
            targetObject: snapIn.name,
            exceptionType: 'System.Management.Automation.PSArgumentException',
          });
          continue;
        }
        names.splice(names.indexOf(snapIn.name), 1);
        if (p.PassThru) ctx.write(snapInInfo(snapIn), false);
      }
    }
  },
});
