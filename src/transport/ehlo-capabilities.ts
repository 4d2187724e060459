// What a receive connector announces: the 220 banner and the EHLO keywords, in the order of the
// seed's receive log (SIZE, PIPELINING, DSN, ENHANCEDSTATUSCODES, STARTTLS, AUTH, 8BITMIME,
// BINARYMIME, CHUNKING), each switched by the connector's settings.
import { rfc5322Date } from './rfc5322-date.ts';
import type { ReceiveConnectorSettings } from './transport-settings.ts';

export function bannerLine(connector: ReceiveConnectorSettings, now = new Date()): string {
  if (connector.banner) return connector.banner.startsWith('220') ? connector.banner : `220 ${connector.banner}`;
  return `220 ${connector.fqdn} Microsoft ESMTP MAIL Service ready at ${rfc5322Date(now)}`;
}

/**
 * AUTH mechanisms to offer: LOGIN and PLAIN where BasicAuth is set and credentials can be checked
 * (over TLS only with BasicAuthRequireTLS); a bare `AUTH` (as in the seed) for the other mechanisms;
 * undefined for no AUTH keyword.
 */
export function authMechanismsFor(connector: ReceiveConnectorSettings, state: { tlsActive: boolean; canVerify: boolean }): string[] | undefined {
  const mechanism = connector.authMechanism;
  if (mechanism.basicAuth && state.canVerify && (state.tlsActive || !mechanism.basicAuthRequireTls)) return ['LOGIN', 'PLAIN'];
  if (mechanism.exchangeServer || mechanism.basicAuth || mechanism.integrated) return [];
  return undefined;
}

export function ehloKeywords(connector: ReceiveConnectorSettings, state: { startTls: boolean; auth: string[] | undefined }): string[] {
  const on = (flag: boolean | undefined): boolean => flag !== false;
  return [
    `SIZE ${connector.maxMessageSize}`,
    ...(on(connector.pipeliningEnabled) ? ['PIPELINING'] : []),
    ...(on(connector.deliveryStatusNotificationEnabled) ? ['DSN'] : []),
    'ENHANCEDSTATUSCODES',
    ...(state.startTls ? ['STARTTLS'] : []),
    ...(state.auth === undefined ? [] : [state.auth.length > 0 ? `AUTH ${state.auth.join(' ')}` : 'AUTH']),
    ...(on(connector.eightBitMimeEnabled) ? ['8BITMIME'] : []),
    ...(on(connector.binaryMimeEnabled) && on(connector.chunkingEnabled) ? ['BINARYMIME'] : []),
    ...(on(connector.chunkingEnabled) ? ['CHUNKING'] : []),
  ];
}
