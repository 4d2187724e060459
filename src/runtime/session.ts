// A shell session: the global scope and automatic variables, the command table, the host,
// $Error / $? / $LASTEXITCODE, and per-module services (the certificate store, the transport...).
import type { Cmdlet } from '../pipeline/cmdlet.ts';
import type { ErrorRecord } from './errors.ts';
import type { HostUI } from './host-ui.ts';
import type { MaybePromise } from './maybe-promise.ts';
import { resolve as resolvePath } from 'node:path';
import { Scope } from './scope.ts';
import { PSHashtable } from './values.ts';

export type Dialect = 'Desktop' | 'Core';

/** What a session knows of a cmdlet before its module is imported: enough to find it by name or alias and to list it. */
export interface CmdletName {
  name: string;
  module: string;
  aliases?: string[];
}

/**
 * Stands in for a cmdlet until its module is loaded (`Session.loadCmdlet`). Reading anything but the name,
 * module and aliases is a bug in the caller, so it fails loudly instead of binding against no parameters.
 */
function cmdletStub(known: CmdletName): Cmdlet {
  const notLoaded = (): never => {
    throw new Error(`The cmdlet '${known.name}' was used before its module was loaded: call session.loadCmdlet first.`);
  };
  const stub = { name: known.name, module: known.module, aliases: known.aliases };
  for (const key of ['synopsis', 'description', 'parameters', 'examples', 'begin', 'process', 'end']) {
    Object.defineProperty(stub, key, { get: notLoaded, enumerable: false });
  }
  return stub as Cmdlet;
}

export interface SessionOptions {
  host: HostUI;
  /** The state root (`$EMSH_HOME`); modules resolve their own default when absent. */
  stateRoot?: string;
  dialect?: Dialect;
  nonInteractive?: boolean;
  /** The environment `$env:` and `Env:` read and write; default process.env (see Session.env). */
  env?: NodeJS.ProcessEnv;
}

export class Session {
  readonly globalScope = new Scope(undefined, true);
  readonly host: HostUI;
  readonly options: SessionOptions;
  private readonly cmdlets = new Map<string, Cmdlet>();
  /** Lower-case name → the loader of its module, while the cmdlet is a stand-in. */
  private readonly cmdletLoaders = new Map<string, () => Promise<void>>();
  private readonly stubs = new WeakSet<Cmdlet>();
  /** Module state, keyed by module (e.g. 'exchange.store'). */
  readonly services = new Map<string, unknown>();
  /** $Error, newest first. */
  readonly errors: ErrorRecord[] = [];
  /** $? */
  lastSuccess = true;
  /** Non-terminating errors written so far (a pipeline compares before and after to set $?). */
  errorWrites = 0;
  lastExitCode: number | undefined;
  /** Aborted by Ctrl+C for the running pipeline; replaced after each interruption. */
  abort = new AbortController();
  /** Commands typed in this session (Get-History). */
  readonly history: { id: number; commandLine: string; start: Date; end?: Date }[] = [];
  /** Hooks for the host to clean up: services register stoppers (the transport) here. */
  readonly disposers: (() => void | Promise<void>)[] = [];
  /**
   * The session's environment variables. The shell's own session uses process.env, so that `$env:PATH`
   * reaches the native commands it starts; a lab remoting session has a copy of its own, as a remote
   * computer has its own environment.
   */
  readonly env: NodeJS.ProcessEnv;

  constructor(options: SessionOptions) {
    this.options = options;
    this.host = options.host;
    this.env = options.env ?? process.env;
    this.initVariables();
  }

  get dialect(): Dialect {
    return this.options.dialect ?? 'Desktop';
  }

  get interactive(): boolean {
    return this.host.interactive && !this.options.nonInteractive;
  }

  private initVariables(): void {
    const g = this.globalScope;
    g.setLocal('true', true, ['Constant']);
    g.setLocal('false', false, ['Constant']);
    g.setLocal('null', null, ['Constant']);
    g.setLocal('ErrorActionPreference', 'Continue');
    g.setLocal('WarningPreference', 'Continue');
    g.setLocal('VerbosePreference', 'SilentlyContinue');
    g.setLocal('DebugPreference', 'SilentlyContinue');
    g.setLocal('InformationPreference', 'SilentlyContinue');
    g.setLocal('ProgressPreference', 'Continue');
    g.setLocal('ConfirmPreference', 'High');
    g.setLocal('WhatIfPreference', false);
    g.setLocal('FormatEnumerationLimit', 4);
    g.setLocal('ErrorView', this.dialect === 'Core' ? 'ConciseView' : 'NormalView');
    g.setLocal('MaximumHistoryCount', 4096);
    g.setLocal('OFS', ' ');
    g.setLocal('NestedPromptLevel', 0);
    g.setLocal('PID', process.pid, ['Constant']);
    g.setLocal('HOME', this.env.HOME ?? this.env.USERPROFILE ?? '', ['ReadOnly']);
    g.setLocal('ShellId', 'emsh', ['Constant']);
    const versionTable = new PSHashtable();
    versionTable.set('PSVersion', '5.1.0');
    versionTable.set('PSEdition', this.dialect);
    versionTable.set('emshVersion', '0.1.0');
    versionTable.set('Platform', process.platform);
    versionTable.set('NodeVersion', process.version);
    g.setLocal('PSVersionTable', versionTable, ['ReadOnly']);
    g.setLocal('IsLinux', process.platform === 'linux', ['Constant']);
    g.setLocal('IsMacOS', process.platform === 'darwin', ['Constant']);
    g.setLocal('IsWindows', process.platform === 'win32', ['Constant']);
  }

