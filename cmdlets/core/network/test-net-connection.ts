// Test-NetConnection (tnc) as Windows PowerShell 5.1's NetTCPIP module has it, for the checks a mail
// admin makes: a real TCP connect to -Port (or a -CommonTCPPort by name), else an echo test. Names
// resolve through the lab's DNS first (lab-names.ts), then the system resolver; every address is tried
// in turn, each failure warned about as Windows does. The result is a TestNetConnectionResult shown as
// 5.1's list of the tests made; -InformationLevel Quiet writes only whether the test succeeded.
import { lookup } from 'node:dns/promises';
import net from 'node:net';
import { defineCmdlet } from '../../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../../src/pipeline/context.ts';
import { registerView } from '../../../src/format/views.ts';
import { toPSString } from '../../../src/runtime/to-string.ts';
import { PSObject } from '../../../src/runtime/values.ts';
import { labAddress } from './lab-names.ts';
import { echo, interfaceAliasOf, isLoopbackAddress, tcpConnect } from './probes.ts';

export const TEST_NET_CONNECTION_TYPE = 'TestNetConnectionResult';
const PING_REPLY_TYPE = 'System.Net.NetworkInformation.PingReply';
const DEFAULT_TARGET = 'internetbeacon.msedge.net';
const CONNECT_TIMEOUT_MS = 10_000;

/** 5.1's names for well-known ports, with SMTP added for the mail checks this shell is for. */
export const COMMON_TCP_PORTS: Record<string, number> = { HTTP: 80, RDP: 3389, SMB: 445, WINRM: 5985, SMTP: 25 };

function text(obj: PSObject, name: string): string {
  const v = obj.getProperty(name);
  return v === null || v === undefined ? '' : toPSString(v);
}

/** The lines 5.1's view shows: what was tested decides which (labels padded to the longest). */
function resultLines(obj: PSObject): string[] {
  const entries: [string, string][] = [['ComputerName', text(obj, 'ComputerName')], ['RemoteAddress', text(obj, 'RemoteAddress')]];
  const port = Number(obj.getProperty('RemotePort') ?? 0);
  const resolved = obj.getProperty('NameResolutionSucceeded') === true;
  if (resolved && port !== 0) entries.push(['RemotePort', String(port)]);
  if (detailedResults.has(obj)) entries.push(['NameResolutionResults', text(obj, 'RemoteAddress')]);
  entries.push(['InterfaceAlias', text(obj, 'InterfaceAlias')], ['SourceAddress', text(obj, 'SourceAddress')]);
  const reply = obj.getProperty('PingReplyDetails');
  if (!resolved || reply instanceof PSObject) entries.push(['PingSucceeded', text(obj, 'PingSucceeded')]);
  if (reply instanceof PSObject) entries.push(['PingReplyDetails (RTT)', `${toPSString(reply.getProperty('RoundtripTime'))} ms`]);
  if (resolved && port !== 0) entries.push(['TcpTestSucceeded', text(obj, 'TcpTestSucceeded')]);
  const width = Math.max(...entries.map(([label]) => label.length));
  return entries.map(([label, value]) => `${label.padEnd(width)} : ${value}`.trimEnd());
}

/** Results of -InformationLevel Detailed, which show their name resolution too. */
const detailedResults = new WeakSet<PSObject>();

registerView(TEST_NET_CONNECTION_TYPE, { kind: 'custom', render: (obj) => (obj instanceof PSObject ? [...resultLines(obj), ''] : []) });

