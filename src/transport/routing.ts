// Send connector selection: the enabled connector whose address space matches the recipient domain
// most specifically (`contoso.com` beats `*.contoso.com` beats `*`), then the lowest cost, then name.
// `*.x` matches x and every sub-domain of x.
import type { SendConnectorSettings } from './transport-settings.ts';

export type DeliveryType = 'DnsConnectorDelivery' | 'SmartHostConnectorDelivery' | 'Unreachable';

/** Higher is more specific; undefined when the address space does not match. */
export function addressSpaceSpecificity(addressSpace: string, domain: string): number | undefined {
  const space = addressSpace.toLowerCase().replace(/^smtp:/, '');
  const wanted = domain.toLowerCase();
  if (space === '*') return 0;
  if (space.startsWith('*.')) {
    const base = space.slice(2);
    if (wanted === base || wanted.endsWith(`.${base}`)) return base.split('.').length * 2;
    return undefined;
  }
  return space === wanted ? space.split('.').length * 2 + 1 : undefined;
}

export interface Route {
  connector: SendConnectorSettings;
  cost: number;
}

export function selectSendConnector(connectors: readonly SendConnectorSettings[], domain: string): Route | undefined {
  let best: { route: Route; specificity: number } | undefined;
  for (const connector of connectors) {
    if (!connector.enabled) continue;
    for (const space of connector.addressSpaces) {
      const specificity = addressSpaceSpecificity(space.domain, domain);
      if (specificity === undefined) continue;
      const better =
        !best ||
        specificity > best.specificity ||
        (specificity === best.specificity && (space.cost < best.route.cost || (space.cost === best.route.cost && connector.name < best.route.connector.name)));
      if (better) best = { route: { connector, cost: space.cost }, specificity };
    }
  }
  return best?.route;
}

export function deliveryTypeOf(route: Route | undefined): DeliveryType {
  if (!route) return 'Unreachable';
  return route.connector.dnsRoutingEnabled ? 'DnsConnectorDelivery' : 'SmartHostConnectorDelivery';
}
