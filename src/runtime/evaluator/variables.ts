// Reading variables: scope qualifiers (`$global:x`, `$env:HOME`, `${function:f}`) and the automatic
// variables whose value lives outside the scope chain ($?, $Error, $LASTEXITCODE, $PWD, $PSScriptRoot...).
import * as path from 'node:path';
import type { VariableAst } from '../../../grammar/ast.ts';
import type { Compiled, Frame } from './frame.ts';

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
      return { found: true, value: f.session.currentLocation() };
    case 'psscriptroot':
      return { found: true, value: f.scope.get('PSScriptRoot') ?? (f.source.fileName ? path.dirname(f.source.fileName) : '') };
    case 'pscommandpath':
      return { found: true, value: f.scope.get('PSCommandPath') ?? f.source.fileName ?? '' };
    default:
      return { found: false };
  }
}

export function readVariable(f: Frame, name: string, scope?: string): unknown {
  const key = name.toLowerCase();
  if (scope) {
    switch (scope) {
      case 'env':
        return process.env[name] ?? process.env[Object.keys(process.env).find((k) => k.toLowerCase() === key) ?? ''] ?? null;
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

/** Names whose value `automatic()` supplies rather than the scope chain. */
const automaticNames = new Set(['?', 'error', 'lastexitcode', 'psitem', 'pwd', 'psscriptroot', 'pscommandpath']);

export function compileVariableRead(node: VariableAst): Compiled {
  const key = node.name.toLowerCase();
  if (!node.scope) {
    if (key === 'true') return () => true;
    if (key === 'false') return () => false;
    if (key === 'null') return () => null;
    if (key === '_') return (f) => f.scope.lookupKey('_')?.value ?? null;
    if (!automaticNames.has(key)) {
      // An ordinary variable: one walk up the scopes, the name lower-cased once here.
      return (f) => {
        const v = f.scope.lookupKey(key);
        return v === undefined || v.value === undefined ? null : v.value;
      };
    }
  }
  const { name, scope } = node;
  return (f) => readVariable(f, name, scope);
}
