// One inbound SMTP session on a receive connector: the command state machine (RFC 5321, 3207,
// 1870, 2920, 3030, 4954), Exchange's replies, limits and timeouts, and the protocol log rows.
// What MAIL FROM and RCPT TO accept (the domain-secure decision among it) is smtp-envelope-policy.ts;
// reading DATA and BDAT bodies is smtp-body-reader.ts. Input is consumed only through
// SmtpInputBuffer (bounded); while an asynchronous step runs (certificate validation, delivery) the
// socket is paused.
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { displayAddress, endpoint } from '../store/ip-range.ts';
import type { InboundAuthentication } from './inbound-stamping.ts';
import type { ProtocolLogSession } from './protocol-log.ts';
import { DataCollector, SmtpInputBuffer } from './smtp-input-buffer.ts';
import { parseCommandLine } from './smtp-command.ts';
import { admitRecipient, admitSender, type EnvelopeRefusal } from './smtp-envelope-policy.ts';
import { encodeReply, multilineReply, queuedForDelivery, recipientOk, replies, senderOk, bdatAccepted } from './smtp-reply.ts';
import { SmtpAuthExchange } from './smtp-auth.ts';
import { parseBdatArgument, SmtpBodyReader } from './smtp-body-reader.ts';
import { clientCertificates, peerCertificateSummary, type ClientCertificates, tlsErrorName, receiveTlsOptions, upgradeServerSocket } from './starttls.ts';
import type { ReceiveSessionHost } from './receive-session-host.ts';
import { exchangeDefaults, type ReceiveConnectorSettings, type TransportSettings } from './transport-settings.ts';
import { authMechanismsFor, bannerLine, ehloKeywords } from './ehlo-capabilities.ts';

type Mode = 'command' | 'body' | 'tls' | 'closed';

const noClientCertificates: ClientCertificates = { leaf: undefined, fingerprint256: undefined, chain: () => [] };

interface Transaction {
  from: string;
  authentication: InboundAuthentication;
  recipients: string[];
  collector?: DataCollector;
}

export class SmtpServerSession {
  private stream: Socket | TLSSocket;
  private readonly input = new SmtpInputBuffer();
  private mode: Mode = 'command';
  private busy = false;
  private helo: string | undefined;
  private tls: TLSSocket | undefined;
  private peerCertificates: ClientCertificates | undefined;
  private startTlsAdvertised = false;
  private authenticatedUser: string | undefined;
  private auth: SmtpAuthExchange | undefined;
  private transaction: Transaction | undefined;
  private readonly body = new SmtpBodyReader();
  private errors = 0;
  private closeReason = 'Remote';
  private finished = false;
  private inactivityTimer: NodeJS.Timeout | undefined;
  private readonly sessionTimer: NodeJS.Timeout;
  private readonly onData = (chunk: Buffer): void => {
    this.touch();
    this.input.push(chunk);
    this.drain();
  };

  constructor(
    private readonly raw: Socket,
    private readonly connector: ReceiveConnectorSettings,
    private readonly host: ReceiveSessionHost,
    private readonly log: ProtocolLogSession,
    private readonly onClosed: () => void,
  ) {
    this.stream = raw;
    log.localEndpoint = endpoint(raw.localAddress, raw.localPort);
    log.remoteEndpoint = endpoint(raw.remoteAddress, raw.remotePort);
    log.event('+');
    raw.setNoDelay(true);
    raw.on('data', this.onData);
    raw.on('error', () => undefined);
    raw.on('close', () => this.closed());
    this.sessionTimer = setTimeout(() => this.timeout(), connector.connectionTimeoutMs ?? exchangeDefaults.receive.connectionTimeoutMs);
    this.touch();
    this.reply(bannerLine(connector));
  }

  private touch(): void {
    if (this.inactivityTimer) this.inactivityTimer.refresh();
    else this.inactivityTimer = setTimeout(() => this.timeout(), this.connector.connectionInactivityTimeoutMs ?? exchangeDefaults.receive.connectionInactivityTimeoutMs);
  }

  private timeout(): void {
    if (this.mode === 'closed') return;
    if (this.mode !== 'tls') this.reply(replies.timedOut);
    this.close('Timeout');
  }

