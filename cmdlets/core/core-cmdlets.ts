// The core cmdlets (Microsoft.PowerShell.Core, .Utility, .Management and .Security equivalents), in the
// order Get-Command and the generated docs list them by module.
import type { Cmdlet } from '../../src/pipeline/cmdlet.ts';
import { addMember } from './add-member.ts';
import { compareObject } from './compare-object.ts';
import { forEachObject } from './foreach-object.ts';
import { getMember } from './get-member.ts';
import { groupObject } from './group-object.ts';
import { measureObject } from './measure-object.ts';
import { newObject } from './new-object.ts';
import { selectObject } from './select-object.ts';
import { sortObject } from './sort-object.ts';
import { whereObject } from './where-object.ts';

export const coreObjectCmdlets: Cmdlet[] = [
  forEachObject,
  whereObject,
  selectObject,
  sortObject,
  groupObject,
  measureObject,
  getMember,
  addMember,
  newObject,
  compareObject,
];
