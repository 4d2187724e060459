// The Exchange module's cmdlets (certificates excepted: cmdlets/exchange/certificates/), as one group
// for cmdlets/registry.ts.
import type { Cmdlet } from '../../src/pipeline/cmdlet.ts';
import { acceptedDomainCmdlets } from './accepted-domains.ts';
import { edgeSyncCmdlets } from './edge-sync.ts';
import { receiveConnectorCmdlets } from './receive-connectors.ts';
import { sendConnectorCmdlets } from './send-connectors.ts';
import { serverCmdlets } from './servers.ts';
import { transportConfigCmdlets } from './transport-config.ts';

export const exchangeCmdlets: Cmdlet[] = [...transportConfigCmdlets, ...sendConnectorCmdlets, ...receiveConnectorCmdlets, ...acceptedDomainCmdlets, ...serverCmdlets, ...edgeSyncCmdlets];
