// The Exchange module's cmdlets (certificates excepted: cmdlets/exchange/certificates/), as one group
// for cmdlets/registry.ts.
import type { Cmdlet } from '../../src/pipeline/cmdlet.ts';
import { receiveConnectorCmdlets } from './receive-connectors.ts';
import { sendConnectorCmdlets } from './send-connectors.ts';
import { transportConfigCmdlets } from './transport-config.ts';

export const exchangeCmdlets: Cmdlet[] = [...transportConfigCmdlets, ...sendConnectorCmdlets, ...receiveConnectorCmdlets];
