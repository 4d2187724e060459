// The contract between an inbound SMTP session and the service that owns it.
import type { InboundAuthentication } from './inbound-stamping.ts';
import type { TlsContextCache } from './tls-context-cache.ts';
import type { ReceiveConnectorSettings, TransportSettings } from './transport-settings.ts';

/** An accepted message, as the session hands it over. */
export interface InboundEnvelope {
  connector: ReceiveConnectorSettings;
  sessionId: string;
  from: string;
  recipients: string[];
  data: Buffer;
  helo: string;
  remoteAddress: string;
  localAddress: string;
  tls: boolean;
  authentication: InboundAuthentication;
}

export interface ReceiveSessionHost {
  /** The current settings (a reload applies to the next command). */
  settings(): TransportSettings;
  tlsContexts: TlsContextCache;
  /** A transaction started (MAIL FROM accepted): get a spool file ready for its message (spool-reserve.ts). */
  prepareMessage?(): void;
  /** Delivers or queues; resolves to the id shown in `250 2.6.0 <id> Queued mail for delivery`. */
  acceptMessage(envelope: InboundEnvelope): Promise<string>;
}
