// The default next-hop resolver: DNS MX records in preference order, else the domain's own
// address (RFC 5321 section 5.1 implicit MX).
import { promises as dns } from 'node:dns';
import type { NextHopHost } from './transport-settings.ts';

export async function resolveMxNextHop(domain: string): Promise<NextHopHost[]> {
  try {
    const records = await dns.resolveMx(domain);
    if (records.length > 0) {
      return records
        .sort((a, b) => a.priority - b.priority)
        .filter((record) => record.exchange !== '' && record.exchange !== '.')
        .map((record) => ({ host: record.exchange }));
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENODATA' && code !== 'ENOTFOUND') throw error;
    if (code === 'ENOTFOUND') return [];
  }
  return [{ host: domain }];
}
