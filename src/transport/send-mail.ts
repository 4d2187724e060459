// A standalone SMTP submission client (what Send-MailMessage does against any SMTP server):
// EHLO, optional STARTTLS (`-UseSsl`), optional AUTH LOGIN, MAIL/RCPT/DATA, QUIT.
import { createSecureContext } from 'node:tls';
import { composeMessage } from './message-composer.ts';
import { SmtpClientConnection } from './smtp-client.ts';
import { responseText, type SmtpResponse } from './smtp-reply.ts';
import { domainOf } from './smtp-command.ts';
import { peerChainDer } from './starttls.ts';
import type { PeerValidator } from './transport-settings.ts';

export interface SendMailOptions {
  smtpServer: string;
  port?: number;
  from: string;
  to: string[];
  cc?: string[];
  subject: string;
  body: string;
  headers?: Record<string, string>;
  /** STARTTLS; the reply must be 220 or the send fails. */
  useSsl?: boolean;
  /** Checks the server certificate against `serverName` when using TLS (default: not checked). */
  validateServer?: PeerValidator;
  /** Name for SNI and the certificate check (default `smtpServer`). */
  serverName?: string;
  /** Client certificate to present over TLS. */
  clientCertificate?: { keyPem: string; certPem: string };
  credential?: { user: string; password: string };
  heloName?: string;
  timeoutMs?: number;
}

export class SendMailError extends Error {
  constructor(
    message: string,
    readonly response: string | undefined,
  ) {
    super(message);
    this.name = 'SendMailError';
  }
}

export interface SendMailResult {
  messageId: string;
  /** Final reply to the end of data, e.g. `250 2.6.0 <...> Queued mail for delivery`. */
  response: string;
}

export async function sendMail(options: SendMailOptions): Promise<SendMailResult> {
  const timeout = options.timeoutMs ?? 100_000;
  const connection = await SmtpClientConnection.connect({ host: options.smtpServer, port: options.port ?? 25, connectTimeoutMs: timeout, replyTimeoutMs: timeout });
  const expect = async (pending: Promise<SmtpResponse>, accepted: number[], step: string): Promise<SmtpResponse> => {
    const response = await pending;
    if (!accepted.includes(response.code)) throw new SendMailError(`Cannot send mail: the server replied to ${step} with ${responseText(response)}`, responseText(response));
    return response;
  };
  try {
    const helo = options.heloName ?? 'localhost';
    await expect(connection.readResponse(), [220], 'the connection');
    await expect(connection.command(`EHLO ${helo}`), [250], 'EHLO');
    if (options.useSsl) {
      await expect(connection.command('STARTTLS'), [220], 'STARTTLS');
      const secureContext = createSecureContext(options.clientCertificate ? { key: options.clientCertificate.keyPem, cert: options.clientCertificate.certPem } : {});
      const serverName = options.serverName ?? options.smtpServer;
      const tls = await connection.startTls({ secureContext, serverName });
      if (options.validateServer) {
        const verdict = await options.validateServer(peerChainDer(tls), serverName);
        if (!verdict.ok) throw new SendMailError(`Cannot send mail: the server certificate is not valid (${verdict.status}): ${verdict.detail}`, undefined);
      }
      await expect(connection.command(`EHLO ${helo}`), [250], 'EHLO');
    }
    if (options.credential) {
      await expect(connection.command('AUTH LOGIN'), [334], 'AUTH');
      await expect(connection.command(Buffer.from(options.credential.user).toString('base64'), '***'), [334], 'AUTH');
      await expect(connection.command(Buffer.from(options.credential.password).toString('base64'), '***'), [235], 'AUTH');
    }
    const composed = composeMessage({ ...options, messageIdDomain: domainOf(options.from) || 'localhost' });
    await expect(connection.command(`MAIL FROM:<${options.from}>`), [250], 'MAIL FROM');
    for (const recipient of [...options.to, ...(options.cc ?? [])]) await expect(connection.command(`RCPT TO:<${recipient}>`), [250, 251], `RCPT TO:<${recipient}>`);
    await expect(connection.command('DATA'), [354], 'DATA');
    const final = await expect(connection.sendData(composed.data), [250], 'the message');
    await connection.quit();
    return { messageId: composed.messageId, response: responseText(final) };
  } catch (error) {
    connection.close();
    if (error instanceof SendMailError) throw error;
    throw new SendMailError(`Cannot send mail: ${(error as Error).message}`, undefined);
  }
}
