// The queue viewer cmdlets over the running transport service: Get-Queue, Get-Message, Retry-Queue,
// Suspend-Message, Resume-Message, Remove-Message (Exchange 2007's QueueViewerTasks).
import { registerView } from '../../../src/format/views.ts';
import { defineCmdlet } from '../../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../../src/pipeline/context.ts';
import { TerminatingError } from '../../../src/runtime/errors.ts';
import { PSObject } from '../../../src/runtime/values.ts';
import type { MessageInfo, QueueInfo } from '../../../src/transport/queue-views.ts';
import { EXCHANGE_MODULE, exchangeTaskId } from '../exchange-module.ts';
import { requireTransport, type TransportAccess } from './transport-access.ts';

export const QUEUE_TYPE = 'Microsoft.Exchange.Data.QueueViewer.ExtensibleQueueInfo';
export const MESSAGE_TYPE = 'Microsoft.Exchange.Data.QueueViewer.ExtensibleMessageInfo';
const NAMESPACE = 'Microsoft.Exchange.Management.QueueViewerTasks';

registerView(QUEUE_TYPE, { kind: 'table', columns: ['Identity', 'DeliveryType', 'Status', 'MessageCount', 'NextHopDomain'] });
registerView(MESSAGE_TYPE, { kind: 'table', columns: ['Identity', 'FromAddress', 'Status', 'Queue', 'Subject'] });

const SETUP =
  'Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com -ListenPort 2525 -NoDnsRegistration | Out-Null; ' +
  'Set-ReceiveConnector Inet -Bindings 127.0.0.1:0; Start-Service MSExchangeTransport';

export function queueObject(info: QueueInfo): PSObject {
  const obj = new PSObject([QUEUE_TYPE, 'System.Object']);
  obj.setProperty('Identity', info.identity);
  obj.setProperty('DeliveryType', info.deliveryType);
  obj.setProperty('Status', info.status);
  obj.setProperty('MessageCount', info.messageCount);
  obj.setProperty('NextHopDomain', info.nextHopDomain);
  obj.setProperty('NextHopConnector', info.nextHopConnector ?? null);
  obj.setProperty('LastError', info.lastError ?? null);
  obj.setProperty('LastRetryTime', info.lastRetryTime ?? null);
  obj.setProperty('NextRetryTime', info.nextRetryTime ?? null);
  return obj;
}

export function messageObject(info: MessageInfo): PSObject {
  const obj = new PSObject([MESSAGE_TYPE, 'System.Object']);
  obj.setProperty('Identity', info.identity);
  obj.setProperty('FromAddress', info.fromAddress);
  obj.setProperty('Status', info.status);
  obj.setProperty('Size', info.size);
  obj.setProperty('Subject', info.subject);
  obj.setProperty('Queue', info.queue);
  obj.setProperty('LastError', info.lastError ?? null);
  obj.setProperty('DateReceived', info.dateReceived);
  obj.setProperty('ExpirationTime', info.expirationTime);
  obj.setProperty('Recipients', info.recipients);
  obj.setProperty('InternetMessageId', info.internetMessageId);
  obj.setProperty('SourceName', info.sourceName);
  obj.setProperty('RetryCount', info.retryCount);
  return obj;
}

/** Runs a queue operation; an unknown identity (RangeError) becomes a non-terminating ObjectNotFound error. */
async function attemptQueue(ctx: CmdletContext, identity: string, operation: () => unknown): Promise<boolean> {
  try {
    await operation();
    return true;
  } catch (error) {
    if (error instanceof TerminatingError) throw error;
    if (!(error instanceof RangeError) && !(error instanceof Error && /couldn't be found|cannot|isn't/i.test(error.message))) throw error;
    ctx.writeError({ message: error.message, errorId: error instanceof RangeError ? 'ObjectNotFound' : 'QueueViewerError', category: error instanceof RangeError ? 'ObjectNotFound' : 'InvalidOperation', targetObject: identity });
    return false;
  }
}

const serverParameter = { type: 'string', description: 'The server (only the local Edge, whose service runs in this shell or in another process on the same state root).' } as const;

export const getQueueCmdlet = defineCmdlet({
  name: 'Get-Queue',
  synopsis: 'Gets the transport queues of the running Edge transport.',
  description: 'Lists the queues of the running transport service (in this shell, or in another process on the same state root such as emsh -Service): the Submission queue first, then one delivery queue per next-hop domain, with their status, message count, last error and next retry time.',
  module: EXCHANGE_MODULE,
  commandId: exchangeTaskId('Get-Queue', NAMESPACE),
  outputType: [QUEUE_TYPE],
  parameters: {
    Identity: { type: 'string', position: 0, valueFromPipelineByPropertyName: true, description: 'A queue: SERVER\\n, n, or the next-hop domain.' },
    Server: serverParameter,
  },
  examples: [
    {
      title: 'The queues of a freshly started service',
      setup: SETUP,
      code: 'Get-Queue | Select-Object Identity,DeliveryType,Status,MessageCount | Format-Table -AutoSize',
      outputMatches: 'mail1\\\\Submission\\s+Undefined\\s+Ready\\s+0',
      needsState: true,
    },
  ],
  async process(p, ctx) {
    const service = await requireTransport(ctx);
    const queues = await service.getQueues();
    if (p.Identity === undefined) {
      for (const q of queues) ctx.write(queueObject(q));
      return;
    }
    const wanted = p.Identity.toLowerCase();
    const found = queues.filter((q) => q.identity.toLowerCase() === wanted || q.identity.toLowerCase().endsWith(`\\${wanted}`) || q.nextHopDomain.toLowerCase() === wanted);
    if (found.length === 0) {
      ctx.writeError({ message: `The queue ${p.Identity} couldn't be found.`, errorId: 'ObjectNotFound', category: 'ObjectNotFound', targetObject: p.Identity });
      return;
    }
    for (const q of found) ctx.write(queueObject(q));
  },
});

