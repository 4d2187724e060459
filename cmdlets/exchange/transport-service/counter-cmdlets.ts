// Get-Counter for the MSExchange Secure Mail Transport counters (Domain Secure Messages Received,
// Domain Secure Messages Sent, Domain Secure Outbound Session Failures), in PowerShell's shape: a
// PerformanceCounterSampleSet with Timestamp and CounterSamples. The counters are persisted under
// the state root, so they read the same whether or not the service runs.
import os from 'node:os';
import { registerView } from '../../../src/format/views.ts';
import { defineCmdlet } from '../../../src/pipeline/cmdlet.ts';
import { PSObject } from '../../../src/runtime/values.ts';
import { wildcardMatch } from '../../../src/runtime/wildcard.ts';
import { transportStateDir } from '../../../src/transport/config-from-store.ts';
import { readCounters, type CounterSample } from '../../../src/transport/counters.ts';
import { exchangeState, failWithStoreError } from '../exchange-state.ts';
import { runningTransport } from './session-transport.ts';

export const SAMPLE_SET_TYPE = 'Microsoft.PowerShell.Commands.GetCounter.PerformanceCounterSampleSet';
export const SAMPLE_TYPE = 'Microsoft.PowerShell.Commands.GetCounter.PerformanceCounterSample';

/** `\\host\object(instance)\counter : value`, blank line between samples, as PowerShell shows Readings. */
function readings(set: unknown): string {
  const samples = (set as PSObject).getProperty('CounterSamples') as PSObject[];
  return samples.map((s) => `${String(s.getProperty('Path'))} :\n${String(s.getProperty('CookedValue'))}\n`).join('\n');
}

registerView(SAMPLE_SET_TYPE, {
  kind: 'table',
  wrap: true,
  columns: [
    { label: 'Timestamp', expression: (o) => (o as PSObject).getProperty('Timestamp'), width: 25 },
    { label: 'CounterSamples', expression: readings },
  ],
});
registerView(SAMPLE_TYPE, { kind: 'table', columns: ['Path', 'InstanceName', 'CookedValue'] });

function samplePath(sample: CounterSample): string {
  return `\\\\${os.hostname().toLowerCase()}${sample.path.toLowerCase()}`;
}

function matches(pattern: string, sample: CounterSample): boolean {
  const wanted = pattern.trim().replace(/^\\\\[^\\]+/, '');
  return wildcardMatch(sample.path, wanted);
}

export const getCounterCmdlet = defineCmdlet({
  name: 'Get-Counter',
  synopsis: 'Gets performance counter data: the MSExchange Secure Mail Transport counters.',
  description:
    'Reads the counters of the Edge transport (persisted under the state root, so they survive restarts): \\MSExchange Secure Mail Transport(_total)\\Domain Secure Messages Received, \\...\\Domain Secure Messages Sent and \\...\\Domain Secure Outbound Session Failures. Wildcards are allowed in the path; -ListSet lists the counter set.',
  module: 'Microsoft.PowerShell.Diagnostics',
  commandId: 'Microsoft.PowerShell.Commands.GetCounterCommand',
  outputType: [SAMPLE_SET_TYPE],
  parameters: {
    Counter: { type: 'string[]', position: 0, valueFromPipeline: true, description: 'Counter paths (wildcards allowed); all of the set when omitted.' },
    ListSet: { type: 'string[]', description: 'Lists the counter set(s) whose name matches.' },
  },
  examples: [
    {
      title: 'The Domain Secure Messages Received counter',
      setup: 'Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com -ListenPort 2525 -NoDnsRegistration | Out-Null',
      code: "(Get-Counter '\\MSExchange Secure Mail Transport(_total)\\Domain Secure Messages Received').CounterSamples[0].CookedValue",
      output: '0',
      needsState: true,
    },
  ],
  async process(p, ctx) {
    let samples: CounterSample[];
    try {
      const running = runningTransport(ctx.session);
      samples = running ? await running.service.collectCounters() : readCounters(transportStateDir(exchangeState(ctx.session)));
    } catch (error) {
      failWithStoreError(ctx, error);
    }
    if (p.ListSet) {
      const set = new PSObject(['System.Diagnostics.PerformanceCounterCategory', 'System.Object']);
      set.setProperty('CounterSetName', 'MSExchange Secure Mail Transport');
      set.setProperty('CounterSetType', 'MultiInstance');
      set.setProperty('Paths', samples.map((s) => s.path.replace('(_total)', '(*)')));
      if (p.ListSet.some((name) => wildcardMatch('MSExchange Secure Mail Transport', name))) ctx.write(set);
      return;
    }
    const patterns = p.Counter ?? ['\\MSExchange Secure Mail Transport(*)\\*'];
    const chosen: CounterSample[] = [];
    for (const pattern of patterns) {
      const hits = samples.filter((s) => matches(pattern, s));
      if (hits.length === 0) {
        ctx.writeError({
          message: 'The specified object was not found on the computer.',
          errorId: 'CounterApiError',
          category: 'InvalidResult',
          targetObject: pattern,
          exceptionType: 'System.Exception',
        });
      }
      for (const hit of hits) if (!chosen.includes(hit)) chosen.push(hit);
    }
    if (chosen.length === 0) return;
    const timestamp = new Date();
    const set = new PSObject([SAMPLE_SET_TYPE, 'System.Object']);
    set.setProperty('Timestamp', timestamp);
    set.setProperty(
      'CounterSamples',
      chosen.map((s) => {
        const sample = new PSObject([SAMPLE_TYPE, 'System.Object']);
        sample.setProperty('Path', samplePath(s));
        sample.setProperty('InstanceName', s.instanceName);
        sample.setProperty('CookedValue', s.value);
        sample.setProperty('RawValue', s.value);
        sample.setProperty('CounterType', 'NumberOfItems64');
        sample.setProperty('Timestamp', timestamp);
        sample.setProperty('Status', 0);
        return sample;
      }),
    );
    set.setProperty('Readings', readings(set));
    ctx.write(set);
  },
});

export const counterCmdlets = [getCounterCmdlet];