  /** The current location as PowerShell shows it (`C:\\certificates`); the file-system provider replaces this. */
  currentLocation: () => string = () => process.cwd();
  /** Maps a PowerShell path (`c:\\certificates\\x.pfx`, `.\\a.ps1`) to a native path; the file-system provider replaces this. */
  resolveNativePath: (psPath: string) => string = (p) => resolvePath(p.replace(/\\/g, '/'));

  registerCmdlet(cmdlet: Cmdlet): void {
    const key = cmdlet.name.toLowerCase();
    this.cmdlets.set(key, cmdlet);
    this.cmdletLoaders.delete(key);
    for (const alias of cmdlet.aliases ?? []) this.globalScope.aliases.set(alias.toLowerCase(), cmdlet.name);
  }

  /**
   * Registers cmdlets by name whose module `load` imports on first use (startup then skips modules a
   * command line never calls). Until then getCmdlet/allCmdlets give stand-ins with the name, module and
   * aliases; loadCmdlet/loadAllCmdlets give the declarations.
   */
  registerLazyCmdlets(names: readonly CmdletName[], load: () => Promise<Cmdlet[]>): void {
    let loading: Promise<void> | undefined;
    const loader = (): Promise<void> =>
      (loading ??= load().then(
        (cmdlets) => {
          for (const cmdlet of cmdlets) {
            const key = cmdlet.name.toLowerCase();
            // A later registration of the same name (another module, a test) wins, as with registerCmdlet.
            if (!this.cmdlets.has(key) || this.cmdletLoaders.get(key) === loader) this.registerCmdlet(cmdlet);
          }
        },
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      ));
    for (const known of names) {
      const stub = cmdletStub(known);
      this.registerCmdlet(stub);
      this.cmdletLoaders.set(known.name.toLowerCase(), loader);
      this.stubs.add(stub);
    }
  }

  /** A cmdlet by name or undefined; it may be a stand-in: see loadCmdlet. */
  getCmdlet(name: string): Cmdlet | undefined {
    return this.cmdlets.get(name.toLowerCase());
  }

  /** Every cmdlet (stand-ins included until loadAllCmdlets), in registration order. */
  allCmdlets(): Cmdlet[] {
    return [...this.cmdlets.values()];
  }

  /** The declaration of a cmdlet from getCmdlet/allCmdlets: itself once loaded, else after importing its module. */
  loadCmdlet(cmdlet: Cmdlet): MaybePromise<Cmdlet> {
    if (!this.stubs.has(cmdlet)) return cmdlet;
    const key = cmdlet.name.toLowerCase();
    const loader = this.cmdletLoaders.get(key);
    if (!loader) return this.cmdlets.get(key) ?? cmdlet;
    return loader().then(() => {
      const loaded = this.cmdlets.get(key);
      if (!loaded || this.stubs.has(loaded)) {
        throw new Error(`The cmdlet '${cmdlet.name}' is listed in cmdlets/cmdlet-manifest.ts but its module does not declare it. Run node --import tsx scripts/gen-docs.mjs.`);
      }
      return loaded;
    });
  }

  /** Imports the module of every cmdlet not loaded yet (Get-Command, Get-Help). */
  async loadAllCmdlets(): Promise<void> {
    await Promise.all([...new Set(this.cmdletLoaders.values())].map((load) => load()));
  }

  /** Records an error in $Error (newest first, bounded like $MaximumErrorCount = 256). */
  recordError(record: ErrorRecord): void {
    this.errorWrites++;
    this.errors.unshift(record);
    if (this.errors.length > 256) this.errors.length = 256;
  }

  preference(name: string, scope: Scope = this.globalScope): string {
    const v = scope.get(name);
    return v === undefined || v === null ? '' : String(v);
  }

  async dispose(): Promise<void> {
    for (const d of this.disposers.splice(0).reverse()) await d();
  }
}

/** An environment variable's real name: the exact one, else a case-insensitive match (Windows names ignore case). */
export function environmentName(env: NodeJS.ProcessEnv, name: string): string | undefined {
  if (env[name] !== undefined) return name;
  const lower = name.toLowerCase();
  return Object.keys(env).find((k) => k.toLowerCase() === lower);
}
