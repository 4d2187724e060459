// The transport service group (walkthrough step 5) for cmdlets/registry.ts: the service, its queues,
// mail in and out, counters and the lab DNS.
import type { Cmdlet } from '../../../src/pipeline/cmdlet.ts';
import { counterCmdlets } from './counter-cmdlets.ts';
import { mailCmdlets } from './mail-cmdlets.ts';
import { queueCmdlets } from './queue-cmdlets.ts';
import { serviceCmdlets } from './service-cmdlets.ts';

export const transportServiceCmdlets: Cmdlet[] = [...serviceCmdlets, ...queueCmdlets, ...mailCmdlets, ...counterCmdlets];
