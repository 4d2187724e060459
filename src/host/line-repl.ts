// A plain line-by-line interactive prompt (used when the ink shell is not available).
import { isIncompleteInput } from '../../grammar/parse.ts';
import { runInteractiveText } from '../../cmdlets/core/remoting/entered-session.ts';
import { promptText } from './repl/prompt-text.ts';
import type { Session } from '../runtime/session.ts';
import type { ConsoleHost } from './console-host.ts';
import type { TopLevelOutput } from './top-level-output.ts';

export async function runLineRepl(session: Session, host: ConsoleHost, output: TopLevelOutput): Promise<number> {
  host.writeOutput('emsh 0.1.0 - Exchange Edge Transport domain security lab. Type Get-Help for help, exit to leave.\n');
  for (;;) {
    let text = await host.readLine(await promptText(session));
    if (text === null) return 0;
    while (isIncompleteInput(text)) {
      const more = await host.readLine('>> ');
      if (more === null || more === '') break;
      text += `\n${more}`;
    }
    if (text.trim() === '') continue;
    const result = await runInteractiveText(session, text, { out: output.out, streams: output.streams });
    output.finish();
    if (result.exitCode !== undefined) return result.exitCode;
  }
}
