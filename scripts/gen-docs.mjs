// Writes docs/cmdlets.md, and cmdlets/cmdlet-manifest.ts (the names a session registers at start), from the
// declarations of every registered cmdlet.
// Run: node --import tsx scripts/gen-docs.mjs   (add --check to fail when a file is out of date)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cmdletGroups } from '../cmdlets/cmdlet-groups.ts';
import { allCmdletGroups } from '../cmdlets/registry.ts';
import { renderCmdletDocs } from '../cmdlets/core/help/docs-render.ts';
import { renderCmdletManifest } from '../cmdlets/manifest-render.ts';

const outputs = [
  { file: '../docs/cmdlets.md', text: renderCmdletDocs(allCmdletGroups) },
  { file: '../cmdlets/cmdlet-manifest.ts', text: renderCmdletManifest(cmdletGroups.map((g, i) => ({ id: g.id, cmdlets: allCmdletGroups[i] }))) },
];

let stale = false;
for (const { file, text } of outputs) {
  const target = fileURLToPath(new URL(file, import.meta.url));
  const name = file.slice(3);
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // missing
    }
    if (current !== text) {
      console.error(`${name} is out of date: run node --import tsx scripts/gen-docs.mjs`);
      stale = true;
    } else console.log(`${name} is current`);
  } else {
    writeFileSync(target, text);
    console.log(`wrote ${name}`);
  }
}
if (stale) process.exit(1);
console.log(`${allCmdletGroups.flat().length} cmdlets`);