  /** Stops the session (service shutdown). */
  abort(): void {
    if (this.mode === 'closed') return;
    if (this.mode !== 'tls') this.reply(replies.serviceNotAvailable);
    this.close('Local');
    setTimeout(() => this.stream.destroy(), 50).unref();
  }

  private reply(lines: string | readonly string[]): void {
    const all = typeof lines === 'string' ? [lines] : lines;
    this.log.lines('>', all);
    if (this.stream.writable) this.stream.write(encodeReply(all));
  }

  private close(reason: string): void {
    if (this.mode === 'closed') return;
    this.closeReason = reason;
    this.mode = 'closed';
    this.stream.end();
    setTimeout(() => this.stream.destroy(), 2000).unref();
  }

  private closed(): void {
    if (this.finished) return;
    this.finished = true;
    clearTimeout(this.inactivityTimer);
    clearTimeout(this.sessionTimer);
    this.mode = 'closed';
    this.log.event('-', '', this.closeReason);
    this.onClosed();
  }

  private protocolError(reply: string): void {
    this.reply(reply);
    this.errors += 1;
    if (this.errors >= (this.connector.maxProtocolErrors ?? exchangeDefaults.receive.maxProtocolErrors)) {
      this.reply(replies.tooManyErrors);
      this.close('Local');
    }
  }

  private drain(): void {
    while (!this.busy && this.mode !== 'closed' && this.mode !== 'tls') {
      let pending: Promise<void> | void;
      if (this.mode === 'body') {
        const complete = this.body.read(this.input);
        if (!complete) return;
        this.mode = 'command';
        pending = complete === 'message' ? this.finishMessage() : this.finishChunk();
      } else {
        const line = this.input.takeLine(exchangeDefaults.maxCommandLineLength);
        if (line === undefined) return;
        if (line.kind === 'too-long') {
          this.log.event('<', '(line too long)');
          this.protocolError(replies.lineTooLong);
          continue;
        }
        pending = this.command(line.text);
      }
      if (pending) {
        this.busy = true;
        this.stream.pause();
        pending
          .catch(() => this.reply(replies.localError))
          .finally(() => {
            this.busy = false;
            if (this.mode === 'closed') return;
            this.stream.resume();
            this.drain();
          });
        return;
      }
    }
  }

  private command(line: string): Promise<void> | void {
    if (this.auth) return this.authContinuation(line);
    this.log.event('<', line);
    const { verb, argument } = parseCommandLine(line);
    switch (verb) {
      case 'EHLO':
      case 'HELO':
        return this.hello(verb, argument.trim());
      case 'MAIL':
        return this.mail(argument);
      case 'RCPT':
        return this.rcpt(argument);
      case 'DATA':
        return this.data(argument);
      case 'BDAT':
        return this.bdat(argument);
      case 'RSET':
        this.transaction = undefined;
        return this.reply(replies.resetting);
      case 'NOOP':
        return this.reply(replies.ok);
      case 'VRFY':
        return this.reply(replies.cannotVrfy);
      case 'HELP':
        return this.reply(multilineReply(214, ['This server supports the following commands:', 'HELO EHLO STARTTLS RCPT DATA RSET MAIL QUIT HELP AUTH BDAT']));
      case 'QUIT':
        this.reply(replies.closing);
        return this.close('Local');
      case 'STARTTLS':
        return this.startTls(argument);
      case 'AUTH':
        return this.authenticate(argument);
      default:
        return this.protocolError(replies.unrecognizedCommand);
    }
  }

  private settings(): TransportSettings {
    return this.host.settings();
  }

  private canOfferStartTls(): boolean {
    return this.tls === undefined && this.connector.authMechanism.tls && this.settings().certificate(this.connector.fqdn) !== undefined;
  }

  private authMechanisms(): string[] | undefined {
    return authMechanismsFor(this.connector, { tlsActive: this.tls !== undefined, canVerify: this.settings().verifyCredentials !== undefined });
  }

