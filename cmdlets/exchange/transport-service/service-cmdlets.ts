// Get-Service, Start-Service, Stop-Service, Restart-Service for MSExchangeTransport, the Edge
// transport of the organisation's local server (walkthrough step 5): run inside this shell, or by
// another process on the same state root (another shell, `emsh -Service`), which these cmdlets
// drive over its control endpoint. The objects look like PowerShell's ServiceController, plus
// ProcessId and RunningIn (where it runs).
import { registerView } from '../../../src/format/views.ts';
import { defineCmdlet } from '../../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../../src/pipeline/context.ts';
import { PSObject } from '../../../src/runtime/values.ts';
import { wildcardMatch } from '../../../src/runtime/wildcard.ts';
import { failWithStoreError } from '../exchange-state.ts';
import { locateTransport, startSessionTransport, stopSessionTransport, type TransportLocation } from './session-transport.ts';
import { describeOwner, ServiceAlreadyRunningError } from './transport-owner.ts';
import { controlService } from './remote-service-control.ts';
import { TRANSPORT_DISPLAY_NAME, TRANSPORT_SERVICE_NAME } from './transport-runtime.ts';

export const SERVICE_CONTROLLER_TYPE = 'System.ServiceProcess.ServiceController';
const MANAGEMENT = 'Microsoft.PowerShell.Management';

registerView(SERVICE_CONTROLLER_TYPE, {
  kind: 'table',
  columns: [
    { label: 'Status', expression: 'Status', width: 8 },
    { label: 'Name', expression: 'Name', width: 18 },
    { label: 'DisplayName', expression: 'DisplayName', width: 38 },
  ],
});

const SETUP = 'Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com -ListenPort 2525 -NoDnsRegistration | Out-Null; Set-ReceiveConnector Inet -Bindings 127.0.0.1:0';

async function serviceObject(ctx: CmdletContext, known?: TransportLocation): Promise<PSObject> {
  let location: TransportLocation = known ?? { where: 'nowhere' };
  if (!known) {
    try {
      location = await locateTransport(ctx.session);
    } catch (error) {
      failWithStoreError(ctx, error);
    }
  }
  const status = location.where === 'here' ? 'Running' : location.where === 'elsewhere' ? location.probe.state : 'Stopped';
  const claim = location.where === 'here' ? location.owner.claim : location.where === 'elsewhere' ? location.probe.claim : undefined;
  const listeners = location.where === 'here' ? location.running.service.listeners : location.where === 'elsewhere' && location.probe.state === 'Running' ? (location.probe.info?.listeners ?? []) : [];
  const obj = new PSObject([SERVICE_CONTROLLER_TYPE, 'System.ComponentModel.Component', 'System.Object']);
  obj.setProperty('Status', status);
  obj.setProperty('Name', TRANSPORT_SERVICE_NAME);
  obj.setProperty('DisplayName', TRANSPORT_DISPLAY_NAME);
  obj.setProperty('ServiceName', TRANSPORT_SERVICE_NAME);
  obj.setProperty('CanStop', status === 'Running');
  obj.setProperty('ServiceType', 'Win32OwnProcess');
  obj.setProperty('StartType', 'Automatic');
  obj.setProperty('ProcessId', claim?.pid ?? 0);
  obj.setProperty('RunningIn', location.where === 'here' ? 'this shell' : claim ? describeOwner(claim) : null);
  obj.setProperty('Listeners', listeners.map((l) => `${l.connector} ${l.address}:${l.port}`));
  return obj;
}

function nameOf(value: unknown): string {
  if (value instanceof PSObject) return String(value.getProperty('Name') ?? value);
  return String(value);
}

