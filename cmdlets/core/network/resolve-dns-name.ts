// Resolve-DnsName as 5.1's DnsClient module has it, for the names a mail setup depends on: the lab's
// records first (its domains' MX and A records, on the loopback), then the system's DNS. A name that
// does not exist is a non-terminating error, "<name> : DNS name does not exist".
import { defineCmdlet } from '../../../src/pipeline/cmdlet.ts';
import { DnsLookupError, labRecords, systemRecords } from './dns-lookup.ts';
import { RECORD_TYPES, dnsRecord, type RecordType } from './dns-records.ts';

export const resolveDnsName = defineCmdlet({
  name: 'Resolve-DnsName',
  synopsis: 'Performs a DNS query for the specified name.',
  description:
    'Looks -Name up: in the lab first (a lab domain has an MX record naming its mail host, preference 10, and A records on ' +
    'the loopback for the domain, its mail host and every lab computer, TTL 3600), then in the system’s DNS (and hosts file ' +
    'for A/AAAA). -Type chooses the record type: A_AAAA (both, the default), A, AAAA, MX, NS, CNAME, PTR or TXT. Records ' +
    'from the system DNS other than A/AAAA show a TTL of 0. Not supported: -Server, -DnsOnly, -CacheOnly and the other switches.',
  module: 'DnsClient',
  commandId: 'Microsoft.DnsClient.Commands.ResolveDnsName',
  outputType: ['Microsoft.DnsClient.Commands.DnsRecord'],
  parameters: {
    Name: { type: 'string', position: 0, mandatory: true, valueFromPipeline: true, valueFromPipelineByPropertyName: true, description: 'The name to look up.' },
    Type: { type: 'string', position: 1, validateSet: [...RECORD_TYPES], defaultDescription: 'A_AAAA', description: 'The record type to ask for.' },
  },
  examples: [
    {
      title: 'The MX record of a lab domain',
      setup: '$saved = $env:EMSH_LAB_REGISTRY; $env:EMSH_LAB_REGISTRY = Join-Path $env:EMSH_HOME lab.json\nSet-LabDnsRecord -Domain woodgrovebank.com -Port 2626 | Out-Null',
      code: 'Resolve-DnsName woodgrovebank.com -Type MX; $env:EMSH_LAB_REGISTRY = $saved',
      output:
        'Name                                     Type   TTL   Section    NameExchange                              Preference\n' +
        '----                                     ----   ---   -------    ------------                              ----------\n' +
        'woodgrovebank.com                        MX     3600  Answer     mail.woodgrovebank.com                    10',
    },
    {
      title: 'The address of its mail host',
      setup: '$saved = $env:EMSH_LAB_REGISTRY; $env:EMSH_LAB_REGISTRY = Join-Path $env:EMSH_HOME lab.json\nSet-LabDnsRecord -Domain woodgrovebank.com -Port 2626 | Out-Null',
      code: '(Resolve-DnsName mail.woodgrovebank.com -Type A).IPAddress; $env:EMSH_LAB_REGISTRY = $saved',
      output: '127.0.0.1',
    },
  ],
  async process(p, ctx) {
    const name = p.Name!.trim();
    const type = (RECORD_TYPES.find((t) => t.toLowerCase() === (p.Type ?? 'A_AAAA').toLowerCase()) ?? 'A_AAAA') as RecordType;
    try {
      const records = labRecords(ctx.session, name, type) ?? (await systemRecords(name, type));
      for (const record of records) ctx.write(dnsRecord(record), false);
    } catch (e) {
      if (!(e instanceof DnsLookupError)) throw e;
      ctx.writeError({ message: e.message, errorId: e.errorId, category: 'ResourceUnavailable', targetObject: name, exceptionType: 'System.ComponentModel.Win32Exception' });
    }
  },
});
