// The network values of connectors as Exchange 2007 shows them: a send connector's AddressSpaces are
// AddressSpace objects (Type, Address, Cost; `SMTP:*;1`); Bindings are IPBinding objects
// (AddressFamily, Address, Port; `127.0.0.1:2525` as text and inside `{...}`) and RemoteIPRanges IPRange objects
// (LowerBound, UpperBound, RangeFormat, CIDRLength; shown as written). Their text is what the store
// keeps, so piping them back into Set-ReceiveConnector loses nothing (toStoreInput uses ToString).
import { PSIPAddress } from '../../src/runtime/dotnet-values.ts';
import { PSObject } from '../../src/runtime/values.ts';
import { parseAddressSpace } from '../../src/store/address-space.ts';
import { parseBinding } from '../../src/store/binding.ts';
import { bigIntToAddress, parseIpRange } from '../../src/store/ip-range.ts';

function withText(o: PSObject, text: string): PSObject {
  o.defineMethod({ name: 'ToString', invoke: () => text, definition: 'string ToString()' });
  return o;
}

/** `0.0.0.0:25`, `[::]:25` → an IPBinding. */
export function ipBinding(text: string): PSObject {
  const { address, port } = parseBinding(text);
  const ip = PSIPAddress.parse(address)!;
  const binding = new PSObject(['Microsoft.Exchange.Data.IPBinding', 'System.Net.IPEndPoint', 'System.Net.EndPoint', 'System.Object']);
  // IPEndPoint's properties in the order the shell lists them: AddressFamily, Address, Port.
  binding.setProperty('AddressFamily', ip.family);
  binding.setProperty('Address', ip);
  binding.setProperty('Port', port);
  return withText(binding, text);
}

/** `10.0.0.1`, `10.0.0.1-10.0.0.9`, `10.0.0.0/24` → an IPRange. */
export function ipRange(text: string): PSObject {
  const parsed = parseIpRange(text);
  const format = text.includes('/') ? 'CIDR' : text.includes('-') ? 'LoHi' : 'SingleAddress';
  const bound = (value: bigint) => PSIPAddress.parse(bigIntToAddress(value, parsed.family));
  const range = new PSObject(['Microsoft.Exchange.Data.IPRange', 'System.Object']);
  range.setProperty('LowerBound', bound(parsed.start));
  range.setProperty('UpperBound', bound(parsed.end));
  range.setProperty('RangeFormat', format);
  range.setProperty('CIDRLength', format === 'CIDR' ? Number(text.slice(text.indexOf('/') + 1)) : parsed.family === 4 ? 32 : 128);
  return withText(range, text);
}

/** `SMTP:*;1`, `SMTP:contoso.com;10` (the store's canonical text) → an AddressSpace. */
export function addressSpace(text: string): PSObject {
  const { type, domain, cost } = parseAddressSpace(text);
  const space = new PSObject(['Microsoft.Exchange.Data.AddressSpace', 'System.Object']);
  space.setProperty('Type', type);
  space.setProperty('Address', domain);
  space.setProperty('Cost', cost);
  return withText(space, text);
}