/** Checks the names given: only MSExchangeTransport (or its display name, wildcards allowed) exists here. */
function selected(ctx: CmdletContext, names: unknown[] | undefined, commandClass: string, byDisplayName = false): boolean {
  if (!names || names.length === 0) return true;
  let any = false;
  for (const raw of names) {
    const name = nameOf(raw);
    const target = byDisplayName ? TRANSPORT_DISPLAY_NAME : TRANSPORT_SERVICE_NAME;
    if (wildcardMatch(target, name) || (!byDisplayName && wildcardMatch(TRANSPORT_DISPLAY_NAME, name) && name.includes('*'))) {
      any = true;
      continue;
    }
    if (/[*?[]/.test(name)) continue;
    ctx.writeError({
      message: byDisplayName ? `Cannot find any service with display name '${name}'.` : `Cannot find any service with service name '${name}'.`,
      errorId: byDisplayName ? 'NoServiceFoundForGivenDisplayName' : 'NoServiceFoundForGivenName',
      category: 'ObjectNotFound',
      targetObject: name,
      exceptionType: 'Microsoft.PowerShell.Commands.ServiceCommandException',
    });
  }
  return any;
}

const nameParameter = {
  type: 'object[]',
  position: 0,
  valueFromPipeline: true,
  valueFromPipelineByPropertyName: true,
  aliases: ['ServiceName'] as string[],
  description: 'The service name (MSExchangeTransport); wildcards allowed.',
} as const;

export const getServiceCmdlet = defineCmdlet({
  name: 'Get-Service',
  synopsis: 'Gets the Microsoft Exchange Transport service.',
  description:
    'Gets the services of this machine as emsh knows them: MSExchangeTransport, the Edge transport of the organisation\'s local server. It runs inside a shell (Start-Service MSExchangeTransport) or as emsh -Service, one per state root; every shell on the state root sees it. ProcessId and RunningIn say which process runs it, Listeners where its receive connectors listen.',
  module: MANAGEMENT,
  commandId: 'Microsoft.PowerShell.Commands.GetServiceCommand',
  outputType: [SERVICE_CONTROLLER_TYPE],
  parameters: {
    Name: nameParameter,
    DisplayName: { type: 'string[]', description: 'The display name (Microsoft Exchange Transport); wildcards allowed.' },
  },
  examples: [
    {
      title: 'The transport service before it is started',
      setup: SETUP,
      code: 'Get-Service MSExchangeTransport',
      output: 'Status   Name               DisplayName\n------   ----               -----------\nStopped  MSExchangeTrans... Microsoft Exchange Transport',
      needsState: true,
    },
  ],
  async process(p, ctx) {
    if (!selected(ctx, p.Name as unknown[] | undefined, 'GetServiceCommand')) return;
    if (p.DisplayName && !selected(ctx, p.DisplayName as unknown[], 'GetServiceCommand', true)) return;
    ctx.write(await serviceObject(ctx));
  },
});

function controlCmdlet(name: 'Start-Service' | 'Stop-Service' | 'Restart-Service', synopsis: string, description: string) {
  const commandClass = `${name.replace('-', '')}Command`;
  const verb = name.split('-')[0]!;
  return defineCmdlet({
    name,
    synopsis,
    description,
    module: MANAGEMENT,
    commandId: `Microsoft.PowerShell.Commands.${commandClass}`,
    supportsShouldProcess: true,
    confirmImpact: 'Medium',
    outputType: [SERVICE_CONTROLLER_TYPE],
    parameters: {
      Name: { ...nameParameter, mandatory: true },
      PassThru: { type: 'switch', description: 'Writes the service object.' },
      Force: { type: 'switch', description: 'Accepted for compatibility (MSExchangeTransport has no dependent services).' },
    },
    examples: [
      name === 'Start-Service'
        ? {
            title: 'Start the Edge transport and see its listener',
            setup: SETUP,
            code: 'Start-Service MSExchangeTransport; (Get-Service MSExchangeTransport).Status',
            output: 'Running',
            needsState: true,
          }
        : name === 'Stop-Service'
          ? {
              title: 'Stop the Edge transport',
              setup: `${SETUP}; Start-Service MSExchangeTransport`,
              code: 'Stop-Service MSExchangeTransport -PassThru',
              output: 'Status   Name               DisplayName\n------   ----               -----------\nStopped  MSExchangeTrans... Microsoft Exchange Transport',
              needsState: true,
            }
          : {
              title: 'Restart the Edge transport (queues survive on disk)',
              setup: `${SETUP}; Start-Service MSExchangeTransport`,
              code: 'Restart-Service MSExchangeTransport -PassThru | Select-Object -ExpandProperty Status',
              output: 'Running',
              needsState: true,
            },
    ],
    async process(p, ctx) {
      if (!selected(ctx, p.Name as unknown[], commandClass)) return;
      const target = `${TRANSPORT_DISPLAY_NAME} (${TRANSPORT_SERVICE_NAME})`;
      if (!(await ctx.shouldProcess(target, name))) return;
      try {
        const location = await locateTransport(ctx.session);
        if (location.where === 'elsewhere') {
          if (verb === 'Start') throw new ServiceAlreadyRunningError(location.probe);
          ctx.writeVerbose(`${verb === 'Stop' ? 'Stopping' : 'Restarting'} service '${target}' in ${describeOwner(location.probe.claim)}.`);
          await controlService(location.probe.claim, verb === 'Stop' ? 'stop' : 'restart', (line) => ctx.writeWarning(line));
        } else {
          if ((verb === 'Stop' || verb === 'Restart') && location.where === 'here') {
            ctx.writeVerbose(`Stopping service '${target}'.`);
            await stopSessionTransport(ctx.session);
          }
          if (verb === 'Start' || verb === 'Restart') {
            const owner = await startSessionTransport(ctx.session);
            for (const l of owner.running?.service.listeners ?? []) ctx.writeVerbose(`Receive connector ${l.connector} listening on ${l.address}:${l.port}.`);
          }
        }
      } catch (error) {
        if (error instanceof ServiceAlreadyRunningError) {
          ctx.writeError({
            message: `Service '${target}' cannot be started due to the following error: ${error.message}`,
            errorId: 'CouldNotStartService',
            category: 'OpenError',
            targetObject: TRANSPORT_SERVICE_NAME,
            exceptionType: 'Microsoft.PowerShell.Commands.ServiceCommandException',
          });
          return;
        }
        if (error instanceof Error && !('errorRecord' in error) && (error as NodeJS.ErrnoException).code) {
          ctx.fail({
            message: `Service '${target}' cannot be ${verb === 'Stop' ? 'stopped' : 'started'} due to the following error: ${error.message}`,
            errorId: verb === 'Stop' ? 'CouldNotStopService' : 'CouldNotStartService',
            category: verb === 'Stop' ? 'CloseError' : 'OpenError',
            targetObject: TRANSPORT_SERVICE_NAME,
            exceptionType: 'Microsoft.PowerShell.Commands.ServiceCommandException',
          });
        }
        failWithStoreError(ctx, error);
      }
      if (p.PassThru) ctx.write(await serviceObject(ctx));
    },
  });
}

export const startServiceCmdlet = controlCmdlet(
  'Start-Service',
  'Starts the Microsoft Exchange Transport service.',
  'Starts MSExchangeTransport in the shell process: one SMTP listener per enabled receive connector of the local Edge server, the outbound queues (kept on disk under the state root), protocol logs and counters. Configuration changes made while it runs (connectors, TLS lists, certificates) apply without a restart. The service stops when the shell exits; `emsh -Service` runs it as a foreground daemon instead. One service per state root: when another process already runs it, Start-Service says so and starts nothing.',
);
export const stopServiceCmdlet = controlCmdlet(
  'Stop-Service',
  'Stops the Microsoft Exchange Transport service.',
  'Stops MSExchangeTransport: closes its listeners; queued mail stays on disk for the next start. When another process on the state root runs it (another shell, or emsh -Service, which then exits), it is asked to stop and Stop-Service waits until it has.',
);
export const restartServiceCmdlet = controlCmdlet(
  'Restart-Service',
  'Restarts the Microsoft Exchange Transport service.',
  'Stops and starts MSExchangeTransport, re-reading the whole configuration, in the process that runs it (this shell, another shell, or emsh -Service).',
);

export const serviceCmdlets = [getServiceCmdlet, startServiceCmdlet, stopServiceCmdlet, restartServiceCmdlet];
