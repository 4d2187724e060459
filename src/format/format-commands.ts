// Format-Table, Format-List and Format-Wide over a batch of objects, rendered to text as
// `... | Format-X | Out-String` would (every row takes part in auto-sizing).
import type { FormatOptions } from './options.ts';
import { resolveSettings } from './options.ts';
import type { PropertySpec } from './property-spec.ts';
import { BATCH_TIMING } from './format-document.ts';
import { FormatPipeline } from './format-pipeline.ts';
import type { Shape } from './format-pipeline.ts';
import type { ShapeParameters } from './format-document.ts';

export interface FormatListOptions extends FormatOptions {
  /** Properties to show; `*` for all. Default: the registered list view, else the default display set. */
  properties?: PropertySpec[];
  /** -Force: format strings, numbers and error records as objects instead of printing them. */
  force?: boolean;
}

export interface FormatTableOptions extends FormatListOptions {
  autoSize?: boolean;
  wrap?: boolean;
  hideTableHeaders?: boolean;
  groupBy?: PropertySpec;
}

export interface FormatWideOptions extends FormatOptions {
  property?: PropertySpec;
  column?: number;
  autoSize?: boolean;
  force?: boolean;
}

function run(shape: Shape, objects: readonly unknown[], opts: FormatOptions, params: ShapeParameters): string {
  const pipeline = new FormatPipeline(shape, params, resolveSettings(opts), BATCH_TIMING);
  let out = '';
  for (const obj of objects) out += pipeline.write(obj);
  return out + pipeline.end();
}

export function formatTable(objects: readonly unknown[], opts: FormatTableOptions): string {
  const { properties, autoSize, wrap, hideTableHeaders, groupBy, force } = opts;
  return run('table', objects, opts, { properties, autoSize, wrap, hideTableHeaders, groupBy, force });
}

export function formatList(objects: readonly unknown[], opts: FormatListOptions): string {
  return run('list', objects, opts, { properties: opts.properties, force: opts.force });
}

export function formatWide(objects: readonly unknown[], opts: FormatWideOptions): string {
  const { property, column, autoSize, force } = opts;
  return run('wide', objects, opts, { property, column, autoSize, force });
}
