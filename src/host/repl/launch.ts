// Loads the ink shell on demand, so `emsh -Command` and scripts never load ink or React.
// ink renders only the final frame when it believes it runs under CI (is-in-ci reads $CI once, when
// ink loads); a person at a terminal needs the live prompt, so $CI is hidden while ink loads.
import type { Session } from '../../runtime/session.ts';
import type { InkHost } from './ink-host.ts';

export async function launchInkShell(session: Session, host: InkHost, version: string): Promise<number> {
  const saved = { CI: process.env.CI, CONTINUOUS_INTEGRATION: process.env.CONTINUOUS_INTEGRATION };
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  let start: typeof import('./start.tsx');
  try {
    start = await import('./start.tsx');
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v !== undefined) process.env[k] = v;
  }
  return start.runInkShell(session, host, version);
}
