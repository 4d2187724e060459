// A document for objects with a registered custom view (DateTime's long date): the view's lines for
// each object, between the usual opening and closing blank lines.
import type { FormatDocument } from './format-document.ts';
import type { Settings } from './options.ts';
import type { CustomView } from './views.ts';
import { viewApplies } from './views.ts';

export class CustomDocument implements FormatDocument {
  constructor(
    private readonly view: CustomView,
    private readonly settings: Settings,
  ) {}

  start(): string {
    return '\n';
  }

  accepts(obj: unknown): boolean {
    return viewApplies(this.view, obj);
  }

  add(obj: unknown): string {
    return this.view.render(obj, this.settings).map((l) => `${l}\n`).join('');
  }

  passThrough(text: string): string {
    return text;
  }

  flush(): string {
    return '';
  }

  end(): string {
    return '\n';
  }
}
