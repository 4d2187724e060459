// Send-MailMessage (PowerShell's cmdlet), Get-LabMailboxMessage (what Outlook showed: the delivered
// mail, its headers and whether it is "Domain Secured") and Set-/Get-LabDnsRecord (the lab DNS).
import { registerView } from '../../../src/format/views.ts';
import { defineCmdlet } from '../../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../../src/pipeline/context.ts';
import { TerminatingError } from '../../../src/runtime/errors.ts';
import { PSObject, type SecureString } from '../../../src/runtime/values.ts';
import { isCredential } from '../../core/support/credential.ts';
import { LabDnsRegistry } from '../../../src/store/lab-dns.ts';
import { transportStateDir } from '../../../src/transport/config-from-store.ts';
import { listMailbox, readMessage } from '../../../src/transport/mailbox.ts';
import { sendMail } from '../../../src/transport/send-mail.ts';
import { exchangeState, exchangeStateRoot, failWithStoreError, writeStoreError } from '../exchange-state.ts';
import { findTransport } from './transport-access.ts';

export const MAILBOX_MESSAGE_TYPE = 'Emsh.Lab.MailboxMessage';
export const LAB_DNS_RECORD_TYPE = 'Emsh.Lab.DnsRecord';

registerView(MAILBOX_MESSAGE_TYPE, { kind: 'table', columns: ['Received', 'From', 'Subject', 'DomainSecured', 'AuthDomain'] });
registerView(LAB_DNS_RECORD_TYPE, { kind: 'table', columns: ['Domain', 'Host', 'Port', 'Organization'] });

const SETUP =
  'Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com -ListenPort 2525 -NoDnsRegistration | Out-Null; ' +
  'Set-ReceiveConnector Inet -Bindings 127.0.0.1:0; Start-Service MSExchangeTransport';

function credentialOf(value: unknown): { user: string; password: string } | undefined {
  const obj = value instanceof PSObject ? value : undefined;
  if (!obj || !isCredential(obj)) return undefined;
  const password = obj.getProperty('Password') as SecureString | undefined;
  return { user: String(obj.getProperty('UserName') ?? ''), password: password ? password.reveal() : '' };
}

function isLocalHost(host: string): boolean {
  return ['localhost', '127.0.0.1', '::1', '[::1]'].includes(host.toLowerCase());
}

export const sendMailMessageCmdlet = defineCmdlet({
  name: 'Send-MailMessage',
  synopsis: 'Sends an e-mail message.',
  description:
    'Sends a message over SMTP to -SmtpServer:-Port ($PSEmailServer when -SmtpServer is omitted). When the transport service runs (in this shell, or in another process on the same state root such as emsh -Service) and -SmtpServer is omitted or names one of its own loopback listeners, the message is submitted to it directly (as a mail client submits to its organisation), so mail to other domains is routed by the send connectors.',
  module: 'Microsoft.PowerShell.Utility',
  commandId: 'Microsoft.PowerShell.Commands.SendMailMessage',
  parameters: {
    To: { type: 'string[]', mandatory: true, position: 0, description: 'Recipients.' },
    Subject: { type: 'string', mandatory: true, position: 1, aliases: ['sub'], description: 'The subject.' },
    Body: { type: 'string', position: 2, description: 'The body text.' },
    SmtpServer: { type: 'string', position: 3, aliases: ['ComputerName'], description: 'The SMTP server (default $PSEmailServer, else the running transport service).' },
    From: { type: 'string', mandatory: true, description: 'The sender address.' },
    Cc: { type: 'string[]', description: 'Copy recipients.' },
    Port: { type: 'int', validateRange: [1, 65535], description: 'The SMTP port (default 25).' },
    UseSsl: { type: 'switch', description: 'Use STARTTLS.' },
    Credential: { type: 'object', description: 'A PSCredential for AUTH LOGIN (Get-Credential, or New-Object PSCredential).' },
  },
  examples: [
    {
      title: 'Mail to a local mailbox through the running transport',
      setup: SETUP,
      code: 'Send-MailMessage -From admin@contoso.com -To kim@contoso.com -Subject Hello -Body Hi; (Get-LabMailboxMessage -Mailbox kim@contoso.com).Subject',
      output: 'Hello',
      needsState: true,
    },
  ],
  async process(p, ctx) {
    const server = p.SmtpServer ?? (ctx.session.preference('PSEmailServer') || undefined);
    const transport = !server || isLocalHost(server) ? await findTransport(ctx) : undefined;
    const ownListener = transport && (!server || transport.listeners.some((l) => l.port === (p.Port ?? 25)));
    const message = { from: p.From!, to: p.To!, ...(p.Cc ? { cc: p.Cc } : {}), subject: p.Subject ?? '', body: p.Body ?? '' };
    try {
      if (ownListener) {
        const result = await transport!.submitMessage(message);
        ctx.writeVerbose(`Submitted ${result.messageId}: ${result.delivered.length} delivered locally, ${result.queued.length} queued.`);
        return;
      }
      if (!server) {
        ctx.fail({
          message: 'The SMTP server name has not been specified. Specify -SmtpServer or set $PSEmailServer, or start the transport service (Start-Service MSExchangeTransport).',
          errorId: 'SmtpServerNotSpecified',
          category: 'InvalidArgument',
          exceptionType: 'System.Management.Automation.PSArgumentException',
        });
      }
      const credential = credentialOf(p.Credential);
      await sendMail({ smtpServer: server!, port: p.Port ?? 25, ...message, useSsl: p.UseSsl, ...(credential ? { credential } : {}) });
    } catch (error) {
      if (error instanceof TerminatingError) throw error;
      if (error instanceof Error && (error.name === 'SendMailError' || /connect|ECONN|timed out/i.test(error.message))) {
        const refused = error.name !== 'SendMailError' || /ECONNREFUSED|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH/.test(error.message);
        if (refused) ctx.writeVerbose(error.message);
        ctx.writeError({ message: refused ? 'Unable to connect to the remote server' : error.message, errorId: 'SmtpException', category: 'InvalidOperation', exceptionType: 'System.Net.Mail.SmtpException' });
        return;
      }
      throw error;
    }
  },
});

