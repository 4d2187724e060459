// Starts the interactive shell on the terminal: history from the state root, the controller, the
// ink view, bracketed paste, then the read-run loop. Loaded only for an interactive session.
import { render } from 'ink';
import { complete } from '../../completion/complete.ts';
import type { Session } from '../../runtime/session.ts';
import { sessionStateRoot } from '../../providers/install.ts';
import { statePaths } from '../../store/state-root.ts';
import { HistoryStore } from '../history-file.ts';
import { createTopLevelOutput } from '../top-level-output.ts';
import { bannerText } from './banner.ts';
import { grammarLanguage } from './grammar-language.ts';
import type { InkHost } from './ink-host.ts';
import { ShellController } from './shell-controller.ts';
import { runShellLoop } from './shell-loop.ts';
import { ShellView } from './ShellView.tsx';

const PASTE_ON = '\x1b[?2004h';
const PASTE_OFF = '\x1b[?2004l';

export async function runInkShell(session: Session, host: InkHost, version: string): Promise<number> {
  // A pseudo-terminal without a size (script(1) fed by a pipe, some consoles) reports 0x0; ink would
  // take every frame for a full screen and redraw the whole history each time. Assume 80x24 there.
  if (!process.stdout.columns) process.stdout.columns = 80;
  if (!process.stdout.rows) process.stdout.rows = 24;
  const root = sessionStateRoot(session);
  const max = session.globalScope.get('MaximumHistoryCount');
  const history = new HistoryStore({ file: statePaths(root).historyFile, max: typeof max === 'number' ? max : 4096 });
  history.load();
  const controller = new ShellController({
    language: grammarLanguage(),
    history: () => history.entries,
    complete: (text, cursor) => complete(session, text, cursor),
    color: host.color,
    onInterrupt: () => session.abort.abort(),
    width: () => process.stdout.columns || 80,
    height: () => process.stdout.rows || 24,
  });
  host.connect(controller);
  controller.echo(bannerText(session, version));
  const pasteOff = () => process.stdout.write(PASTE_OFF);
  process.stdout.write(PASTE_ON);
  process.once('exit', pasteOff);
  const instance = render(<ShellView controller={controller} />, { exitOnCtrlC: false, patchConsole: false });
  try {
    return await runShellLoop({ session, controller, history, output: createTopLevelOutput(session) });
  } finally {
    controller.finish();
    await instance.waitUntilExit();
    process.off('exit', pasteOff);
    pasteOff();
  }
}
