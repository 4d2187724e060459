// The command line: emsh [-NoProfile] [-NonInteractive] [-Command <text> | -File <file> [args] | <file.ps1> [args]] [-Version] [-Help]
// Parameter names are case-insensitive prefixes, as in powershell.exe (`-c`, `-nop`, `-noni`).

export interface CliOptions {
  command?: string;
  file?: string;
  args: string[];
  noProfile: boolean;
  nonInteractive: boolean;
  version: boolean;
  help: boolean;
  service: boolean;
  /** -Command - : read the commands from standard input. */
  commandFromStdin: boolean;
}

const switches = ['NoProfile', 'NonInteractive', 'Version', 'Help', 'Service', 'NoLogo'] as const;

function matchName(word: string, names: readonly string[], aliases: Record<string, string> = {}): string | undefined {
  const w = word.toLowerCase();
  if (aliases[w]) return aliases[w];
  const exact = names.find((n) => n.toLowerCase() === w);
  if (exact) return exact;
  const hits = names.filter((n) => n.toLowerCase().startsWith(w));
  return hits.length === 1 ? hits[0] : undefined;
}

export class CliError extends Error {}

export function parseCliArgs(argv: string[]): CliOptions {
  const o: CliOptions = { args: [], noProfile: false, nonInteractive: false, version: false, help: false, service: false, commandFromStdin: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const isSwitch = a.startsWith('-') || (process.platform === 'win32' && a.startsWith('/'));
    if (!isSwitch || a === '-') {
      if (/^-$/.test(a)) {
        o.commandFromStdin = true;
        continue;
      }
      o.file = a;
      o.args = argv.slice(i + 1);
      break;
    }
    const name = matchName(a.replace(/^--?|^\//, ''), ['Command', 'File', ...switches], { c: 'Command', f: 'File', '?': 'Help', h: 'Help', v: 'Version' });
    switch (name) {
      case 'Command': {
        const rest = argv.slice(i + 1);
        if (rest.length === 0) throw new CliError('Missing the argument for -Command. Give the commands to run, e.g. emsh -Command "Get-Date".');
        if (rest.length === 1 && rest[0] === '-') o.commandFromStdin = true;
        else o.command = rest.join(' ');
        return o;
      }
      case 'File':
        if (i + 1 >= argv.length) throw new CliError('Missing the argument for -File. Give the path of a .ps1 script, e.g. emsh -File ./setup.ps1.');
        o.file = argv[i + 1];
        o.args = argv.slice(i + 2);
        return o;
      case 'NoProfile':
        o.noProfile = true;
        break;
      case 'NonInteractive':
        o.nonInteractive = true;
        break;
      case 'Version':
        o.version = true;
        break;
      case 'Help':
        o.help = true;
        break;
      case 'Service':
        o.service = true;
        break;
      case 'NoLogo':
        break;
      default:
        throw new CliError(`The parameter '${a}' is not recognized. Run emsh -Help to see the parameters.`);
    }
  }
  return o;
}

export const usage = `emsh: a PowerShell-like shell with an Exchange 2007 Edge Transport domain-security module

Usage:
  emsh                                  start the interactive shell
  emsh -Command <text>                  run commands and exit (alias -c; "-" reads them from standard input)
  emsh <script.ps1> [arguments]         run a script (its param() block is bound from the arguments)
  emsh -File <script.ps1> [arguments]   the same
  command | emsh                        run a script given on standard input

Options:
  -NoProfile        do not run the profile script
  -NonInteractive   never prompt: a missing mandatory parameter or a confirmation is an error
  -Service          run the Edge transport service in the foreground
  -Version          print the version
  -Help             print this text

Exit code: 0 on success, 1 when the last command failed or a terminating error ended the script,
N for 'exit N'. Errors are written to standard error.
State: $EMSH_HOME (default: the per-user config folder for emsh).`;
