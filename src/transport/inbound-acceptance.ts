// What every receiver does with an accepted message before routing it, in the owner or in a receive
// worker: Exchange's stamping with a new message id, and the split into recipients delivered here
// and recipients that go to the outbound queues.
import { stampInboundMessage } from './inbound-stamping.ts';
import { newInternetMessageId } from './message-composer.ts';
import type { InboundEnvelope } from './receive-session-host.ts';
import { domainOf } from './smtp-command.ts';
import { domainListContains } from './transport-settings.ts';

export function stampInboundEnvelope(envelope: InboundEnvelope): { messageId: string; data: Buffer } {
  const messageId = newInternetMessageId(envelope.connector.fqdn);
  const data = stampInboundMessage(envelope.data, {
    serverFqdn: envelope.connector.fqdn,
    helo: envelope.helo,
    remoteAddress: envelope.remoteAddress,
    localAddress: envelope.localAddress,
    tls: envelope.tls,
    authentication: envelope.authentication,
    messageId,
  });
  return { messageId, data };
}

export function splitRecipients(acceptedDomains: readonly string[], recipients: readonly string[]): { local: string[]; remote: string[] } {
  const local: string[] = [];
  const remote: string[] = [];
  for (const recipient of recipients) (domainListContains(acceptedDomains, domainOf(recipient)) ? local : remote).push(recipient);
  return { local, remote };
}