  private hello(verb: string, domain: string): void {
    if (domain === '' || /\s/.test(domain)) return this.protocolError('501 5.5.4 Invalid domain name');
    this.helo = domain;
    this.transaction = undefined;
    const greeting = `${this.connector.fqdn} Hello [${displayAddress(this.raw.remoteAddress)}]`;
    if (verb === 'HELO') return this.reply(`250 ${greeting}`);
    this.startTlsAdvertised = this.canOfferStartTls();
    const lines = [greeting, ...ehloKeywords(this.connector, { startTls: this.startTlsAdvertised, auth: this.authenticatedUser ? undefined : this.authMechanisms() })];
    this.reply(multilineReply(250, lines));
  }

  private startTls(argument: string): void {
    if (this.tls) return this.protocolError(replies.badSequence);
    if (!this.helo) return this.protocolError(replies.helloFirst);
    if (argument.trim() !== '') return this.protocolError(replies.invalidArguments);
    const certificate = this.canOfferStartTls() ? this.settings().certificate(this.connector.fqdn) : undefined;
    if (!certificate) return this.reply(replies.tlsNotAvailable);
    const context = this.host.tlsContexts.get(certificate);
    this.raw.off('data', this.onData);
    this.raw.pause();
    this.reply(replies.startTlsReady);
    const discarded = this.input.clear();
    if (discarded > 0) this.log.info(`Discarded ${discarded} bytes received after STARTTLS before the TLS handshake`);
    this.mode = 'tls';
    const { socket, secure } = upgradeServerSocket(this.raw, receiveTlsOptions(context.secureContext, this.connector, this.settings()));
    this.stream = socket;
    socket.on('error', () => undefined);
    socket.on('close', () => this.closed());
    secure.then(
      () => {
        if (this.mode === 'closed') return;
        this.tls = socket;
        this.helo = undefined; // RFC 3207: the client must EHLO again
        this.transaction = undefined;
        this.log.certificate('Sending certificate', context.info);
        const peer = this.log.enabled ? this.clientCertificates() : undefined;
        if (peer?.leaf && peer.fingerprint256) this.log.certificate('Received certificate', peerCertificateSummary(peer.leaf, peer.fingerprint256));
        this.mode = 'command';
        socket.on('data', this.onData);
        this.touch();
        this.drain();
      },
      (error: unknown) => {
        this.log.info(`TLS negotiation failed with error ${tlsErrorName(error)}`);
        this.close((error as { code?: string }).code === 'ETIMEDOUT' ? 'Timeout' : 'Local');
        socket.destroy();
      },
    );
  }

  /** The client's certificates, read once per TLS session (the chain only if a validator needs it, see clientCertificates). */
  private clientCertificates(): ClientCertificates {
    if (!this.tls) return noClientCertificates;
    this.peerCertificates ??= clientCertificates(this.tls);
    return this.peerCertificates;
  }

  private async mail(argument: string): Promise<void> {
    if (!this.helo) return this.protocolError(replies.helloFirst);
    if (this.transaction) return this.protocolError(replies.senderAlreadySpecified);
    const sender = await admitSender(argument, {
      connector: this.connector,
      settings: this.settings(),
      tlsActive: this.tls !== undefined,
      startTlsAdvertised: () => this.startTlsAdvertised || this.canOfferStartTls(),
      authenticatedUser: this.authenticatedUser,
      peerCertificates: () => this.clientCertificates(),
    });
    if (this.mode === 'closed') return;
    if ('refused' in sender) return this.refuse(sender);
    this.transaction = { from: sender.from, authentication: sender.authentication, recipients: [] };
    this.log.messageMarker('receiving');
    this.host.prepareMessage?.();
    this.reply(senderOk(sender.from));
  }

  private rcpt(argument: string): void {
    if (!this.helo) return this.protocolError(replies.helloFirst);
    if (!this.transaction) return this.protocolError(replies.needMailCommand);
    const recipient = admitRecipient(argument, this.transaction, this.connector, this.settings());
    if ('refused' in recipient) return this.refuse(recipient);
    this.transaction.recipients.push(recipient.recipient);
    this.reply(recipientOk(recipient.recipient));
  }

