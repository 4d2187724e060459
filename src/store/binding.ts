// Receive connector bindings: the local IP address and port a connector listens on, written
// `0.0.0.0:25`, `127.0.0.1:2525` or `[::]:25` (IPv6 in brackets, as Exchange displays them).
// Port 0 is accepted for the lab: the transport service then picks a free port.
import net from 'node:net';
import { invalidValue } from './store-error.ts';

export interface Binding {
  address: string;
  port: number;
  family: 4 | 6;
}

export function parseBinding(value: unknown): Binding {
  const text = typeof value === 'string' ? value.trim() : '';
  let address: string;
  let portText: string;
  const bracketed = /^\[([^\]]+)\]:(\d+)$/.exec(text);
  if (bracketed) {
    address = bracketed[1]!;
    portText = bracketed[2]!;
  } else {
    const colon = text.lastIndexOf(':');
    address = text.slice(0, colon);
    portText = text.slice(colon + 1);
  }
  const family = net.isIP(address);
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!family || !(port >= 0 && port <= 65535)) throw invalidBinding(value);
  return { address: address.toLowerCase(), port, family: family as 4 | 6 };
}

export function formatBinding(binding: Binding): string {
  return binding.family === 6 ? `[${binding.address}]:${binding.port}` : `${binding.address}:${binding.port}`;
}

export function canonicalBinding(value: unknown): string {
  return formatBinding(parseBinding(value));
}

function invalidBinding(value: unknown): Error {
  return invalidValue(
    `"${String(value)}" isn't a valid binding; use an IP address and a port, such as 0.0.0.0:25, 127.0.0.1:2525 or [::]:25.`,
    'InvalidBinding',
    value,
  );
}
