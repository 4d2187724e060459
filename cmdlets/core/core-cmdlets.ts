// The core cmdlets (Microsoft.PowerShell.Core, .Utility, .Management and .Security equivalents), grouped
// by module; cmdlets/registry.ts registers these groups.
import type { Cmdlet } from '../../src/pipeline/cmdlet.ts';
import { addMember } from './add-member.ts';
import { aliasCmdlets } from './aliases.ts';
import { csvCmdlets } from './csv.ts';
import { jsonCmdlets } from './json.ts';
import { selectString } from './select-string.ts';
import { dateTimeCmdlets } from './date-time.ts';
import { getCommand } from './get-command.ts';
import { getHelp } from './get-help.ts';
import { hostInputCmdlets } from './host-input.ts';
import { expressionCmdlets } from './invoke-expression.ts';
import { secureStringCmdlets } from './secure-string.ts';
import { variableCmdlets } from './variables.ts';
import { getChildItem, getItem } from './child-items.ts';
import { compareObject } from './compare-object.ts';
import { contentCmdlets } from './content.ts';
import { driveCmdlets } from './drives.ts';
import { forEachObject } from './foreach-object.ts';
import { formatCmdlets } from './format-cmdlets.ts';
import { getMember } from './get-member.ts';
import { getRandom } from './get-random.ts';
import { groupObject } from './group-object.ts';
import { itemCmdlets } from './items.ts';
import { locationCmdlets } from './location.ts';
import { measureObject } from './measure-object.ts';
import { newObject } from './new-object.ts';
import { outCmdlets } from './out-cmdlets.ts';
import { pathCmdlets } from './path-cmdlets.ts';
import { selectObject } from './select-object.ts';
import { sortObject } from './sort-object.ts';
import { whereObject } from './where-object.ts';
import { writeStreamCmdlets } from './write-streams.ts';

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
  ...writeStreamCmdlets,
  ...formatCmdlets,
  ...outCmdlets,
  getCommand,
  getHelp,
  ...aliasCmdlets,
  ...variableCmdlets,
  ...dateTimeCmdlets,
  getRandom,
  ...hostInputCmdlets,
  ...secureStringCmdlets,
  ...expressionCmdlets,
  ...jsonCmdlets,
  ...csvCmdlets,
  selectString,
];

export const coreFileSystemCmdlets: Cmdlet[] = [
  ...locationCmdlets,
  getChildItem,
  getItem,
  ...contentCmdlets,
  ...itemCmdlets,
  ...pathCmdlets,
  ...driveCmdlets,
];
