// Finding the command a name refers to, in PowerShell's order: alias → function → cmdlet → script file
// → native executable on PATH, then the same with `Get-` prepended.
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Span } from '../../../grammar/ast.ts';
import { parseScript } from '../../../grammar/parse.ts';
import type { Cmdlet } from '../../pipeline/cmdlet.ts';
import { ErrorRecord, PSException, TerminatingError } from '../errors.ts';
import type { FunctionDefinition } from '../scope.ts';
import { ScriptBlock } from '../scriptblock.ts';
import type { Frame } from './frame.ts';
import { parseErrorRecord } from './parse-error.ts';

export type ResolvedCommand =
  | { kind: 'cmdlet'; cmdlet: Cmdlet; name: string }
  | { kind: 'function'; fn: FunctionDefinition; name: string }
  | { kind: 'script'; path: string; name: string }
  | { kind: 'native'; path: string; name: string };

function looksLikePath(name: string): boolean {
  return /[\\/]/.test(name) || /\.ps1$/i.test(name);
}

function findOnPath(name: string): string | undefined {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const exts = process.platform === 'win32' ? (process.env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of dirs) {
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      try {
        accessSync(candidate, constants.X_OK);
        if (statSync(candidate).isFile()) return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

export function resolveCommand(f: Frame, name: string, depth = 0): ResolvedCommand | undefined {
  if (depth > 10) return undefined;
  const alias = f.scope.lookupAlias(name);
  if (alias) return resolveCommand(f, alias, depth + 1);
  const fn = f.scope.lookupFunction(name);
  if (fn) return { kind: 'function', fn, name: fn.name };
  const cmdlet = f.session.getCmdlet(name);
  if (cmdlet) return { kind: 'cmdlet', cmdlet, name: cmdlet.name };
  if (looksLikePath(name)) {
    const native = f.session.resolveNativePath(name);
    if (existsSync(native) && statSync(native).isFile()) {
      return /\.ps1$/i.test(native) ? { kind: 'script', path: native, name } : { kind: 'native', path: native, name };
    }
    return undefined;
  }
  const onPath = findOnPath(name);
  if (onPath) return /\.ps1$/i.test(onPath) ? { kind: 'script', path: onPath, name } : { kind: 'native', path: onPath, name };
  if (depth === 0 && !name.includes('-')) {
    const withGet = f.session.getCmdlet(`Get-${name}`);
    if (withGet) return { kind: 'cmdlet', cmdlet: withGet, name: withGet.name };
  }
  return undefined;
}

export function commandNotFound(f: Frame, name: string, span: Span | undefined): TerminatingError {
  const message =
    f.session.dialect === 'Core'
      ? `The term '${name}' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.`
      : `The term '${name}' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.`;
  const record = new ErrorRecord({
    exception: new PSException(message, 'System.Management.Automation.CommandNotFoundException'),
    errorId: 'CommandNotFoundException',
    category: 'ObjectNotFound',
    targetObject: name,
    activity: '',
    invocation: { source: f.source.text, scriptName: f.source.fileName, span, commandName: name },
  });
  return new TerminatingError(record);
}

const scriptCache = new Map<string, { mtimeMs: number; block: ScriptBlock }>();

/** Loads and parses a .ps1 file (cached until it changes); a parse error is a terminating error. */
export function loadScriptFile(file: string): ScriptBlock {
  const mtimeMs = statSync(file).mtimeMs;
  const cached = scriptCache.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.block;
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const parsed = parseScript(text, { fileName: file });
  if (parsed.diagnostics.length > 0) throw new TerminatingError(parseErrorRecord(parsed.diagnostics, { text, fileName: file }), true);
  const block = new ScriptBlock(parsed.ast, { text, fileName: file });
  scriptCache.set(file, { mtimeMs, block });
  return block;
}
