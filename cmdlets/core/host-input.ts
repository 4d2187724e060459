// Read-Host, Get-Credential and Clear-Host: the cmdlets that talk to the person at the console.
// Without a person to ask (-NonInteractive, a script fed on standard input), prompting is an error.
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import { toPSString } from '../../src/runtime/to-string.ts';
import { SecureString, baseValue } from '../../src/runtime/values.ts';
import { isCredential, makeCredential, registerCredentialType } from './support/credential.ts';

const utility = 'Microsoft.PowerShell.Utility';

function requireInteractive(ctx: CmdletContext): void {
  if (ctx.session.interactive) return;
  ctx.fail({
    message: 'Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.',
    errorId: 'System.Management.Automation.Host.HostException',
    category: 'InvalidOperation',
    exceptionType: 'System.Management.Automation.Host.HostException',
  });
}

export const readHost = defineCmdlet({
  name: 'Read-Host',
  synopsis: 'Reads a line of input from the console.',
  description: 'Shows the prompt followed by ": " and reads a line typed at the console. With -AsSecureString the input is not echoed and comes back as a SecureString.',
  module: utility,
  commandId: 'Microsoft.PowerShell.Commands.ReadHostCommand',
  parameters: {
    Prompt: { type: 'object', position: 0, valueFromRemainingArguments: true, allowNull: true, description: 'The text of the prompt.' },
    AsSecureString: { type: 'switch', description: 'Reads without echo and writes a SecureString.' },
  },
  examples: [
    {
      title: 'Guard a script that may run without a console',
      code: "try { $server = Read-Host 'Edge server name' } catch { $server = 'EDGE01' }\n$server",
      output: 'EDGE01',
      remarks: 'At a console, `$password = Read-Host "Enter password" -AsSecureString` shows `Enter password: ` and reads without echo; without one, Read-Host fails and the script falls back.',
    },
  ],
  async process(p, ctx) {
    requireInteractive(ctx);
    const prompt = p.Prompt === undefined || p.Prompt === null ? '' : `${toPSString(Array.isArray(p.Prompt) ? p.Prompt.join(' ') : p.Prompt)}: `;
    if (p.AsSecureString) {
      const secret = await ctx.session.host.readSecret(prompt);
      if (secret === null) return;
      ctx.write(new SecureString(secret), false);
      return;
    }
    const line = await ctx.session.host.readLine(prompt);
    if (line !== null) ctx.write(line, false);
  },
});

export const getCredential = defineCmdlet({
  name: 'Get-Credential',
  synopsis: 'Gets a credential object based on a user name and password.',
  description:
    'Asks for a user name (unless given with -UserName or -Credential) and a password, and writes a PSCredential with ' +
    'UserName and Password (a SecureString).',
  module: 'Microsoft.PowerShell.Security',
  commandId: 'Microsoft.PowerShell.Commands.GetCredentialCommand',
  defaultParameterSet: 'CredentialSet',
  parameters: {
    Credential: { type: 'object', position: 0, sets: ['CredentialSet'], description: 'A user name, or a credential whose user name is used.' },
    Message: { type: 'string', sets: ['MessageSet'], description: 'The message shown above the prompts.' },
    UserName: { type: 'string', position: 0, sets: ['MessageSet'], description: 'The user name; only the password is asked for.' },
    Title: { type: 'string', sets: ['MessageSet'], description: 'The title shown above the prompts.' },
  },
  examples: [
    {
      title: 'Pass a credential through',
      code: "$cred = New-Object PSCredential ('contoso\\admin', (ConvertTo-SecureString 'P@ssw0rd1' -AsPlainText -Force))\n(Get-Credential -Credential $cred).UserName",
      output: 'contoso\\admin',
      remarks: 'At a console, `$cred = Get-Credential contoso\\admin` asks for the password of contoso\\admin instead.',
    },
  ],
  async process(p, ctx) {
    registerCredentialType();
    const given = baseValue(p.Credential);
    if (isCredential(given)) {
      ctx.write(given, false);
      return;
    }
    requireInteractive(ctx);
    const host = ctx.session.host;
    ctx.writeHost(p.Title ?? 'Windows PowerShell credential request.');
    ctx.writeHost(p.Message ?? 'Enter your credentials.');
    let user = p.UserName ?? (given !== undefined && given !== null ? toPSString(given) : undefined);
    if (user === undefined) {
      const typed = await host.readLine('User: ');
      if (typed === null) return;
      user = typed;
    }
    const password = await host.readSecret(`Password for user ${user}: `);
    if (password === null) return;
    ctx.write(makeCredential(user, new SecureString(password)), false);
  },
});

export const clearHost = defineCmdlet({
  name: 'Clear-Host',
  synopsis: 'Clears the display in the host program.',
  description: 'Clears the console screen.',
  module: 'Microsoft.PowerShell.Core',
  commandId: 'Clear-Host',
  aliases: ['cls', 'clear'],
  parameters: {},
  examples: [{ title: 'Clear the screen', code: 'Clear-Host', output: '' }],
  process(_p, ctx) {
    ctx.session.host.clear();
  },
});

export const hostInputCmdlets = [readHost, getCredential, clearHost];
