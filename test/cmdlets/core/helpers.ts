// Runs emsh code in a fresh shell (own state root) and returns the console text or the objects.
import { createShell, trimBlankLines, type Shell } from '../../helpers/run.ts';

export { trimBlankLines };

export async function withShell<T>(fn: (shell: Shell) => Promise<T>, options: Parameters<typeof createShell>[0] = {}): Promise<T> {
  const shell = createShell(options);
  try {
    return await fn(shell);
  } finally {
    await shell.dispose();
  }
}

/** Console output and error text of some code. */
export function run(code: string, options: Parameters<typeof createShell>[0] = {}): Promise<{ out: string; err: string }> {
  return withShell(async (s) => {
    const r = await s.run(code);
    return { out: r.out, err: r.err };
  }, options);
}

/** The console output with leading/trailing blank lines removed; fails on error output. */
export async function text(code: string, options: Parameters<typeof createShell>[0] = {}): Promise<string> {
  const r = await run(code, options);
  if (r.err) throw new Error(`unexpected error output:\n${r.err}`);
  return trimBlankLines(r.out);
}

/** The objects the code writes. */
export function values(code: string): Promise<unknown[]> {
  return withShell((s) => s.values(code));
}

/** The error text of some code (asserting that there is some). */
export async function errorText(code: string): Promise<string> {
  const r = await run(code);
  if (!r.err) throw new Error(`expected an error; output was:\n${r.out}`);
  return r.err;
}
