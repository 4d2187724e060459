// Cmdlet modules load on first use (Session.loadCmdlet), which is asynchronous. Code that must stay
// synchronous — a script block passed to a method (`.Where({ Get-Date })`), a sort key — cannot wait for
// a module, so before text runs, the modules of every cmdlet it names literally are loaded.
import type { Session } from '../session.ts';

/** Loads the modules of the cmdlets (and aliases of cmdlets) named by the commands in a syntax tree. */
export function preloadCommands(session: Session, ast: unknown): Promise<unknown> | undefined {
  const names = new Set<string>();
  collectCommandNames(ast, names, new Set());
  const loads: Promise<unknown>[] = [];
  for (const name of names) {
    const cmdlet = session.getCmdlet(name) ?? session.getCmdlet(session.globalScope.aliases.get(name) ?? '');
    if (!cmdlet) continue;
    const loaded = session.loadCmdlet(cmdlet);
    if (loaded instanceof Promise) loads.push(loaded.catch(() => undefined)); // the command reports it when it runs
  }
  return loads.length > 0 ? Promise.all(loads) : undefined;
}

function collectCommandNames(node: unknown, names: Set<string>, seen: Set<object>): void {
  if (node === null || typeof node !== 'object' || seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node)) {
    for (const child of node) collectCommandNames(child, names, seen);
    return;
  }
  const record = node as Record<string, unknown>;
  if (record.kind === 'Command') {
    const name = record.name as { kind?: string; value?: unknown } | undefined;
    if (name?.kind === 'StringConstant' && typeof name.value === 'string') names.add(name.value.toLowerCase());
  }
  for (const key in record) {
    if (key === 'span' || key === 'parent') continue;
    const value = record[key];
    if (value !== null && typeof value === 'object') collectCommandNames(value, names, seen);
  }
}
