// The one place that lists every cmdlet module; a session registers them all at start.
import type { Session } from '../src/runtime/session.ts';
import type { Cmdlet } from '../src/pipeline/cmdlet.ts';
import { coreOutputCmdlets } from './core/output.ts';
import { coreFileSystemCmdlets, coreObjectCmdlets } from './core/core-cmdlets.ts';
import { exchangeCmdlets } from './exchange/exchange-cmdlets.ts';
import { labCmdlets } from './lab/organization.ts';
import { certificateCmdlets } from './exchange/certificates/index.ts';
import { transportServiceCmdlets } from './exchange/transport-service/index.ts';
import { remotingCmdlets } from './core/remoting/remoting-cmdlets.ts';

export const allCmdletGroups: Cmdlet[][] = [coreOutputCmdlets, coreObjectCmdlets, coreFileSystemCmdlets, exchangeCmdlets, certificateCmdlets, labCmdlets, transportServiceCmdlets, remotingCmdlets];

export function registerCmdlets(session: Session): void {
  for (const group of allCmdletGroups) for (const cmdlet of group) session.registerCmdlet(cmdlet);
}
