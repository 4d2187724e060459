// The one place that lists every cmdlet module, as groups imported on demand: a session registers
// their names from cmdlets/cmdlet-manifest.ts and imports a group when one of its cmdlets is first used,
// so `emsh -Command 1+1` never loads node-forge, conf or the transport.
import type { Cmdlet } from '../src/pipeline/cmdlet.ts';

export interface CmdletGroup {
  /** Key of the group in cmdlets/cmdlet-manifest.ts. */
  id: string;
  load(): Promise<Cmdlet[]>;
}

export const cmdletGroups: readonly CmdletGroup[] = [
  { id: 'core-output', load: async () => (await import('./core/output.ts')).coreOutputCmdlets },
  { id: 'core-object', load: async () => (await import('./core/core-cmdlets.ts')).coreObjectCmdlets },
  { id: 'core-filesystem', load: async () => (await import('./core/core-cmdlets.ts')).coreFileSystemCmdlets },
  { id: 'exchange', load: async () => (await import('./exchange/exchange-cmdlets.ts')).exchangeCmdlets },
  { id: 'certificates', load: async () => (await import('./exchange/certificates/index.ts')).certificateCmdlets },
  { id: 'lab', load: async () => (await import('./lab/organization.ts')).labCmdlets },
  { id: 'transport-service', load: async () => (await import('./exchange/transport-service/index.ts')).transportServiceCmdlets },
  { id: 'core-net-files', load: async () => (await import('./core/net-file-cmdlets.ts')).netFileCmdlets },
  { id: 'core-session-utility', load: async () => (await import('./core/session-utility-cmdlets.ts')).sessionUtilityCmdlets },
  { id: 'remoting', load: async () => (await import('./core/remoting/remoting-cmdlets.ts')).remotingCmdlets },
];
