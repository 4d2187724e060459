// Property selectors for Format-Table/-List/-Wide: a property name (wildcards allowed: `*`, `Cert*`)
// or a calculated property `{label, expression, width, alignment, formatString}`; and the "fields"
// they resolve to against an object.
import { propertyNames, propertyValue, resolvePropertyName } from './object-properties.ts';
import { applyFormatString } from './net-format.ts';
import { displayString, dotNetToString } from './display-string.ts';
import type { DisplayOptions } from './display-string.ts';

export type Alignment = 'left' | 'right' | 'center';

export interface CalculatedProperty {
  /** Column or list label (PowerShell's `Label`/`Name`). */
  label?: string;
  name?: string;
  /** A property name, or a function of the object (a script block, compiled by the caller). */
  expression: string | ((obj: unknown) => unknown);
  /** Fixed column width (tables). */
  width?: number;
  alignment?: Alignment;
  /** A .NET format string: `N2`, `{0:N0} MB`, `yyyy-MM-dd`. */
  formatString?: string;
}

export type PropertySpec = string | CalculatedProperty;

/** One resolved column (table) or line (list). */
export interface Field {
  label: string;
  get: (obj: unknown) => unknown;
  width?: number;
  alignment?: Alignment;
  formatString?: string;
}

export function hasWildcard(s: string): boolean {
  return /[*?[]/.test(s);
}

export function wildcardRegex(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += `[${pattern.slice(i + 1, end).replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'i');
}

export function propertyField(name: string): Field {
  return { label: name, get: (obj) => propertyValue(obj, name) };
}

export function calculatedField(spec: CalculatedProperty): Field {
  const expr = spec.expression;
  const label = spec.label ?? spec.name ?? (typeof expr === 'string' ? expr : String(expr));
  const get = typeof expr === 'string' ? (obj: unknown) => propertyValue(obj, expr) : expr;
  return { label, get, width: spec.width, alignment: spec.alignment, formatString: spec.formatString };
}

function matching(obj: unknown, pattern: string): string[] {
  const re = wildcardRegex(pattern);
  return propertyNames(obj).filter((n) => re.test(n));
}

/** Format-List semantics: names resolve against the object; names it lacks are dropped. */
export function fieldsForObject(specs: readonly PropertySpec[], obj: unknown): Field[] {
  const fields: Field[] = [];
  const seen = new Set<string>();
  const add = (name: string): void => {
    if (seen.has(name.toLowerCase())) return;
    seen.add(name.toLowerCase());
    fields.push(propertyField(name));
  };
  for (const spec of specs) {
    if (typeof spec !== 'string') fields.push(calculatedField(spec));
    else if (hasWildcard(spec)) matching(obj, spec).forEach(add);
    else {
      const real = resolvePropertyName(obj, spec);
      if (real !== undefined) add(real);
    }
  }
  return fields;
}

/** Format-Table semantics: wildcards expand against the first object; plain names are kept as given. */
export function fieldsForTable(specs: readonly PropertySpec[], firstObj: unknown): Field[] {
  const fields: Field[] = [];
  for (const spec of specs) {
    if (typeof spec !== 'string') fields.push(calculatedField(spec));
    else if (hasWildcard(spec)) matching(firstObj, spec).forEach((n) => fields.push(propertyField(n)));
    else fields.push(propertyField(resolvePropertyName(firstObj, spec) ?? spec));
  }
  return fields;
}

export function fieldValue(field: Field, obj: unknown): unknown {
  try {
    return field.get(obj);
  } catch {
    return undefined;
  }
}

/** The text a field shows for an object. */
export function fieldText(field: Field, obj: unknown, opts: DisplayOptions): string {
  const value = fieldValue(field, obj);
  if (field.formatString) return applyFormatString(value, field.formatString, dotNetToString);
  return displayString(value, opts);
}
