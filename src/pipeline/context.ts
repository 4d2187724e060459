// What a running cmdlet sees: its invocation, the session, and the streams it writes to.
import type { ErrorCategory, ErrorRecord } from '../runtime/errors.ts';
import type { ProgressRecord } from '../runtime/host-ui.ts';
import type { ScriptBlock } from '../runtime/scriptblock.ts';
import type { Session } from '../runtime/session.ts';
import type { Cmdlet } from './cmdlet.ts';

export interface ErrorSpec {
  message: string;
  errorId: string;
  category: ErrorCategory;
  targetObject?: unknown;
  /** .NET exception type name; defaults to System.Management.Automation.RuntimeException. */
  exceptionType?: string;
  recommendedAction?: string;
}

export interface CmdletContext {
  readonly cmdlet: Cmdlet;
  /** The name the command was invoked by (an alias such as `fl` stays `fl`). */
  readonly invocationName: string;
  readonly session: Session;
  /** The current pipeline input object (`$_`); undefined in begin/end. */
  readonly inputObject: unknown;
  /** True when the command is not the first element of a pipeline (it expects input). */
  readonly expectingInput: boolean;
  /** The parameter set chosen by the binder. */
  readonly parameterSetName: string;
  /** True when the parameter was given (on the command line, by splatting, or from the pipeline). */
  isBound(name: string): boolean;
  /** Names of the bound parameters, in canonical spelling. */
  boundParameterNames(): string[];
  /** Per-invocation state shared by begin/process/end. */
  readonly state: Record<string, any>;
  /** Aborted when the user presses Ctrl+C. */
  readonly signal: AbortSignal;

  /** WriteObject: arrays are enumerated unless `enumerate` is false. */
  write(value: unknown, enumerate?: boolean): void;
  /** WriteObject of one object as it is (never enumerated): a plain function, the cheapest per-object output. */
  readonly emit: (value: unknown) => void;
  /** WriteError (non-terminating): honours -ErrorAction / $ErrorActionPreference. */
  writeError(error: ErrorRecord | ErrorSpec): void;
  /** ThrowTerminatingError: stops the command. */
  fail(error: ErrorRecord | ErrorSpec): never;
  writeWarning(message: string): void;
  writeVerbose(message: string): void;
  writeDebug(message: string): void;
  writeInformation(data: unknown, tags?: string[]): void;
  writeHost(text: string, options?: { noNewline?: boolean; foreground?: string; background?: string }): void;
  writeProgress(record: ProgressRecord): void;
  /** ShouldProcess: false under -WhatIf (after printing the What if line) or when the user declines. */
  shouldProcess(target: string, action?: string): Promise<boolean>;
  /** ShouldContinue: asks a yes/no question (refused without a person to ask). */
  shouldContinue(query: string, caption: string): Promise<boolean>;
  /** Runs a script block with `$_` set and positional `$args`, collecting its output. */
  invoke(block: ScriptBlock, options?: { dollarUnder?: unknown; args?: unknown[] }): unknown[] | Promise<unknown[]>;
  /**
   * For a block run once per input object (ForEach-Object, Where-Object): prepared once, then each call
   * runs it with `$_` set to its argument, sending its output to `out` as it is written (no array per call).
   */
  prepareScriptBlock(block: ScriptBlock, out: (value: unknown) => void): (dollarUnder: unknown) => void | Promise<void>;
  /**
   * A block used as a condition once per input object (Where-Object): prepared once, then each call runs it
   * with `$_` set and tells whether its output is true as PowerShell converts output to a boolean.
   */
  prepareCondition(block: ScriptBlock): (dollarUnder: unknown) => boolean | Promise<boolean>;
  /**
   * From begin: `handler(input)` does for each input object what process would, and runs instead of it
   * once the input binds whole to the one pipeline parameter (the usual `... | Cmdlet`; the parameters
   * then hold the object as process would see them). Other input still goes through process.
   */
  handleInput(handler: (input: unknown) => void | Promise<void>): void;
  /** Makes an ErrorRecord attributed to this command and position. */
  errorRecord(error: ErrorSpec): ErrorRecord;
}