function mailboxObject(path: string, received: Date): PSObject {
  const mail = readMessage(path);
  const obj = new PSObject([MAILBOX_MESSAGE_TYPE, 'System.Object']);
  obj.setProperty('Received', received);
  obj.setProperty('From', mail.from ?? null);
  obj.setProperty('To', mail.to ?? null);
  obj.setProperty('Subject', mail.subject ?? null);
  obj.setProperty('DomainSecured', mail.domainSecured);
  obj.setProperty('AuthDomain', mail.authDomain ?? null);
  obj.setProperty('MessageId', mail.messageId ?? null);
  obj.setProperty('Headers', mail.headers.map((h) => `${h.name}: ${h.value}`));
  obj.setProperty('Body', mail.body);
  obj.setProperty('Path', path);
  return obj;
}

export const getLabMailboxMessageCmdlet = defineCmdlet({
  name: 'Get-LabMailboxMessage',
  synopsis: 'Reads the mail delivered to a mailbox of the lab organisation.',
  description:
    'Lab cmdlet. Lists the messages the transport service delivered to a mailbox (one .eml file each under mailbox/<domain>/<user> in the state root), oldest first, with their headers and whether they arrived Domain Secured (AuthAs Partner over mutual TLS, as Outlook shows it) and from which AuthDomain. Works whether or not the service runs.',
  module: 'emsh.Lab',
  commandId: 'Emsh.Lab.GetLabMailboxMessage',
  outputType: [MAILBOX_MESSAGE_TYPE],
  parameters: {
    Mailbox: { type: 'string', mandatory: true, position: 0, valueFromPipelineByPropertyName: true, description: 'The mailbox address, such as kim@contoso.com.' },
    Subject: { type: 'string', description: 'Only messages whose subject matches this wildcard pattern.' },
  },
  examples: [
    {
      title: 'An empty mailbox',
      setup: 'Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com -ListenPort 2525 -NoDnsRegistration | Out-Null',
      code: '@(Get-LabMailboxMessage -Mailbox kim@contoso.com).Count',
      output: '0',
      needsState: true,
    },
  ],
  process(p, ctx) {
    let stateDir: string;
    try {
      stateDir = transportStateDir(exchangeState(ctx.session));
    } catch (error) {
      failWithStoreError(ctx, error);
    }
    const pattern = p.Subject ? new RegExp(`^${p.Subject.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i') : undefined;
    for (const entry of listMailbox(stateDir, p.Mailbox!)) {
      const obj = mailboxObject(entry.path, entry.receivedTime);
      if (pattern && !pattern.test(String(obj.getProperty('Subject') ?? ''))) continue;
      ctx.write(obj);
    }
  },
});

function dnsObject(entry: { domain: string; host: string; port: number; organization: string | null; stateRoot: string | null }): PSObject {
  const obj = new PSObject([LAB_DNS_RECORD_TYPE, 'System.Object']);
  obj.setProperty('Domain', entry.domain);
  obj.setProperty('Host', entry.host);
  obj.setProperty('Port', entry.port);
  obj.setProperty('Organization', entry.organization);
  obj.setProperty('StateRoot', entry.stateRoot);
  return obj;
}

function registry(ctx: CmdletContext): LabDnsRegistry {
  return LabDnsRegistry.forStateRoot(exchangeStateRoot(ctx.session), ctx.session.env);
}

export const setLabDnsRecordCmdlet = defineCmdlet({
  name: 'Set-LabDnsRecord',
  synopsis: 'Points a domain at a loopback SMTP endpoint in the lab DNS.',
  description:
    'Lab cmdlet. The lab DNS registry ($env:EMSH_LAB_REGISTRY, else emsh-lab-registry.json beside the state root) maps an SMTP domain to a loopback host and port; the transport service looks next-hop domains up there before DNS MX. Initialize-LabOrganization registers the organisation\'s own domain; use this for a partner such as woodgrovebank.com, or for a real Postfix on a loopback port.',
  module: 'emsh.Lab',
  commandId: 'Emsh.Lab.SetLabDnsRecord',
  supportsShouldProcess: true,
  outputType: [LAB_DNS_RECORD_TYPE],
  parameters: {
    Domain: { type: 'string', mandatory: true, position: 0, description: 'The SMTP domain.' },
    Port: { type: 'int', mandatory: true, validateRange: [1, 65535], description: 'The port of its receive connector.' },
    HostName: { type: 'string', description: 'The loopback host (default 127.0.0.1).' },
    Organization: { type: 'string', description: 'A label shown by Get-LabDnsRecord.' },
  },
  examples: [
    {
      title: 'Point woodgrovebank.com at a local port',
      setup: '$saved = $env:EMSH_LAB_REGISTRY; $env:EMSH_LAB_REGISTRY = Join-Path $env:EMSH_HOME lab.json',
      code: 'Set-LabDnsRecord -Domain woodgrovebank.com -Port 2626 | Format-Table Domain,Host,Port -AutoSize; $env:EMSH_LAB_REGISTRY = $saved',
      output: 'Domain            Host      Port\n------            ----      ----\nwoodgrovebank.com 127.0.0.1 2626',
    },
  ],
  async process(p, ctx) {
    try {
      if (!(await ctx.shouldProcess(p.Domain!, 'Set-LabDnsRecord'))) return;
      const entry = registry(ctx).register({ domain: p.Domain!, host: p.HostName ?? '127.0.0.1', port: p.Port!, ...(p.Organization ? { organization: p.Organization } : {}) });
      ctx.write(dnsObject(entry));
    } catch (error) {
      writeStoreError(ctx, error);
    }
  },
});

export const getLabDnsRecordCmdlet = defineCmdlet({
  name: 'Get-LabDnsRecord',
  synopsis: 'Lists the lab DNS registry.',
  description: 'Lab cmdlet. The domains of the lab DNS registry and the loopback endpoints they point at.',
  module: 'emsh.Lab',
  commandId: 'Emsh.Lab.GetLabDnsRecord',
  outputType: [LAB_DNS_RECORD_TYPE],
  parameters: { Domain: { type: 'string', position: 0, description: 'Only this domain.' } },
  examples: [
    {
      title: 'After Set-LabDnsRecord',
      setup: '$saved = $env:EMSH_LAB_REGISTRY; $env:EMSH_LAB_REGISTRY = Join-Path $env:EMSH_HOME lab.json; Set-LabDnsRecord -Domain woodgrovebank.com -Port 2626 | Out-Null',
      code: '(Get-LabDnsRecord woodgrovebank.com).Port; $env:EMSH_LAB_REGISTRY = $saved',
      output: '2626',
    },
  ],
  process(p, ctx) {
    try {
      for (const entry of registry(ctx).list()) if (!p.Domain || entry.domain.toLowerCase() === p.Domain.toLowerCase()) ctx.write(dnsObject(entry));
    } catch (error) {
      writeStoreError(ctx, error);
    }
  },
});

export const mailCmdlets = [sendMailMessageCmdlet, getLabMailboxMessageCmdlet, setLabDnsRecordCmdlet, getLabDnsRecordCmdlet];