  private refuse(refusal: EnvelopeRefusal): void {
    for (const row of refusal.logInfo) this.log.info(row);
    if (refusal.protocolError) this.protocolError(refusal.refused);
    else this.reply(refusal.refused);
  }

  private data(argument: string): void {
    if (!this.helo) return this.protocolError(replies.helloFirst);
    if (!this.transaction) return this.protocolError(replies.needMailCommand);
    if (this.transaction.recipients.length === 0) return this.protocolError(replies.needRcptCommand);
    if (this.transaction.collector) return this.protocolError(replies.badSequence);
    if (argument.trim() !== '') return this.protocolError(replies.invalidArguments);
    this.transaction.collector = new DataCollector(this.connector.maxMessageSize);
    this.body.readData(this.transaction.collector);
    this.mode = 'body';
    this.reply(replies.startMailInput);
  }

  private bdat(argument: string): void {
    if (this.connector.chunkingEnabled === false) return this.protocolError(replies.unrecognizedCommand);
    const chunk = parseBdatArgument(argument);
    if (!chunk) return this.protocolError(replies.invalidArguments);
    this.mode = 'body';
    if (!this.helo || !this.transaction || this.transaction.recipients.length === 0) {
      const reply = !this.helo ? replies.helloFirst : !this.transaction ? replies.needMailCommand : replies.needRcptCommand;
      this.transaction = undefined;
      this.body.readChunk(chunk, undefined);
      this.errors += 1;
      return this.reply(reply);
    }
    this.transaction.collector ??= new DataCollector(this.connector.maxMessageSize);
    this.body.readChunk(chunk, this.transaction.collector);
  }

  private finishChunk(): Promise<void> | void {
    const transaction = this.transaction;
    if (!transaction?.collector) return; // a discarded chunk: its error was already replied
    if (!this.body.lastChunk) {
      if (transaction.collector.oversized) {
        this.transaction = undefined;
        return this.reply(replies.messageTooBig);
      }
      return this.reply(bdatAccepted(transaction.collector.size));
    }
    return this.finishMessage();
  }

  private async finishMessage(): Promise<void> {
    const transaction = this.transaction!;
    const collector = transaction.collector!;
    this.transaction = undefined;
    if (collector.oversized) return this.reply(replies.messageTooBig);
    const id = await this.host.acceptMessage({
      connector: this.connector,
      sessionId: this.log.sessionId,
      from: transaction.from,
      recipients: transaction.recipients,
      data: collector.body(),
      helo: this.helo ?? '',
      remoteAddress: displayAddress(this.raw.remoteAddress),
      localAddress: displayAddress(this.raw.localAddress),
      tls: this.tls !== undefined,
      authentication: transaction.authentication,
    });
    if (this.mode === 'closed') return;
    this.reply(queuedForDelivery(id));
  }

  private authenticate(argument: string): Promise<void> | void {
    const mechanisms = this.authMechanisms() ?? [];
    if (!this.helo) return this.protocolError(replies.helloFirst);
    if (this.authenticatedUser) return this.protocolError(replies.alreadyAuthenticated);
    if (this.transaction) return this.protocolError(replies.badSequence);
    const verify = this.settings().verifyCredentials;
    const [mechanism = '', initial] = argument.trim().split(/\s+/);
    if (!verify || !mechanisms.includes(mechanism.toUpperCase())) return this.reply(replies.unrecognizedAuthType);
    this.auth = new SmtpAuthExchange(mechanism.toUpperCase() as 'LOGIN' | 'PLAIN', verify);
    return this.authStep(initial);
  }

  private authContinuation(line: string): Promise<void> | void {
    this.log.event('<', '***');
    if (line === '*') {
      this.auth = undefined;
      return this.protocolError('501 5.0.0 Authentication cancelled');
    }
    return this.authStep(line);
  }

  private async authStep(input: string | undefined): Promise<void> {
    const step = await this.auth!.step(input);
    if (step.kind === 'challenge') return this.reply(`334 ${step.challenge}`);
    this.auth = undefined;
    if (step.kind === 'success') {
      this.authenticatedUser = step.user;
      this.log.info('Authenticated', step.user);
      return this.reply(replies.authSucceeded);
    }
    this.protocolError(replies.authFailed);
  }
}
