// The session and utility cmdlets of issue #3 (snap-ins, modules, time spans, host and culture facts,
// Get-Unique, transcripts), loaded together as one cmdlet group.
import type { Cmdlet } from '../../src/pipeline/cmdlet.ts';
import { getCulture, getHost, newGuid } from './host-and-culture.ts';
import { getUnique } from './get-unique.ts';
import { getModule, importModule, removeModule } from './modules.ts';
import { addPSSnapin, getPSSnapin, removePSSnapin } from './snapins.ts';
import { measureCommand, newTimeSpan } from './time-span.ts';
import { startTranscript, stopTranscript } from './transcript.ts';

export const sessionUtilityCmdlets: Cmdlet[] = [
  addPSSnapin,
  getPSSnapin,
  removePSSnapin,
  getModule,
  importModule,
  removeModule,
  newTimeSpan,
  measureCommand,
  newGuid,
  getCulture,
  getHost,
  getUnique,
  startTranscript,
  stopTranscript,
];
