// Get-ChildItem and Get-Item on every provider's drive. FileSystem: FileInfo/DirectoryInfo objects,
// folders listed folders-first then files, each by name; -Recurse, -Depth, -Filter, -Include, -Exclude,
// -File, -Directory, -Name and -Force (dot files count as hidden). Cert:, Env:, Variable: list their
// provider's items (certificates, environment variables, variables) in the provider's order.
import { readdirSync } from 'node:fs';
import '../../src/format/certificate-views.ts';
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import type { ResolvedPath } from '../../src/providers/filesystem.ts';
import { isDirectory } from '../../src/providers/filesystem.ts';
import { fileSystemItem } from '../../src/providers/file-items.ts';
import type { ProviderItem } from '../../src/providers/item-provider.ts';
import { certificateFilter } from '../../src/providers/certificate-items.ts';
import { providerItemObject, type ItemPath } from '../../src/providers/provider-items.ts';
import { wildcardToRegExp } from '../../src/runtime/wildcard.ts';
import { navigator, provider, providerContext, reportPathError, resolveLocations, whenProvidersReady } from './support/paths.ts';
import './filesystem-views.ts';

const module = 'Microsoft.PowerShell.Management';

interface ListOptions {
  recurse: boolean;
  depth: number;
  filter?: RegExp;
  include?: RegExp[];
  exclude?: RegExp[];
  force: boolean;
  files: boolean;
  directories: boolean;
  names: boolean;
  /** Cert:'s -DnsName and -SSLServerAuthentication: which provider items to keep, and the parameter's name. */
  itemFilter?: (value: unknown) => boolean;
  certificateParameter?: string;
}

function matchesName(name: string, o: ListOptions): boolean {
  if (o.filter && !o.filter.test(name)) return false;
  if (o.include && !o.include.some((r) => r.test(name))) return false;
  if (o.exclude && o.exclude.some((r) => r.test(name))) return false;
  return true;
}

function children(dir: ResolvedPath, o: ListOptions): { dirs: string[]; files: string[] } {
  const entries = readdirSync(dir.native, { withFileTypes: true });
  const dirs: string[] = [];
  const files: string[] = [];
  for (const e of entries) {
    if (!o.force && e.name.startsWith('.')) continue;
    const isDir = e.isDirectory() || (e.isSymbolicLink() && isDirectory(`${dir.native}/${e.name}`));
    (isDir ? dirs : files).push(e.name);
  }
  const byName = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);
  return { dirs: dirs.sort(byName), files: files.sort(byName) };
}

function emit(ctx: CmdletContext, item: ResolvedPath, isDir: boolean, o: ListOptions, relative: string): void {
  if (!matchesName(item.segments[item.segments.length - 1] ?? '', o)) return;
  if (o.files && isDir) return;
  if (o.directories && !isDir) return;
  if (o.names) ctx.write(relative, false);
  else ctx.write(fileSystemItem(item, provider(ctx)), false);
}

function list(ctx: CmdletContext, dir: ResolvedPath, o: ListOptions, level: number, prefix: string): void {
  let c;
  try {
    c = children(dir, o);
  } catch (e) {
    reportPathError(ctx, e, dir.psPath, 'DirUnauthorizedAccessError');
    return;
  }
  const fs = provider(ctx);
  for (const name of c.dirs) emit(ctx, fs.at(dir.drive, [...dir.segments, name]), true, o, prefix + name);
  for (const name of c.files) emit(ctx, fs.at(dir.drive, [...dir.segments, name]), false, o, prefix + name);
  if (!o.recurse || level >= o.depth) return;
  for (const name of c.dirs) list(ctx, fs.at(dir.drive, [...dir.segments, name]), o, level + 1, `${prefix}${name}\\`);
}

/** Writes a provider item (or its relative name with -Name) when it passes the name and kind filters. */
function emitItem(ctx: CmdletContext, at: ItemPath, item: ProviderItem, o: ListOptions, relative: string): void {
  if (!matchesName(item.name, o)) return;
  if ((o.files && item.isContainer) || (o.directories && !item.isContainer)) return;
  if (o.itemFilter && !o.itemFilter(item.value)) return;
  if (o.names) ctx.write(relative, false);
  else if (item.value !== null) ctx.write(providerItemObject(at, item), false);
}

/** Lists a provider container: its children, then (with -Recurse) each child container's, depth first. */
function listItems(ctx: CmdletContext, container: ItemPath, o: ListOptions, level: number, prefix: string): void {
  const children = navigator(ctx).children(providerContext(ctx), container);
  for (const child of children) emitItem(ctx, child.path, child.item, o, prefix + child.item.name);
  if (!o.recurse || level >= o.depth) return;
  for (const child of children) if (child.item.isContainer) listItems(ctx, child.path, o, level + 1, `${prefix}${child.item.name}\\`);
}

