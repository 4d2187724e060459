// A wide document (Format-Wide): one property per object, laid out in columns that share the screen
// width: -Column N, or as many as the widest value allows with -AutoSize, else two.
import type { FormatDocument, ShapeParameters, Timing } from './format-document.ts';
import type { Settings } from './options.ts';
import type { WideView } from './views.ts';
import { viewApplies } from './views.ts';
import { calculatedField, fieldText, propertyField } from './property-spec.ts';
import type { Field, PropertySpec } from './property-spec.ts';
import { displayNameProperty, displayString } from './display-string.ts';
import { PSObject } from '../runtime/values.ts';
import { propertyNames } from './object-properties.ts';
import { cellWidth } from './cell-width.ts';
import { fitColumns, wideItemsPerRow } from './column-widths.ts';
import { renderSingleLineRow } from './table-writer.ts';
import type { TableLayout } from './table-writer.ts';

const DEFAULT_COLUMNS = 2;
const MIN_SCREEN = 5;

function specField(spec: PropertySpec): Field {
  return typeof spec === 'string' ? propertyField(spec) : calculatedField(spec);
}

export class WideDocument implements FormatDocument {
  private readonly spec?: PropertySpec;
  private readonly columns: number;
  private layout?: TableLayout | null;
  private row: string[] = [];
  private pending?: ({ value: string } | { text: string })[];
  private pendingSince = 0;

  constructor(
    private readonly view: WideView | undefined,
    private readonly params: ShapeParameters,
    private readonly settings: Settings,
    private readonly timing: Timing,
  ) {
    this.spec = params.property ?? view?.property;
    this.columns = params.column && params.column > 0 ? params.column : (view?.column ?? DEFAULT_COLUMNS);
    if (!params.autoSize) this.layout = this.makeLayout(this.columns);
  }

  start(): string {
    return '\n';
  }

  accepts(obj: unknown): boolean {
    return !this.view || viewApplies(this.view, obj);
  }

  private valueOf(obj: unknown): string {
    const display = { enumerationLimit: this.settings.enumerationLimit, dialect: this.settings.dialect };
    if (this.spec !== undefined) return fieldText(specField(this.spec), obj, display);
    const name = obj instanceof PSObject ? (displayNameProperty(obj) ?? propertyNames(obj)[0]) : undefined;
    return name === undefined ? displayString(obj, display) : fieldText(propertyField(name), obj, display);
  }

  add(obj: unknown): string {
    const value = this.valueOf(obj);
    if (this.params.autoSize && this.layout === undefined) {
      this.pending ??= [];
      if (this.pending.length === 0) this.pendingSince = this.timing.now();
      this.pending.push({ value });
      return this.timing.now() - this.pendingSince > this.timing.autosizeMs ? this.drain() : '';
    }
    return this.push(value);
  }

  passThrough(text: string): string {
    if (!this.pending) return text;
    this.pending.push({ text });
    return '';
  }

  flush(): string {
    return this.pending ? this.drain() : '';
  }

  end(): string {
    return `${this.flush()}${this.emitRow()}\n`;
  }

  private drain(): string {
    const pending = this.pending ?? [];
    this.pending = undefined;
    const widest = Math.max(0, ...pending.map((p) => ('value' in p ? cellWidth(p.value) : 0)));
    const columns = widest > 0 ? wideItemsPerRow(widest, this.settings.width) : this.columns;
    this.layout = this.makeLayout(columns);
    return pending.map((p) => ('value' in p ? this.push(p.value) : p.text)).join('');
  }

  private push(value: string): string {
    if (this.layout === null) return '';
    this.row.push(value);
    return this.layout && this.row.length >= this.layout.widths.length ? this.emitRow() : '';
  }

  private emitRow(): string {
    if (this.row.length === 0) return '';
    const values = this.row;
    this.row = [];
    return this.layout ? `${renderSingleLineRow(values, this.layout)}\n` : '';
  }

  private makeLayout(columns: number): TableLayout | null {
    if (this.settings.width < MIN_SCREEN) return null;
    const widths = fitColumns(new Array<number>(columns).fill(0), this.settings.width);
    return { widths, alignments: widths.map(() => 'left'), ellipsis: this.settings.ellipsis };
  }
}
