// Registered views by type name (PowerShell's format.ps1xml): modules register table, list, wide or
// custom views for their object types (the Exchange certificate table Thumbprint/Services/Subject,
// connectors, ...). A value uses the first view registered for the first of its type names that has one.
import type { PropertySpec } from './property-spec.ts';
import type { Settings } from './options.ts';
import { typeNamesOf } from './type-info.ts';

export interface TableView {
  kind: 'table';
  /** Columns in order; a plain name is a left-aligned column labelled with the name. */
  columns: PropertySpec[];
  hideTableHeaders?: boolean;
  /** Wrap long cell values onto extra lines instead of truncating them. */
  wrap?: boolean;
  /** Start a new table, under a `   Label: value` heading, whenever this value changes. */
  groupBy?: PropertySpec;
}

export interface ListView {
  kind: 'list';
  /** Entries in order; a plain name is labelled with the name. */
  properties: PropertySpec[];
}

export interface WideView {
  kind: 'wide';
  property: PropertySpec;
  column?: number;
}

/** A free-form view: the lines to print for one object (like a ps1xml CustomControl). */
export interface CustomView {
  kind: 'custom';
  render: (obj: unknown, settings: Settings) => string[];
}

export type FormatView = TableView | ListView | WideView | CustomView;
export type ViewKind = FormatView['kind'];

const registry = new Map<string, FormatView[]>();

/** Registers a view for objects whose type names include `typeName` (case-insensitive). */
export function registerView(typeName: string, view: FormatView): void {
  const key = typeName.toLowerCase();
  const list = registry.get(key) ?? [];
  if (!list.includes(view)) list.push(view);
  registry.set(key, list);
}

/** Removes every view registered for `typeName` (for tests and module unloading). */
export function unregisterViews(typeName: string): void {
  registry.delete(typeName.toLowerCase());
}

/** The view to use for a value: the first registered for its type names, optionally of one kind. */
export function findView(value: unknown, kind?: ViewKind): FormatView | undefined {
  for (const name of typeNamesOf(value)) {
    const views = registry.get(name.toLowerCase());
    const hit = views?.find((v) => kind === undefined || v.kind === kind);
    if (hit) return hit;
  }
  return undefined;
}

/** True when `view` is registered for one of the value's type names (IsObjectApplicable). */
export function viewApplies(view: FormatView, value: unknown): boolean {
  return typeNamesOf(value).some((name) => registry.get(name.toLowerCase())?.includes(view) ?? false);
}
