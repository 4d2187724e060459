// The emsh command line: runs -Command text, a script file, a script on standard input, or the
// interactive shell; exits 0 on success, 1 after a failure, N after `exit N`.
import { readFileSync } from 'node:fs';
import { runFile, runText, type RunResult } from '../runtime/evaluator/run-script.ts';
import { CliError, parseCliArgs, usage, type CliOptions } from './cli-args.ts';
import { ConsoleHost } from './console-host.ts';
import { createSession } from './create-session.ts';
import { createTopLevelOutput } from './top-level-output.ts';
import { runLineRepl } from './line-repl.ts';
import { InkHost } from './repl/ink-host.ts';
import { launchInkShell } from './repl/launch.ts';

const VERSION = '0.1.0';

/**
 * PowerShell's process exit code: `exit N` wins; then a terminating error gives 1. For -Command the
 * last command's success decides ($? false gives 1); a script file (-File) that ends normally gives 0.
 */
function exitCodeOf(result: RunResult, lastSuccess: boolean, kind: 'command' | 'file'): number {
  if (result.exitCode !== undefined) return result.exitCode;
  if (!result.ok) return 1;
  return kind === 'file' || lastSuccess ? 0 : 1;
}

async function main(argv: string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(`${e.message}\n`);
      return 64;
    }
    throw e;
  }
  if (options.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (options.service) {
    const { runTransportDaemon } = await import('../../cmdlets/exchange/transport-service/daemon.ts');
    return runTransportDaemon();
  }
  if (options.version) {
    process.stdout.write(`emsh ${VERSION} (PowerShell language 5.1 dialect, Node ${process.version})\n`);
    return 0;
  }
  const scripted = options.command !== undefined || options.file !== undefined || options.commandFromStdin || !process.stdin.isTTY;
  // The ink shell on a terminal; the plain line prompt for pipes, -NonInteractive or NO_INK=1.
  const ink = !scripted && !!process.stdout.isTTY && !options.nonInteractive && !process.env.NO_INK;
  const host = ink ? new InkHost() : new ConsoleHost({ nonInteractive: options.nonInteractive || (scripted && !process.stdin.isTTY) });
  const session = createSession({ host, nonInteractive: options.nonInteractive });
  process.on('SIGINT', () => session.abort.abort());
  const output = createTopLevelOutput(session);
  try {
    if (options.command !== undefined || options.commandFromStdin || (options.file === undefined && !process.stdin.isTTY)) {
      const text = options.command ?? readFileSync(0, 'utf8');
      const result = await runText(session, text, { out: output.out, streams: output.streams });
      output.finish();
      return exitCodeOf(result, session.lastSuccess, 'command');
    }
    if (options.file !== undefined) {
      const result = await runFile(session, session.resolveNativePath(options.file), options.args, { out: output.out, streams: output.streams });
      output.finish();
      return exitCodeOf(result, session.lastSuccess, 'file');
    }
    if (host instanceof InkHost) return await launchInkShell(session, host, VERSION);
    return await runLineRepl(session, host, output);
  } finally {
    await session.dispose();
    if (host instanceof ConsoleHost) host.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`emsh: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(70);
  },
);