function listItemPath(ctx: CmdletContext, target: ItemPath, o: ListOptions, wild: boolean): void {
  const item = navigator(ctx).item(providerContext(ctx), target);
  if (!item) return;
  if (item.isContainer && !wild) return listItems(ctx, target, o, 0, '');
  emitItem(ctx, target, item, o, item.name || target.psPath);
  if (item.isContainer && o.recurse) listItems(ctx, target, o, 1, `${item.name}\\`);
}

const pathParameters = {
  Path: {
    type: 'string[]' as const,
    position: 0,
    valueFromPipeline: true,
    valueFromPipelineByPropertyName: true,
    sets: ['Items'],
    description: 'The folders or files (wildcards allowed). The current location by default.',
  },
  LiteralPath: {
    type: 'string[]' as const,
    mandatory: true,
    aliases: ['PSPath', 'LP'],
    valueFromPipelineByPropertyName: true,
    sets: ['LiteralItems'],
    description: 'The folders or files, taken literally (no wildcards).',
  },
};

function regexes(patterns: string[] | undefined): RegExp[] | undefined {
  return patterns?.map((p) => wildcardToRegExp(p));
}

export const getChildItem = defineCmdlet({
  name: 'Get-ChildItem',
  synopsis: 'Gets the items and child items in one or more specified locations.',
  description:
    'Lists the files and folders in a folder (the current location by default): folders first, then files, each in name ' +
    'order, shown grouped under a `Directory:` heading. -Recurse also lists every subfolder (-Depth limits how deep); -Filter, ' +
    '-Include and -Exclude match names with wildcards; -File and -Directory keep one kind; -Name writes the names only; ' +
    'files whose names start with a dot are hidden unless -Force is given. On the Cert: drive it lists the server\'s ' +
    'certificate store: `Cert:\\` the store locations, `Cert:\\LocalMachine` the stores (CA, My, Root), ' +
    '`Cert:\\LocalMachine\\My` the Exchange certificates and `Cert:\\LocalMachine\\Root` the trusted roots, as X509Certificate2 ' +
    'objects grouped under their PSParentPath; `Env:` lists environment variables and `Variable:` variables.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.GetChildItemCommand',
  aliases: ['ls', 'dir', 'gci'],
  defaultParameterSet: 'Items',
  parameters: {
    ...pathParameters,
    Filter: { type: 'string', position: 1, description: 'A wildcard pattern the names must match.' },
    Include: { type: 'string[]', description: 'Wildcard patterns of names to keep.' },
    Exclude: { type: 'string[]', description: 'Wildcard patterns of names to leave out.' },
    Recurse: { type: 'switch', aliases: ['s'], description: 'Also lists the contents of every subfolder.' },
    Depth: { type: 'int', validateRange: [0, 2147483647], description: 'How many levels of subfolders to list (implies -Recurse).' },
    Force: { type: 'switch', description: 'Also lists hidden items (names starting with a dot).' },
    Name: { type: 'switch', description: 'Writes only the names (relative paths with -Recurse).' },
    Directory: { type: 'switch', aliases: ['ad', 'd'], description: 'Lists only folders.' },
    File: { type: 'switch', aliases: ['af'], description: 'Lists only files.' },
    DnsName: { type: 'string', description: 'Cert: only: certificates with a DNS name (DnsNameList) matching this wildcard pattern.' },
    SSLServerAuthentication: { type: 'switch', description: 'Cert: only: certificates for server authentication (the Server Authentication EKU).' },
  },
  examples: [
    {
      title: 'The files in a folder',
      setup: "New-Item -ItemType Directory C:\\certificates | Out-Null\nSet-Content C:\\certificates\\request.req 'x'\nSet-Content C:\\certificates\\issued.cer 'y'",
      code: 'Get-ChildItem C:\\certificates -Name',
      output: 'issued.cer\nrequest.req',
    },
    {
      title: 'The familiar listing',
      setup: "New-Item -ItemType Directory C:\\certificates\\old -Force | Out-Null\nSet-Content C:\\certificates\\request.req 'abc'",
      code: 'Get-ChildItem C:\\certificates',
      outputMatches: '^    Directory: C:\\\\certificates\\n\\n\\nMode                LastWriteTime         Length Name\\n----                -------------         ------ ----\\nd----- .*  old\\n-a---- .* +4 request\\.req',
    },
    {
      title: 'Everything below a folder, files only',
      setup: "New-Item -ItemType File C:\\logs\\a\\one.log -Force | Out-Null\nNew-Item -ItemType File C:\\logs\\two.log -Force | Out-Null",
      code: 'Get-ChildItem C:\\logs -Recurse -File -Name',
      output: 'two.log\na\\one.log',
    },
    {
      title: 'The trusted root certificates of the server',
      setup: 'Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com -NoDnsRegistration | Out-Null\nNew-LabCertificateAuthority -Name ContosoRoot | Out-Null',
      code: 'Get-ChildItem Cert:\\LocalMachine\\Root',
      outputMatches: '^   PSParentPath: Microsoft\\.PowerShell\\.Security\\\\Certificate::LocalMachine\\\\Root\\n\\nThumbprint {32}Subject\\n-{10} {32}-{7}\\n[0-9A-F]{40}  CN=ContosoRoot$',
    },
    { title: 'An environment variable', code: "$env:EMSH_DEMO = 'x'\nGet-ChildItem Env:EMSH_DEMO | ForEach-Object Value", output: 'x' },
  ],
  process(p, ctx) {
    const o: ListOptions = {
      recurse: p.Recurse || p.Depth !== undefined,
      depth: p.Depth ?? Number.POSITIVE_INFINITY,
      filter: p.Filter ? wildcardToRegExp(p.Filter) : undefined,
      include: regexes(p.Include),
      exclude: regexes(p.Exclude),
      force: p.Force,
      files: p.File,
      directories: p.Directory,
      names: p.Name,
      itemFilter: certificateFilter({ dnsName: p.DnsName !== undefined ? wildcardToRegExp(p.DnsName) : undefined, sslServerAuthentication: p.SSLServerAuthentication }),
      certificateParameter: p.DnsName !== undefined ? 'DnsName' : p.SSLServerAuthentication ? 'SSLServerAuthentication' : undefined,
    };
    const literal = (p.LiteralPath !== undefined && p.Path === undefined);
    const paths = (literal ? p.LiteralPath : p.Path) ?? ['.'];
    return whenProvidersReady(ctx, paths, () => listPaths(ctx, paths, literal, o));
  },
});

