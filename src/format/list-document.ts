// A list document (Format-List, or Out-Default for objects with five or more properties): per object,
// the -Property list resolved against it, a registered list view, or its default display properties;
// each object followed by a blank line, and in Windows PowerShell one more blank line at the end.
import type { FormatDocument, ShapeParameters } from './format-document.ts';
import type { Settings } from './options.ts';
import type { ListView } from './views.ts';
import { viewApplies } from './views.ts';
import { calculatedField, fieldsForObject, fieldText, propertyField } from './property-spec.ts';
import type { Field } from './property-spec.ts';
import { defaultDisplayPropertyNames } from './object-properties.ts';
import { renderListEntries } from './list-writer.ts';

export class ListDocument implements FormatDocument {
  constructor(
    private readonly view: ListView | undefined,
    private readonly params: ShapeParameters,
    private readonly settings: Settings,
  ) {}

  start(): string {
    return '\n';
  }

  accepts(obj: unknown): boolean {
    return !this.view || viewApplies(this.view, obj);
  }

  private fields(obj: unknown): Field[] {
    if (this.params.properties) return fieldsForObject(this.params.properties, obj);
    if (this.view) return this.view.properties.map((p) => (typeof p === 'string' ? propertyField(p) : calculatedField(p)));
    return defaultDisplayPropertyNames(obj).map(propertyField);
  }

  add(obj: unknown): string {
    return listText(this.fields(obj), obj, this.settings);
  }

  passThrough(text: string): string {
    return text;
  }

  flush(): string {
    return '';
  }

  end(): string {
    return this.settings.dialect === 'Desktop' ? '\n' : '';
  }
}

/** One object's list lines followed by the blank line that separates objects. */
export function listText(fields: readonly Field[], obj: unknown, settings: Settings): string {
  const display = { enumerationLimit: settings.enumerationLimit, dialect: settings.dialect };
  const entries = fields.map((f) => ({ label: f.label, value: fieldText(f, obj, display) }));
  return renderListEntries(entries, settings.width).map((l) => `${l}\n`).join('') + '\n';
}