async function addressesOf(ctx: CmdletContext, name: string): Promise<string[]> {
  if (net.isIP(name)) return [name];
  const lab = labAddress(ctx.session, name);
  if (lab) return [lab];
  try {
    return (await lookup(name, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    return [];
  }
}

interface Outcome {
  computerName: string;
  addresses: string[];
  remoteAddress: string | null;
  port: number;
  sourceAddress: string | null;
  tcp: boolean;
  ping?: { succeeded: boolean; roundtripTime: number; status: string };
  detailed: boolean;
}

function resultObject(o: Outcome): PSObject {
  const reply = o.ping ? PSObject.from({ Address: o.remoteAddress, Status: o.ping.status, RoundtripTime: o.ping.roundtripTime }, [PING_REPLY_TYPE, 'System.Object']) : null;
  const result = PSObject.from(
    {
      ComputerName: o.computerName,
      RemoteAddress: o.remoteAddress,
      RemotePort: o.port,
      InterfaceAlias: interfaceAliasOf(o.sourceAddress),
      SourceAddress: o.sourceAddress,
      NameResolutionSucceeded: o.addresses.length > 0,
      ResolvedAddresses: o.addresses,
      PingSucceeded: o.ping?.succeeded ?? false,
      PingReplyDetails: reply,
      TcpTestSucceeded: o.tcp,
    },
    [TEST_NET_CONNECTION_TYPE, 'System.Object'],
  );
  if (o.detailed) detailedResults.add(result);
  return result;
}

async function test(ctx: CmdletContext, computerName: string, port: number, detailed: boolean): Promise<Outcome> {
  const addresses = await addressesOf(ctx, computerName);
  const outcome: Outcome = { computerName, addresses, remoteAddress: addresses[0] ?? null, port, sourceAddress: null, tcp: false, detailed };
  if (addresses.length === 0) {
    ctx.writeWarning(`Name resolution of ${computerName} failed`);
    return outcome;
  }
  if (port !== 0) {
    for (const address of addresses) {
      const probe = await tcpConnect(address, port, CONNECT_TIMEOUT_MS, ctx.signal);
      if (probe.succeeded) return { ...outcome, remoteAddress: address, sourceAddress: probe.sourceAddress, tcp: true };
      ctx.writeWarning(`TCP connect to (${address} : ${port}) failed`);
    }
  }
  const target = outcome.remoteAddress!;
  const ping = await echo(target, ctx.signal);
  if (!ping.succeeded) ctx.writeWarning(`Ping to ${target} failed with status: ${ping.status}`);
  const sourceAddress = isLoopbackAddress(target) ? target : null;
  return { ...outcome, sourceAddress, ping };
}

export const testNetConnection = defineCmdlet({
  name: 'Test-NetConnection',
  synopsis: 'Displays diagnostic information for a connection.',
  description:
    'Resolves -ComputerName (lab names first: the lab DNS registry’s domains, their mail hosts and the lab computers, all on ' +
    'the loopback; then the system resolver) and, with -Port or -CommonTCPPort, opens a TCP connection to each address in ' +
    'turn until one succeeds, warning "TCP connect to (<address> : <port>) failed" for each that does not. Without a port ' +
    'it sends an echo request (through the system ping program; the loopback always answers). The TestNetConnectionResult ' +
    'shows the tests made; -InformationLevel Quiet writes only True or False. Not supported: -TraceRoute, -Hops, ' +
    '-DiagnoseRouting, -ConstrainSourceAddress, -ConstrainInterface.',
  module: 'NetTCPIP',
  commandId: 'Test-NetConnection',
  aliases: ['tnc'],
  defaultParameterSet: 'ICMP',
  outputType: [TEST_NET_CONNECTION_TYPE],
  parameters: {
    ComputerName: {
      type: 'string',
      position: 0,
      aliases: ['RemoteAddress', 'cn'],
      valueFromPipeline: true,
      valueFromPipelineByPropertyName: true,
      defaultDescription: DEFAULT_TARGET,
      description: 'The computer (name or address) to test.',
    },
    CommonTCPPort: {
      type: 'string',
      position: 1,
      mandatory: true,
      sets: ['CommonTCPPort'],
      validateSet: Object.keys(COMMON_TCP_PORTS),
      description: 'A well-known port by name: HTTP (80), RDP (3389), SMB (445), WINRM (5985) or SMTP (25, an emsh addition).',
    },
    Port: { type: 'int', mandatory: true, sets: ['RemotePort'], aliases: ['RemotePort'], validateRange: [1, 65535], description: 'The TCP port to connect to.' },
    InformationLevel: { type: 'string', validateSet: ['Detailed', 'Quiet'], description: 'Quiet writes only whether the test succeeded; Detailed adds the name resolution results.' },
  },
  examples: [
    {
      title: 'Is the partner’s Edge listening?',
      setup:
        '$saved = $env:EMSH_LAB_REGISTRY; $env:EMSH_LAB_REGISTRY = Join-Path $env:EMSH_HOME lab.json\n' +
        'Set-LabDnsRecord -Domain woodgrovebank.com -Port 1 | Out-Null',
      code: 'Test-NetConnection mail.woodgrovebank.com -Port 1 -InformationLevel Quiet 3>$null; $env:EMSH_LAB_REGISTRY = $saved',
      remarks: 'The lab DNS gives mail.woodgrovebank.com a loopback address; nothing listens on port 1, so the test fails (the warning is discarded here).',
      output: 'False',
    },
    {
      title: 'The loopback answers an echo request',
      code: 'tnc 127.0.0.1 | Format-List ComputerName,RemoteAddress,PingSucceeded',
      output: 'ComputerName  : 127.0.0.1\nRemoteAddress : 127.0.0.1\nPingSucceeded : True',
    },
  ],
  async process(p, ctx) {
    const port = p.Port ?? (p.CommonTCPPort === undefined ? 0 : COMMON_TCP_PORTS[p.CommonTCPPort.toUpperCase()]!);
    const detailed = (p.InformationLevel ?? '').toLowerCase() === 'detailed';
    const outcome = await test(ctx, p.ComputerName ?? DEFAULT_TARGET, port, detailed);
    if ((p.InformationLevel ?? '').toLowerCase() === 'quiet') {
      ctx.write(port !== 0 ? outcome.tcp : (outcome.ping?.succeeded ?? false), false);
      return;
    }
    ctx.write(resultObject(outcome), false);
  },
});
