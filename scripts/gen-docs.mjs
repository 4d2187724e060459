// Writes docs/cmdlets.md from the declarations of every registered cmdlet.
// Run: node --import tsx scripts/gen-docs.mjs   (add --check to fail when the file is out of date)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { allCmdletGroups } from '../cmdlets/registry.ts';
import { renderCmdletDocs } from '../cmdlets/core/help/docs-render.ts';

const target = fileURLToPath(new URL('../docs/cmdlets.md', import.meta.url));
const text = renderCmdletDocs(allCmdletGroups);

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing
  }
  if (current !== text) {
    console.error('docs/cmdlets.md is out of date: run node --import tsx scripts/gen-docs.mjs');
    process.exit(1);
  }
  console.log('docs/cmdlets.md is current');
} else {
  writeFileSync(target, text);
  console.log(`wrote docs/cmdlets.md (${allCmdletGroups.flat().length} cmdlets)`);
}
