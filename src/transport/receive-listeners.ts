// The TCP side of receive connectors: one listener per distinct enabled binding, connector choice
// by RemoteIPRanges (most specific range wins when connectors share a binding), and Exchange's
// connection limits (MaxInboundConnection, MaxInboundConnectionPerSource) before any SMTP is spoken.
import { createServer, type Server, type Socket } from 'node:net';
import { bestMatchingRange, displayAddress, parseIpRange, type IpRange } from '../store/ip-range.ts';
import { ProtocolLogSession, type ProtocolLogWriter } from './protocol-log.ts';
import { encodeReply, replies } from './smtp-reply.ts';
import type { ReceiveSessionHost } from './receive-session-host.ts';
import { SmtpServerSession } from './smtp-server-session.ts';
import { exchangeDefaults, type ReceiveConnectorSettings } from './transport-settings.ts';

export interface ListenerInfo {
  connector: string;
  address: string;
  port: number;
}

interface OpenListener {
  server: Server;
  address: string;
  port: number;
}

/** Connectors sharing an address:port share one listener; a port-0 binding is the connector's own. */
function bindingKey(connector: ReceiveConnectorSettings, binding: { address: string; port: number }): string {
  return binding.port === 0 ? `${binding.address}|0|${connector.name}` : `${binding.address}|${binding.port}`;
}

function parseKey(key: string): { address: string; port: number } {
  const [address = '', port = '0'] = key.split('|');
  return { address, port: Number(port) };
}

export class ReceiveListeners {
  private readonly open = new Map<string, OpenListener>();
  private connectors: ReceiveConnectorSettings[] = [];
  private readonly ranges = new WeakMap<ReceiveConnectorSettings, IpRange[]>();
  private readonly sessions = new Set<SmtpServerSession>();
  private readonly perSource = new Map<string, number>();
  private total = 0;
  private accepting = true;

  constructor(
    private readonly host: ReceiveSessionHost,
    private readonly serverName: string,
    private readonly receiveLog: ProtocolLogWriter,
    /** Told the number of sessions in progress after each one starts or ends. */
    private readonly onSessionCount?: (active: number) => void,
  ) {}

  /** Opens listeners for new bindings, closes those no longer configured, and switches connector settings. */
  async apply(connectors: readonly ReceiveConnectorSettings[]): Promise<void> {
    const enabled = connectors.filter((connector) => connector.enabled);
    for (const connector of enabled) this.ranges.set(connector, connector.remoteIPRanges.map(parseIpRange));
    this.connectors = enabled;
    const wanted = new Set(this.accepting ? enabled.flatMap((connector) => connector.bindings.map((binding) => bindingKey(connector, binding))) : []);
    for (const [key, listener] of this.open) {
      if (!wanted.has(key)) {
        this.open.delete(key);
        await new Promise<void>((resolve) => listener.server.close(() => resolve()));
      }
    }
    for (const key of wanted) {
      if (this.open.has(key)) continue;
      const { address, port } = parseKey(key);
      const server = createServer({ noDelay: true }, (socket) => this.accept(key, socket));
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen({ host: address, port, backlog: 1024 }, () => {
          server.off('error', reject);
          resolve();
        });
      });
      server.on('error', () => undefined);
      const actual = server.address();
      this.open.set(key, { server, address, port: typeof actual === 'object' && actual ? actual.port : port });
    }
  }

  listeners(): ListenerInfo[] {
    const result: ListenerInfo[] = [];
    for (const connector of this.connectors) {
      for (const binding of connector.bindings) {
        const listener = this.open.get(bindingKey(connector, binding));
        if (listener) result.push({ connector: connector.name, address: listener.address, port: listener.port });
      }
    }
    return result;
  }

  /**
   * Stops or resumes accepting connections, leaving the sessions in progress alone (a standby
   * receive worker, receive-worker-pool.ts). Listeners closed here are opened again from the
   * current connectors.
   */
  async setAccepting(accepting: boolean): Promise<void> {
    if (this.accepting === accepting) return;
    this.accepting = accepting;
    await this.apply(this.connectors);
  }

  get activeSessions(): number {
    return this.sessions.size;
  }

  async close(): Promise<void> {
    const closing = [...this.open.values()].map((listener) => new Promise<void>((resolve) => listener.server.close(() => resolve())));
    this.open.clear();
    for (const session of this.sessions) session.abort();
    await Promise.all(closing);
    // Let aborted sessions finish (their disconnect rows are logged) before the logs close.
    const deadline = Date.now() + 3000;
    while (this.sessions.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  private chooseConnector(key: string, remoteAddress: string): ReceiveConnectorSettings | undefined {
    let best: { connector: ReceiveConnectorSettings; range: IpRange } | undefined;
    for (const connector of this.connectors) {
      if (!connector.bindings.some((binding) => bindingKey(connector, binding) === key)) continue;
      const range = bestMatchingRange(this.ranges.get(connector) ?? [], remoteAddress);
      if (range && (!best || range.end - range.start < best.range.end - best.range.start)) best = { connector, range };
    }
    return best?.connector;
  }

  private accept(key: string, socket: Socket): void {
    socket.on('error', () => undefined);
    const remote = displayAddress(socket.remoteAddress);
    const connector = this.chooseConnector(key, remote);
    if (!connector) {
      socket.end(encodeReply([replies.serviceNotAvailable]));
      return;
    }
    const sourceCount = this.perSource.get(remote) ?? 0;
    const maxTotal = connector.maxInboundConnection ?? exchangeDefaults.receive.maxInboundConnection;
    const maxPerSource = connector.maxInboundConnectionPerSource ?? exchangeDefaults.receive.maxInboundConnectionPerSource;
    if (this.total >= maxTotal || sourceCount >= maxPerSource) {
      socket.end(encodeReply([replies.tooManyConnections]));
      setTimeout(() => socket.destroy(), 1000).unref();
      return;
    }
    this.total += 1;
    this.perSource.set(remote, sourceCount + 1);
    const writer = connector.protocolLoggingLevel === 'Verbose' ? this.receiveLog : undefined;
    const log = new ProtocolLogSession(writer, `${this.serverName}\\${connector.name}`);
    const session: SmtpServerSession = new SmtpServerSession(socket, connector, this.host, log, () => {
      this.sessions.delete(session);
      this.total -= 1;
      const remaining = (this.perSource.get(remote) ?? 1) - 1;
      if (remaining <= 0) this.perSource.delete(remote);
      else this.perSource.set(remote, remaining);
      this.onSessionCount?.(this.sessions.size);
    });
    this.sessions.add(session);
    this.onSessionCount?.(this.sessions.size);
  }
}
