// Runs emsh code in a fresh session with a buffer host and a temporary state root, returning the
// console text a user would see (output through Out-Default, errors in the session's error view).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSession } from '../../src/host/create-session.ts';
import { createTopLevelOutput } from '../../src/host/top-level-output.ts';
import { runText, type RunResult } from '../../src/runtime/evaluator/run-script.ts';
import { BufferHost } from '../../src/runtime/host-ui.ts';
import type { Session } from '../../src/runtime/session.ts';

export interface Shell {
  session: Session;
  host: BufferHost;
  stateRoot: string;
  /** Runs code; returns what was printed since the last call. */
  run(code: string): Promise<{ out: string; err: string; result: RunResult }>;
  /** Runs code and returns the objects it wrote (not formatted). */
  values(code: string): Promise<unknown[]>;
  dispose(): Promise<void>;
}

export function createShell(options: { answers?: string[]; width?: number; stateRoot?: string } = {}): Shell {
  const stateRoot = options.stateRoot ?? mkdtempSync(join(tmpdir(), 'emsh-test-'));
  const host = new BufferHost({ answers: options.answers, width: options.width ?? 120 });
  const previousHome = process.env.EMSH_HOME;
  process.env.EMSH_HOME = stateRoot;
  const session = createSession({ host, stateRoot });
  const output = createTopLevelOutput(session);
  return {
    session,
    host,
    stateRoot,
    async run(code) {
      const outStart = host.out.length;
      const errStart = host.err.length;
      const result = await runText(session, code, { out: output.out, streams: output.streams });
      output.finish();
      return { out: host.out.slice(outStart), err: host.err.slice(errStart), result };
    },
    async values(code) {
      const items: unknown[] = [];
      const result = await runText(session, code, { out: (v) => void items.push(v), streams: output.streams });
      if (!result.ok) throw new Error(`code failed: ${host.err}`);
      return items;
    },
    async dispose() {
      await session.dispose();
      if (previousHome === undefined) delete process.env.EMSH_HOME;
      else process.env.EMSH_HOME = previousHome;
      if (!options.stateRoot) rmSync(stateRoot, { recursive: true, force: true });
    },
  };
}

/** Console text without the leading and trailing blank lines PowerShell's formatters add. */
export function trimBlankLines(text: string): string {
  return text.replace(/^(\s*\n)+/, '').replace(/\s+$/, '');
}
