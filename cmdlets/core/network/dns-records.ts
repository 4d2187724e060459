// The DNS records Resolve-DnsName writes, as 5.1's DnsClient module shapes them: one type per record
// type (Microsoft.DnsClient.Commands.DnsRecord_A, _AAAA, _MX, _NS, _CNAME, _PTR, _TXT), each with Name,
// Type (and QueryType), TTL, Section and its data, shown in a table of Name, Type, TTL, Section and the
// data columns (MX: NameExchange 41 and Preference; A/AAAA: IPAddress).
import { registerView } from '../../../src/format/views.ts';
import { PSObject } from '../../../src/runtime/values.ts';

export const RECORD_TYPES = ['A_AAAA', 'A', 'AAAA', 'MX', 'NS', 'CNAME', 'PTR', 'TXT'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

const TYPE_PREFIX = 'Microsoft.DnsClient.Commands.DnsRecord';

export interface RecordData {
  name: string;
  type: Exclude<RecordType, 'A_AAAA'>;
  ttl: number;
  section?: 'Answer' | 'Authority' | 'Additional';
  /** The record's own properties (IPAddress, NameExchange and Preference, NameHost, Strings...). */
  data: Record<string, unknown>;
}

export function dnsRecord(r: RecordData): PSObject {
  const obj = PSObject.from(
    { Name: r.name, Type: r.type, QueryType: r.type, TTL: r.ttl, Section: r.section ?? 'Answer', ...r.data },
    [`${TYPE_PREFIX}_${r.type}`, TYPE_PREFIX, 'System.Object'],
  );
  if (r.type === 'A') obj.defineProperty({ name: 'IP4Address', kind: 'alias', referencedName: 'IPAddress' });
  if (r.type === 'AAAA') obj.defineProperty({ name: 'IP6Address', kind: 'alias', referencedName: 'IPAddress' });
  return obj;
}

const common = (nameWidth: number) => [
  { label: 'Name', expression: 'Name', width: nameWidth },
  { label: 'Type', expression: 'Type', width: 6 },
  { label: 'TTL', expression: 'TTL', width: 5 },
  { label: 'Section', expression: 'Section', width: 10 },
];

registerView(`${TYPE_PREFIX}_MX`, {
  kind: 'table',
  columns: [...common(40), { label: 'NameExchange', expression: 'NameExchange', width: 41 }, { label: 'Preference', expression: 'Preference' }],
});
for (const type of ['A', 'AAAA']) {
  registerView(`${TYPE_PREFIX}_${type}`, { kind: 'table', columns: [...common(46), { label: 'IPAddress', expression: 'IPAddress' }] });
}
registerView(`${TYPE_PREFIX}_NS`, { kind: 'table', columns: [...common(40), { label: 'NameHost', expression: 'NameHost' }] });
registerView(`${TYPE_PREFIX}_CNAME`, { kind: 'table', columns: [...common(40), { label: 'NameHost', expression: 'NameHost' }] });
registerView(`${TYPE_PREFIX}_PTR`, { kind: 'table', columns: [...common(40), { label: 'NameHost', expression: 'NameHost' }] });
registerView(`${TYPE_PREFIX}_TXT`, { kind: 'table', columns: [...common(40), { label: 'Strings', expression: 'Strings' }] });
