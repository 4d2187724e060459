// Reading variables: scope qualifiers (`$global:x`, `$env:HOME`, `${function:f}`) and the automatic
// variables whose value lives outside the scope chain ($?, $Error, $LASTEXITCODE, $PWD, $PSScriptRoot...).
import * as path from 'node:path';
import type { VariableAst } from '../../../grammar/ast.ts';
import { variableLayout, type Scope, type Variable } from '../scope.ts';
import type { Compiled, Frame } from './frame.ts';
import { environmentName } from '../session.ts';
import { AutomationNull } from '../values.ts';
import { hostObject } from '../host-object.ts';

function automatic(f: Frame, key: string): { found: boolean; value?: unknown } {
  switch (key) {
    case '?':
      return { found: true, value: f.session.lastSuccess };
    case 'error':
      return { found: true, value: f.session.errors };
    case 'lastexitcode':
      return { found: true, value: f.session.lastExitCode ?? f.scope.get('LASTEXITCODE') ?? null };
    case 'psitem':
      return { found: true, value: f.scope.get('_') ?? null };
    case 'pwd':
      // The provider layer keeps a PathInfo in the global $PWD; a bare session has only the text.
      return { found: true, value: f.session.globalScope.get('PWD') ?? f.session.currentLocation() };
    case 'psscriptroot':
      return { found: true, value: f.scope.get('PSScriptRoot') ?? (f.source.fileName ? path.dirname(f.source.fileName) : '') };
    case 'pscommandpath':
      return { found: true, value: f.scope.get('PSCommandPath') ?? f.source.fileName ?? '' };
    case 'host':
      return { found: true, value: hostObject(f.session) };
    default:
      return { found: false };
  }
}

export function readVariable(f: Frame, name: string, scope?: string): unknown {
  const key = name.toLowerCase();
  if (scope) {
    switch (scope) {
      case 'env':
        return f.session.env[environmentName(f.session.env, name) ?? name] ?? null;
      case 'function':
        return f.scope.lookupFunction(name)?.scriptBlock ?? null;
      case 'variable':
        break;
      default: {
        const s = f.scope.byQualifier(scope);
        if (s) return s.lookup(name)?.value ?? null;
        return null;
      }
    }
  }
  const auto = automatic(f, key);
  if (auto.found) return auto.value;
  const v = f.scope.lookup(name);
  return v === undefined || v.value === undefined ? null : v.value;
}

/**
 * `$name = value` with no scope qualifier (also a foreach loop variable): Scope.assign, except that a plain
 * local already there (no options, type constraint or validation) just takes the value, found without a
 * Map lookup while the variable layout holds.
 */
export function compileAssignVariable(name: string): (f: Frame, value: unknown) => void {
  const key = name.toLowerCase();
  let lastScope: Scope | undefined;
  let local: Variable | undefined;
  let version = -1;
  return (f, value) => {
    const scope = f.scope;
    if (scope !== lastScope || version !== variableLayout.version) {
      local = scope.vars.get(key);
      lastScope = scope;
      version = variableLayout.version;
    }
    if (local !== undefined && local.options.size === 0 && !local.convert && !local.validate) local.value = value;
    else scope.assign(name, value, key);
  };
}

/** Names whose value `automatic()` supplies rather than the scope chain. */
const automaticNames = new Set(['?', 'error', 'lastexitcode', 'psitem', 'pwd', 'psscriptroot', 'pscommandpath', 'host']);

/**
 * `$name`. A variable may hold AutomationNull (`$v = Get-None`); read as an operand or argument it is
 * $null, and only with `keepNothing` (a pipeline or loop source, `$w = $v`) the value itself.
 */
export function compileVariableRead(node: VariableAst, keepNothing = false): Compiled {
  const key = node.name.toLowerCase();
  if (!node.scope) {
    if (key === 'true') return () => true;
    if (key === 'false') return () => false;
    if (key === 'null') return () => null;
    if (!automaticNames.has(key)) {
      // An ordinary variable (or `$_`): the Variable it resolves to is remembered for the last scope asked
      // until any scope gains, loses or replaces a variable, so a loop body reading `$i` or `$_` skips the
      // walk up the scopes and its Map lookups. The value is read from the Variable each time.
      let lastScope: Scope | undefined;
      let found: Variable | undefined;
      let version = -1;
      return (f) => {
        const scope = f.scope;
        let v = found;
        if (scope !== lastScope || version !== variableLayout.version) {
          v = found = scope.lookupKey(key);
          lastScope = scope;
          version = variableLayout.version;
        }
        if (v === undefined) return null;
        const value = v.value;
        return value === undefined || (value === AutomationNull && !keepNothing) ? null : value;
      };
    }
  }
  const { name, scope } = node;
  if (keepNothing) return (f) => readVariable(f, name, scope);
  return (f) => {
    const value = readVariable(f, name, scope);
    return value === AutomationNull ? null : value;
  };
}
