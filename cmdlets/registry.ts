// Every cmdlet, loaded: the generated docs, the manifest and the example tests read the declarations
// from here. A session does not (it registers names and loads modules on use: register-cmdlets.ts).
import type { Cmdlet } from '../src/pipeline/cmdlet.ts';
import { cmdletGroups } from './cmdlet-groups.ts';

export const allCmdletGroups: Cmdlet[][] = await Promise.all(cmdletGroups.map((group) => group.load()));
