// Registers every cmdlet with a session by name (cmdlets/cmdlet-manifest.ts); its module is imported the
// first time one of its cmdlets runs, is completed or is asked for by Get-Command / Get-Help.
import type { Session } from '../src/runtime/session.ts';
import { cmdletGroups } from './cmdlet-groups.ts';
import { cmdletManifest } from './cmdlet-manifest.ts';

export function registerCmdlets(session: Session): void {
  for (const group of cmdletGroups) session.registerLazyCmdlets(cmdletManifest[group.id] ?? [], () => group.load());
}