/** -DnsName and -SSLServerAuthentication exist on Cert: only (dynamic parameters in PowerShell). */
function certificateParameterError(ctx: CmdletContext, name: string): void {
  ctx.writeError({
    message: `A parameter cannot be found that matches parameter name '${name}'.`,
    errorId: 'NamedParameterNotFound',
    category: 'InvalidArgument',
    targetObject: name,
    exceptionType: 'System.Management.Automation.ParameterBindingException',
  });
}

function listPaths(ctx: CmdletContext, paths: string[], literal: boolean, o: ListOptions): void {
  for (const raw of paths) {
    const wild = !literal && /[*?[]/.test(raw);
    for (const location of resolveLocations(ctx, [raw], literal)) {
      if (location.kind === 'item') {
        listItemPath(ctx, location.path, o, wild);
        continue;
      }
      if (o.certificateParameter) {
        certificateParameterError(ctx, o.certificateParameter);
        continue;
      }
      const item = location.path;
      const dir = isDirectory(item.native);
      if (dir && !wild) list(ctx, item, o, 0, '');
      else {
        emit(ctx, item, dir, o, item.segments[item.segments.length - 1] ?? item.psPath);
        if (dir && o.recurse) list(ctx, item, o, 1, `${item.segments[item.segments.length - 1]}\\`);
      }
    }
  }
}

export const getItem = defineCmdlet({
  name: 'Get-Item',
  synopsis: 'Gets the item at the specified location.',
  description: 'Writes the FileInfo or DirectoryInfo object of each path (wildcards allowed), not the folder’s contents.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.GetItemCommand',
  aliases: ['gi'],
  defaultParameterSet: 'Path',
  parameters: {
    Path: { ...pathParameters.Path, mandatory: true, sets: ['Path'], description: 'The items to get (wildcards allowed).' },
    LiteralPath: { ...pathParameters.LiteralPath, sets: ['LiteralPath'] },
    Filter: { type: 'string', description: 'A wildcard pattern the names must match.' },
    Include: { type: 'string[]', description: 'Wildcard patterns of names to keep.' },
    Exclude: { type: 'string[]', description: 'Wildcard patterns of names to leave out.' },
    Force: { type: 'switch', description: 'Also gets hidden items.' },
  },
  examples: [
    {
      title: 'The size of a file',
      setup: "Set-Content C:\\request.req 'hello'",
      code: '(Get-Item C:\\request.req).Length',
      output: '6',
    },
  ],
  process(p, ctx) {
    const literal = (p.LiteralPath !== undefined && p.Path === undefined);
    const o = { filter: p.Filter ? wildcardToRegExp(p.Filter) : undefined, include: regexes(p.Include), exclude: regexes(p.Exclude) };
    const filters: ListOptions = { ...o, recurse: false, depth: 0, force: true, files: false, directories: false, names: false };
    return whenProvidersReady(ctx, (literal ? p.LiteralPath : p.Path) ?? [], () => {
      for (const location of resolveLocations(ctx, (literal ? p.LiteralPath : p.Path) ?? [], literal)) {
        if (location.kind === 'item') {
          const item = navigator(ctx).item(providerContext(ctx), location.path);
          if (item) emitItem(ctx, location.path, item, filters, item.name);
          continue;
        }
        const item = location.path;
        const name = item.segments[item.segments.length - 1] ?? '';
        if (!matchesName(name, filters)) continue;
        if (!p.Force && name.startsWith('.') && !literal && /[*?[]/.test(String(p.Path))) continue;
        try {
          ctx.write(fileSystemItem(item, provider(ctx)), false);
        } catch (e) {
          reportPathError(ctx, e, item.psPath);
        }
      }
    });
  },
});
