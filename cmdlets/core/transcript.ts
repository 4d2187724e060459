// Start-Transcript and Stop-Transcript: a text file of what the host shows (commands read at the prompt,
// output, errors, Write-Host) between the two, with Windows PowerShell 5.1's header and footer. The host
// side is the hook in src/runtime/host-ui.ts; each piece of text is appended as it is written, so an
// interrupted session still leaves its transcript.
import { appendFileSync, existsSync, mkdirSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { dirname } from 'node:path';
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import { attachTranscript } from '../../src/runtime/host-ui.ts';
import { provider, reportPathError } from './support/paths.ts';

const module = 'Microsoft.PowerShell.Host';
const TRANSCRIPTS = 'transcripts';
const RULE = '**********************';

interface Transcript {
  psPath: string;
  native: string;
  detach: () => void;
}

function open(ctx: CmdletContext): Transcript[] {
  let list = ctx.session.services.get(TRANSCRIPTS) as Transcript[] | undefined;
  if (!list) ctx.session.services.set(TRANSCRIPTS, (list = []));
  return list;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
function stamp(d: Date): string {
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
}

function computerName(ctx: CmdletContext): string {
  return (ctx.session.env.COMPUTERNAME ?? hostname().split('.')[0]).toUpperCase();
}

function header(ctx: CmdletContext, now: Date): string {
  const user = `${ctx.session.env.USERDOMAIN ?? computerName(ctx)}\\${ctx.session.env.USERNAME ?? userInfo().username}`;
  return [
    RULE,
    'Windows PowerShell transcript start',
    `Start time: ${stamp(now)}`,
    `Username: ${user}`,
    `RunAs User: ${user}`,
    'Configuration Name: ',
    `Machine: ${computerName(ctx)} (Microsoft Windows NT 10.0.14393.0)`,
    `Host Application: emsh`,
    `Process ID: ${process.pid}`,
    'PSVersion: 5.1.14393.0',
    'PSEdition: Desktop',
    'PSCompatibleVersions: 1.0, 2.0, 3.0, 4.0, 5.0, 5.1.14393.0',
    'BuildVersion: 10.0.14393.0',
    'CLRVersion: 4.0.30319.42000',
    'WSManStackVersion: 3.0',
    'PSRemotingProtocolVersion: 2.3',
    'SerializationVersion: 1.1.0.1',
    RULE,
    '',
  ].join('\n');
}

/** $HOME\Documents\PowerShell_transcript.<COMPUTER>.<random>.<time>.txt, as 5.1 names it. */
function defaultPath(ctx: CmdletContext, directory: string | undefined, now: Date): string {
  const random = Math.random().toString(36).slice(2, 10).padEnd(8, '0');
  const folder = directory ?? `~\\Documents`;
  return `${folder.replace(/[\\/]$/, '')}\\PowerShell_transcript.${computerName(ctx)}.${random}.${stamp(now)}.txt`;
}

export const startTranscript = defineCmdlet({
  name: 'Start-Transcript',
  synopsis: 'Creates a record of all or part of a PowerShell session to a text file.',
  description:
    'Records the session in a text file until Stop-Transcript: the commands typed at the prompt, their output, errors and ' +
    'warnings, and Write-Host text, after a header naming the user, computer and PowerShell version. Without -Path the file is ' +
    'PowerShell_transcript.<computer>.<random>.<time>.txt in Documents of the home folder (or -OutputDirectory). An existing ' +
    'file is replaced unless -Append is given (-NoClobber refuses it instead). Transcripts can be nested.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.StartTranscriptCommand',
  defaultParameterSet: 'ByPath',
  supportsShouldProcess: true,
  outputType: ['System.String'],
  parameters: {
    Path: { type: 'string', position: 0, sets: ['ByPath'], description: 'The transcript file.' },
    LiteralPath: { type: 'string', sets: ['ByLiteralPath'], aliases: ['PSPath'], description: 'The transcript file, taken literally.' },
    OutputDirectory: { type: 'string', sets: ['ByOutputDirectory'], description: 'A folder for a transcript with the default file name.' },
    Append: { type: 'switch', description: 'Adds to the end of an existing file instead of replacing it.' },
    Force: { type: 'switch', description: 'Accepted for compatibility (read-only files are not overwritten).' },
    NoClobber: { type: 'switch', aliases: ['NoOverwrite'], description: 'Refuses to replace an existing file.' },
    IncludeInvocationHeader: { type: 'switch', description: 'Accepted for compatibility.' },
  },
  examples: [
    {
      title: 'Record part of a session',
      code: "Start-Transcript -Path C:\\session.txt\nWrite-Output 'recorded'\nStop-Transcript",
      output: 'Transcript started, output file is C:\\session.txt\nrecorded\nTranscript stopped, output file is C:\\session.txt',
    },
    {
      title: 'What the file holds',
      setup: "Start-Transcript -Path C:\\t.txt | Out-Null\n'hello'\nStop-Transcript | Out-Null",
      code: "(Get-Content C:\\t.txt)[0..2] + (Get-Content C:\\t.txt)[-4..-1]",
      outputMatches:
        '^\\*{22}\\nWindows PowerShell transcript start\\nStart time: \\d{14}\\n\\*{22}\\nWindows PowerShell transcript end\\nEnd time: \\d{14}\\n\\*{22}$',
    },
  ],
  process(p, ctx) {
    const now = new Date();
    const raw = p.LiteralPath ?? p.Path ?? defaultPath(ctx, p.OutputDirectory, now);
    let resolved;
    try {
      resolved = provider(ctx).resolve(raw);
    } catch (e) {
      reportPathError(ctx, e, raw);
      return;
    }
    const { native, psPath } = resolved;
    if (p.NoClobber && !p.Append && existsSync(native)) {
      ctx.fail({
        message: `File ${psPath} already exists and NoClobber was specified.`,
        errorId: 'NoClobber',
        category: 'ResourceExists',
        targetObject: psPath,
        exceptionType: 'System.IO.IOException',
      });
    }
    try {
      mkdirSync(dirname(native), { recursive: true });
      if (p.Append) appendFileSync(native, header(ctx, now));
      else appendFileSync(native, header(ctx, now), { flag: 'w' });
    } catch (e) {
      reportPathError(ctx, e, psPath);
      return;
    }
    const detach = attachTranscript(ctx.session.host, (text) => appendFileSync(native, text));
    open(ctx).push({ psPath, native, detach });
    ctx.write(`Transcript started, output file is ${psPath}`, false);
  },
});

export const stopTranscript = defineCmdlet({
  name: 'Stop-Transcript',
  synopsis: 'Stops a transcript.',
  description: 'Stops the transcript started last, writing the closing lines with the end time to its file.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.StopTranscriptCommand',
  outputType: ['System.String'],
  parameters: {},
  examples: [
    {
      title: 'Stop when no transcript runs',
      code: 'try { Stop-Transcript } catch { $_.Exception.Message }',
      output: 'An error occurred stopping transcription: The host is not currently transcribing.',
    },
  ],
  process(_p, ctx) {
    const transcript = open(ctx).pop();
    if (!transcript) {
      return ctx.fail({
        message: 'An error occurred stopping transcription: The host is not currently transcribing.',
        errorId: 'InvalidOperation',
        category: 'InvalidOperation',
        exceptionType: 'System.Management.Automation.PSInvalidOperationException',
      });
    }
    transcript.detach();
    appendFileSync(transcript.native, `${RULE}\nWindows PowerShell transcript end\nEnd time: ${stamp(new Date())}\n${RULE}\n`);
    ctx.write(`Transcript stopped, output file is ${transcript.psPath}`, false);
  },
});
