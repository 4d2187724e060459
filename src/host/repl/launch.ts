// Loads the ink shell on demand, so `emsh -Command` and scripts never load ink or React.
// While ink loads, two variables are adjusted and then restored (commands started from the shell
// see the user's environment):
// - $CI is hidden: ink renders only the final frame when it believes it runs under CI (is-in-ci
//   reads $CI once, at load), and a person at a terminal needs the live prompt.
// - $NODE_ENV defaults to production: React then loads its production build, which is half the
//   size of the development one (Node lexes these CommonJS files for ESM named exports at start).
import type { Session } from '../../runtime/session.ts';
import type { InkHost } from './ink-host.ts';

export async function launchInkShell(session: Session, host: InkHost, version: string): Promise<number> {
  const saved = { CI: process.env.CI, CONTINUOUS_INTEGRATION: process.env.CONTINUOUS_INTEGRATION, NODE_ENV: process.env.NODE_ENV };
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  process.env.NODE_ENV = saved.NODE_ENV ?? 'production';
  let start: typeof import('./start.tsx');
  try {
    start = await import('./start.tsx');
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  return start.runInkShell(session, host, version);
}
