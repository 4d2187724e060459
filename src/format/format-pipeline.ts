// The formatting state machine behind Format-Table/-List/-Wide and Out-Default (PowerShell's
// InnerFormatShapeCommand + OutCommandInner): collections are shown element by element (hashtables
// entry by entry), scalars and errors go out of band, the first other object opens a document
// whose view all later objects share, objects the view does not cover are shown as lists.
import { AutomationNull, PSHashtable, PSObject, isEnumerable } from '../runtime/values.ts';
import type { Settings } from './options.ts';
import type { FormatDocument, ShapeParameters, Timing } from './format-document.ts';
import { findView } from './views.ts';
import type { FormatView } from './views.ts';
import { dictionaryEntries, defaultDisplayPropertyNames } from './object-properties.ts';
import { outOfBandList, outOfBandText } from './out-of-band.ts';
import { TableDocument } from './table-document.ts';
import { ListDocument } from './list-document.ts';
import { WideDocument } from './wide-document.ts';
import { CustomDocument } from './custom-document.ts';
import './builtin-views.ts';

/** Which command is formatting: Out-Default picks a shape per object type, the others force one. */
export type Shape = 'default' | 'table' | 'list' | 'wide';

/** Out-Default's choice between table and list for objects without a registered view. */
export const PROPERTY_COUNT_FOR_TABLE = 4;

export class FormatPipeline {
  private document?: FormatDocument;

  constructor(
    private readonly shape: Shape,
    private readonly params: ShapeParameters,
    private readonly settings: Settings,
    private readonly timing: Timing,
  ) {}

  /** Formats one pipeline object; returns the text that can be printed now. */
  write(obj: unknown): string {
    if (obj === null || obj === undefined || obj === AutomationNull) return '';
    if (obj instanceof PSObject && (isEnumerable(obj.baseObject) || obj.baseObject instanceof PSHashtable)) {
      return this.write(obj.baseObject);
    }
    if (isEnumerable(obj)) {
      let out = '';
      for (const item of obj as Iterable<unknown>) out += this.write(item);
      return out;
    }
    if (obj instanceof PSHashtable) return dictionaryEntries(obj).map((e) => this.process(e)).join('');
    return this.process(obj);
  }

  /** Releases rows held back for auto-sizing. */
  flush(): string {
    return this.document?.flush() ?? '';
  }

  end(): string {
    const out = this.document?.end() ?? '';
    this.document = undefined;
    return out;
  }

  private process(obj: unknown): string {
    const force = Boolean(this.params.force);
    const text = outOfBandText(obj, this.settings, force);
    if (text !== undefined) return this.document ? this.document.passThrough(text) : text;
    let out = '';
    if (!this.document) {
      this.document = this.open(obj);
      out += this.document.start();
    }
    if (!this.document.accepts(obj)) return out + this.document.passThrough(outOfBandList(obj, this.settings));
    return out + this.document.add(obj);
  }

  private open(first: unknown): FormatDocument {
    const named = this.params.properties !== undefined;
    switch (this.shape) {
      case 'table':
        return this.fromView(first, named ? undefined : findView(first, 'table'), 'table');
      case 'list':
        return this.fromView(first, named ? undefined : findView(first, 'list'), 'list');
      case 'wide':
        return this.fromView(first, this.params.property !== undefined ? undefined : findView(first, 'wide'), 'wide');
      default: {
        const view = findView(first);
        if (view) return this.fromView(first, view, view.kind === 'wide' ? 'wide' : 'table');
        const count = defaultDisplayPropertyNames(first).length;
        return this.fromView(first, undefined, count <= PROPERTY_COUNT_FOR_TABLE ? 'table' : 'list');
      }
    }
  }

  private fromView(first: unknown, view: FormatView | undefined, fallback: 'table' | 'list' | 'wide'): FormatDocument {
    const { params, settings, timing } = this;
    switch (view?.kind ?? fallback) {
      case 'table':
        return new TableDocument(first, view?.kind === 'table' ? view : undefined, params, settings, timing);
      case 'list':
        return new ListDocument(view?.kind === 'list' ? view : undefined, params, settings);
      case 'wide':
        return new WideDocument(view?.kind === 'wide' ? view : undefined, params, settings, timing);
      default:
        return new CustomDocument(view as Extract<FormatView, { kind: 'custom' }>, settings);
    }
  }
}
