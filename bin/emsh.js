#!/usr/bin/env node
// Entry point: runs the bundled CLI (built by `npm install` / `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/emsh.js', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('emsh is not built yet. Run `npm install` (or `npm run build`) in the emsh folder first.\n');
  process.exit(1);
}
await import(bundle.href);
