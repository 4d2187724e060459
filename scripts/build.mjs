// Bundles the command line into dist/ so that startup does not pay for a TypeScript loader.
import { build } from 'esbuild';

await build({
  entryPoints: { emsh: 'src/host/main.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: true,
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  jsx: 'automatic',
});
