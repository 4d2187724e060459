// What a provider other than FileSystem implements so that Get-ChildItem, Get-Item, Test-Path,
// Remove-Item, Set-Location and Resolve-Path work on its drive (Cert:, Env:, Variable:). Paths reach
// a provider as segments below its drive root (`['LocalMachine', 'Root']`), names in any case.
import type { Scope } from '../runtime/scope.ts';
import type { Session } from '../runtime/session.ts';
import type { ProviderName } from './provider-info.ts';

/** What a provider may read: the session, and the caller's scope (the Variable provider's variables). */
export interface ProviderContext {
  readonly session: Session;
  readonly scope: Scope;
}

export interface ProviderItem {
  /** The child name in its real case (a thumbprint, a store name, a variable name). */
  readonly name: string;
  readonly isContainer: boolean;
  /** The object Get-Item writes; the navigation layer adds PSPath, PSParentPath and the other notes. */
  readonly value: unknown;
}

export interface ItemProvider {
  readonly name: ProviderName;
  /** The drive every session gets (`Cert`, `Env`, `Variable`) and its Get-PSDrive description. */
  readonly driveName: string;
  readonly driveDescription: string;
  /** Loads what the provider needs on first use (a promise), or undefined when it is ready. */
  prepare?(): Promise<void> | undefined;
  /** The item at a path ([] is the drive root, always a container); undefined when there is none. */
  item(at: ProviderContext, segments: readonly string[]): ProviderItem | undefined;
  /** The children of a container, in the order PowerShell lists them. */
  children(at: ProviderContext, segments: readonly string[]): ProviderItem[];
  /** Remove-Item: the ShouldProcess action and target, and the removal (throws ProviderError). */
  removal?(at: ProviderContext, segments: readonly string[]): { action: string; target: string; remove: () => void };
}
