// The Variable provider (`Variable:`): the variables visible from the caller's scope as PSVariable
// objects (the `Name`/`Value` table Get-Variable shows), sorted by name. One flat container.
import { registerView } from '../format/views.ts';
import { PSException } from '../runtime/errors.ts';
import type { Variable } from '../runtime/scope.ts';
import { PSObject } from '../runtime/values.ts';
import type { ItemProvider, ProviderItem } from './item-provider.ts';
import { ProviderError } from './path-errors.ts';

export const PS_VARIABLE = 'System.Management.Automation.PSVariable';
registerView(PS_VARIABLE, { kind: 'table', columns: [{ label: 'Name', expression: 'Name', width: 30 }, 'Value'] });

/** The PSVariable object of a variable (Get-Variable, Get-Item Variable:x). */
export function psVariableObject(v: Variable): PSObject {
  const o = new PSObject([PS_VARIABLE, 'System.Object']);
  o.setProperty('Name', v.name);
  o.setProperty('Description', v.description ?? '');
  o.setProperty('Value', v.value);
  o.setProperty('Visibility', 'Public');
  o.setProperty('Options', v.options.size ? [...v.options].join(', ') : 'None');
  o.defineMethod({ name: 'ToString', invoke: () => v.name, definition: 'string ToString()' });
  return o;
}

function item(v: Variable): ProviderItem {
  return { name: v.name, isContainer: false, value: psVariableObject(v) };
}

export const variableProvider: ItemProvider = {
  name: 'Variable',
  driveName: 'Variable',
  driveDescription: 'Drive containing PowerShell variables.',
  item(at, segments) {
    if (segments.length === 0) return { name: '', isContainer: true, value: null };
    if (segments.length > 1) return undefined;
    const v = at.scope.lookup(segments[0]);
    return v ? item(v) : undefined;
  },
  children(at, segments) {
    if (segments.length > 0) return [];
    return at.scope
      .visibleVariables()
      .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }))
      .map(item);
  },
  removal(at, segments) {
    const name = at.scope.lookup(segments[0] ?? '')?.name ?? segments[0];
    return {
      action: 'Remove Item',
      target: `Item: ${name}`,
      remove: () => {
        try {
          at.scope.remove(name);
        } catch (e) {
          if (!(e instanceof PSException)) throw e;
          throw new ProviderError(e.message, e.typeName, 'VariableNotRemovable', 'WriteError', name);
        }
      },
    };
  },
};
