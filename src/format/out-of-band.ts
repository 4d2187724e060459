// Objects shown outside the current table or list ("out of band"): scalars and property-less objects
// print as their ToString(), error records through the error view, and objects a registered view does
// not cover as a list of their own properties.
import { ErrorRecord } from '../runtime/errors.ts';
import type { Settings } from './options.ts';
import { isScalar } from './type-info.ts';
import { dotNetToString } from './display-string.ts';
import { defaultDisplayPropertyNames, propertyNames } from './object-properties.ts';
import { propertyField } from './property-spec.ts';
import { formatErrorRecord } from './error-view.ts';
import { listText } from './list-document.ts';

function isPropertyLess(obj: unknown): boolean {
  return propertyNames(obj).length === 0;
}

/** The text for an object that bypasses formatting, or undefined when it must be formatted. */
export function outOfBandText(obj: unknown, settings: Settings, force: boolean): string | undefined {
  if (force) return undefined;
  if (obj instanceof ErrorRecord) {
    return formatErrorRecord(obj, { view: settings.errorView, width: settings.width, dialect: settings.dialect });
  }
  if (isScalar(obj) || isPropertyLess(obj)) return `${dotNetToString(obj)}\n`;
  return undefined;
}

/** An object that does not fit the current view: its own list, between blank lines. */
export function outOfBandList(obj: unknown, settings: Settings): string {
  const text = outOfBandText(obj, settings, false);
  if (text !== undefined) return text;
  const names = defaultDisplayPropertyNames(obj);
  return `\n${listText(names.map(propertyField), obj, settings)}`;
}
