// docs/cmdlets.md is generated from the declarations; it must be regenerated when they change.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { allCmdletGroups } from '../../../cmdlets/registry.ts';
import { renderCmdletDocs } from '../../../cmdlets/core/help/docs-render.ts';

describe('docs/cmdlets.md', () => {
  const text = renderCmdletDocs(allCmdletGroups);

  it('is current (run: node --import tsx scripts/gen-docs.mjs)', () => {
    assert.equal(readFileSync(new URL('../../../docs/cmdlets.md', import.meta.url), 'utf8'), text);
  });

  it('documents every registered cmdlet with its syntax', () => {
    for (const c of allCmdletGroups.flat()) {
      assert.ok(text.includes(`### ${c.name}\n`), `${c.name} missing`);
    }
    assert.match(text, /\nJoin-Path \[-Path\] <String\[\]> \[-ChildPath\] <String> /);
  });
});
