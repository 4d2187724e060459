// Console prefixes for the other output streams (ConsoleHostUserInterfaceStrings): `WARNING: `,
// `VERBOSE: `, `DEBUG: `; information records (Write-Information, Write-Host) print as they are.

export type StreamKind = 'warning' | 'verbose' | 'debug' | 'information';

const PREFIX: Record<StreamKind, string> = {
  warning: 'WARNING: ',
  verbose: 'VERBOSE: ',
  debug: 'DEBUG: ',
  information: '',
};

/** The line(s) to print for a stream message, ending with a newline. */
export function formatStreamMessage(kind: StreamKind, message: string): string {
  return `${PREFIX[kind]}${message}\n`;
}
