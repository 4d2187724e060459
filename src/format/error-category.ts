// An ErrorRecord's CategoryInfo line: `Category: (TargetName:TargetType) [Activity], Reason`
// (ErrorCategoryInfo.GetMessage). Activity, target name and target type longer than 40 characters are
// shortened around an ellipsis: 15 + `...` + 15 in Windows PowerShell, 19 + `…` + 19 in PowerShell 7.
import type { ErrorRecord } from '../runtime/errors.ts';
import type { Dialect } from './options.ts';
import { shortTypeName } from './type-info.ts';
import { dotNetToString } from './display-string.ts';

const MAX_LENGTH = 40;

export function ellipsizeCategoryField(s: string, dialect: Dialect): string {
  if (s.length <= MAX_LENGTH) return s;
  const keep = dialect === 'Core' ? 19 : 15;
  const mark = dialect === 'Core' ? '\u2026' : '...';
  return s.slice(0, keep) + mark + s.slice(s.length - keep);
}

/** CategoryInfo.TargetName: the target object's ToString(), empty without a target. */
export function targetName(record: ErrorRecord): string {
  const t = record.targetObject;
  return t === null || t === undefined ? '' : dotNetToString(t);
}

/** CategoryInfo.TargetType: the short .NET type name of the target, empty without a target. */
export function targetTypeName(record: ErrorRecord): string {
  const t = record.targetObject;
  return t === null || t === undefined ? '' : shortTypeName(t);
}

export function categoryInfoMessage(record: ErrorRecord, dialect: Dialect): string {
  const name = ellipsizeCategoryField(targetName(record), dialect);
  const type = ellipsizeCategoryField(targetTypeName(record), dialect);
  const activity = ellipsizeCategoryField(record.activity ?? '', dialect);
  return `${record.category}: (${name}:${type}) [${activity}], ${record.reason}`;
}