export const getMessageCmdlet = defineCmdlet({
  name: 'Get-Message',
  synopsis: 'Gets the messages in the transport queues.',
  description: 'Lists the queued messages of the running transport service, all of them or those of one queue (-Queue) or one message (-Identity SERVER\\queue\\id).',
  module: EXCHANGE_MODULE,
  commandId: exchangeTaskId('Get-Message', NAMESPACE),
  outputType: [MESSAGE_TYPE],
  parameters: {
    Identity: { type: 'string', position: 0, valueFromPipelineByPropertyName: true, description: 'A message: SERVER\\queue\\id.' },
    Queue: { type: 'string', description: 'Only the messages of this queue (SERVER\\n, n or the next-hop domain).' },
    Server: serverParameter,
  },
  examples: [
    {
      title: 'No messages queued yet',
      setup: SETUP,
      code: '@(Get-Message).Count',
      output: '0',
      needsState: true,
    },
  ],
  async process(p, ctx) {
    const service = await requireTransport(ctx);
    const target = p.Identity ?? p.Queue ?? '';
    await attemptQueue(ctx, target, async () => {
      const messages = await service.getMessages({ ...(p.Queue ? { queue: p.Queue } : {}), ...(p.Identity ? { identity: p.Identity } : {}) });
      for (const m of messages) ctx.write(messageObject(m));
    });
  },
});

function identityAction(name: string, synopsis: string, description: string, act: (access: TransportAccess, identity: string, withNdr: boolean) => Promise<void>, action: string) {
  return defineCmdlet({
    name,
    synopsis,
    description,
    module: EXCHANGE_MODULE,
    commandId: exchangeTaskId(name, NAMESPACE),
    supportsShouldProcess: true,
    confirmImpact: name === 'Remove-Message' ? 'High' : 'Medium',
    parameters: {
      Identity: { type: 'string', mandatory: true, position: 0, valueFromPipelineByPropertyName: true, description: name === 'Retry-Queue' ? 'The queue: SERVER\\n, n or the next-hop domain.' : 'The message: SERVER\\queue\\id.' },
      ...(name === 'Remove-Message' ? { WithNDR: { type: 'bool', description: 'Send a non-delivery report to the sender (default $true).' } } : {}),
      Server: serverParameter,
    } as Record<string, { type: 'string' | 'bool'; description: string; mandatory?: boolean; position?: number; valueFromPipelineByPropertyName?: boolean }>,
    examples: [
      {
        title: `${name} for an identity that does not exist`,
        setup: SETUP,
        code: `${name} -Identity mail1\\99${name === 'Retry-Queue' ? '' : '\\1'}${name === 'Retry-Queue' ? '' : ' -Confirm:$false'} -ErrorAction SilentlyContinue; $?`,
        output: 'False',
        needsState: true,
      },
    ],
    async process(p, ctx) {
      const identity = String(p.Identity);
      const access = await requireTransport(ctx);
      if (!(await ctx.shouldProcess(identity, action))) return;
      await attemptQueue(ctx, identity, () => act(access, identity, p.WithNDR === undefined ? true : Boolean(p.WithNDR)));
    },
  });
}

export const retryQueueCmdlet = identityAction(
  'Retry-Queue',
  'Retries a queue now.',
  'Forces a connection attempt for a delivery queue in Retry status now instead of at its NextRetryTime.',
  (access, id) => access.retryQueue(id),
  'Retry-Queue',
);
export const suspendMessageCmdlet = identityAction('Suspend-Message', 'Suspends a queued message.', 'Stops delivery attempts for a message until Resume-Message.', (access, id) => access.suspendMessage(id), 'Suspend-Message');
export const resumeMessageCmdlet = identityAction('Resume-Message', 'Resumes a suspended message.', 'Makes a suspended message eligible for delivery again.', (access, id) => access.resumeMessage(id), 'Resume-Message');
export const removeMessageCmdlet = identityAction(
  'Remove-Message',
  'Removes a queued message.',
  'Deletes a message from its queue, by default returning a non-delivery report to the sender (-WithNDR $false to drop it silently).',
  (access, id, withNdr) => access.removeMessage(id, { withNdr }),
  'Remove-Message',
);

export const queueCmdlets = [getQueueCmdlet, getMessageCmdlet, retryQueueCmdlet, suspendMessageCmdlet, resumeMessageCmdlet, removeMessageCmdlet];
