// A table document (Format-Table, or Out-Default for objects with at most four properties): columns
// from a registered view, the -Property list, or the first object's properties (at most ten); widths
// from the view, or auto-sized from the rows (label and values, all rows in batch mode, the first
// 300 ms of rows when streaming); groups under `   Label: value` headings when grouped.
import type { FormatDocument, ShapeParameters, Timing } from './format-document.ts';
import { PSObject } from '../runtime/values.ts';
import type { Settings } from './options.ts';
import type { TableView } from './views.ts';
import { viewApplies } from './views.ts';
import { calculatedField, fieldsForTable, fieldText, fieldValue, propertyField } from './property-spec.ts';
import type { Alignment, Field, PropertySpec } from './property-spec.ts';
import { defaultDisplayPropertyNames } from './object-properties.ts';
import { isRightAlignedScalar } from './type-info.ts';
import { displayString } from './display-string.ts';
import type { DisplayOptions } from './display-string.ts';
import { cellWidth } from './cell-width.ts';
import { fitColumns } from './column-widths.ts';
import { renderHeader, renderMultiLineRow, renderSingleLineRow } from './table-writer.ts';
import type { TableLayout } from './table-writer.ts';

const MAX_DEFAULT_COLUMNS = 10;
const MIN_SCREEN = 5;

interface Column {
  field: Field;
  width: number;
  alignment: Alignment;
}

type Pending = { row: string[] } | { text: string };

function specField(spec: PropertySpec): Field {
  return typeof spec === 'string' ? propertyField(spec) : calculatedField(spec);
}

function lines(ls: readonly string[]): string {
  return ls.map((l) => `${l}\n`).join('');
}

export class TableDocument implements FormatDocument {
  private readonly columns: Column[];
  private readonly display: DisplayOptions;
  private readonly hideHeaders: boolean;
  private readonly wrap: boolean;
  private readonly autoSize: boolean;
  private readonly groupField?: Field;
  private groupKey?: string;
  private groups = 0;
  private layout?: TableLayout | null;
  private pending?: Pending[];
  private pendingSince = 0;

  constructor(
    first: unknown,
    private readonly view: TableView | undefined,
    params: ShapeParameters,
    private readonly settings: Settings,
    private readonly timing: Timing,
  ) {
    this.display = { enumerationLimit: settings.enumerationLimit, dialect: settings.dialect, formatFloat: !view && settings.dialect === 'Core' };
    this.columns = view ? this.viewColumns(view) : this.propertyColumns(first, params.properties);
    this.hideHeaders = params.hideTableHeaders ?? view?.hideTableHeaders ?? false;
    this.wrap = params.wrap ?? view?.wrap ?? false;
    this.autoSize = Boolean(params.autoSize) || (this.columns.length > 0 && this.columns[0].width <= 0);
    const group = params.groupBy ?? view?.groupBy;
    this.groupField = group === undefined ? undefined : specField(group);
  }

  private viewColumns(view: TableView): Column[] {
    return view.columns.map((spec) => {
      const field = specField(spec);
      return { field, width: field.width ?? 0, alignment: field.alignment ?? 'left' };
    });
  }

  private propertyColumns(first: unknown, properties?: PropertySpec[]): Column[] {
    const fields = properties
      ? fieldsForTable(properties, first)
      : defaultDisplayPropertyNames(first).map(propertyField);
    const explicitDefaults = first instanceof PSObject && (first.defaultDisplayProperties?.length ?? 0) > 0;
    const chosen = properties || explicitDefaults ? fields : fields.slice(0, MAX_DEFAULT_COLUMNS);
    return chosen.map((field) => ({
      field,
      width: field.width ?? 0,
      alignment: field.alignment ?? (isRightAlignedScalar(fieldValue(field, first)) ? 'right' : 'left'),
    }));
  }

  start(): string {
    return '\n';
  }

  accepts(obj: unknown): boolean {
    return !this.view || viewApplies(this.view, obj);
  }

  add(obj: unknown): string {
    let out = '';
    if (this.groupField) {
      const key = displayString(fieldValue(this.groupField, obj), this.display);
      if (this.groups === 0 || key !== this.groupKey) {
        out += this.closeGroup();
        out += this.openGroup(`   ${this.groupField.label}: ${key}\n\n`);
        this.groupKey = key;
      }
    } else if (this.groups === 0) {
      out += this.openGroup('');
    }
    const row = this.columns.map((c) => fieldText(c.field, obj, this.display));
    if (this.pending) {
      this.pending.push({ row });
      return out + this.expireCache();
    }
    return out + this.renderRow(row);
  }

  passThrough(text: string): string {
    if (!this.pending) return text;
    this.pending.push({ text });
    return this.expireCache();
  }

  flush(): string {
    return this.pending ? this.drain() : '';
  }

  end(): string {
    return `${this.closeGroup()}\n`;
  }

  private openGroup(heading: string): string {
    const lead = (this.groups > 0 ? '\n' : '') + heading;
    this.groups++;
    if (this.autoSize) {
      this.pending = [{ text: lead }];
      this.pendingSince = this.timing.now();
      this.layout = undefined;
      return '';
    }
    this.layout = this.makeLayout(this.columns.map((c) => c.width));
    return lead + this.header();
  }

  private closeGroup(): string {
    return this.pending ? this.drain() : '';
  }

  private expireCache(): string {
    return this.timing.now() - this.pendingSince > this.timing.autosizeMs ? this.drain() : '';
  }

  private drain(): string {
    const pending = this.pending ?? [];
    this.pending = undefined;
    const widths = this.columns.map((c) => cellWidth(c.field.label));
    for (const item of pending) {
      if ('row' in item) item.row.forEach((v, k) => (widths[k] = Math.max(widths[k], cellWidth(v))));
    }
    this.layout = this.makeLayout(widths);
    let out = '';
    pending.forEach((item, i) => {
      out += 'row' in item ? this.renderRow(item.row) : item.text;
      if (i === 0) out += this.header();
    });
    return out;
  }

  private makeLayout(requested: number[]): TableLayout | null {
    if (this.columns.length === 0 || this.settings.width < MIN_SCREEN) return null;
    const widths = fitColumns(requested, this.settings.width);
    if (!widths.some((w) => w > 0)) return null;
    return { widths, alignments: this.columns.map((c) => c.alignment), ellipsis: this.settings.ellipsis };
  }

  private header(): string {
    if (!this.layout || this.hideHeaders) return '';
    return lines(renderHeader(this.columns.map((c) => c.field.label), this.layout));
  }

  private renderRow(row: string[]): string {
    if (!this.layout) return '';
    return this.wrap ? lines(renderMultiLineRow(row, this.layout)) : `${renderSingleLineRow(row, this.layout)}\n`;
  }
}
