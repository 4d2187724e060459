// Bundles the command line into dist/ so that startup does not pay for a TypeScript loader.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });

await build({
  entryPoints: { emsh: 'src/host/main.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: true,
  // Bundle the libraries the command line always needs (chevrotain's many lodash-es files dominated
  // startup when loaded one by one); ink and React stay external, loaded only for the interactive shell.
  external: ['ink', 'ink-testing-library', 'react', 'react/*', 'react-reconciler', 'yoga-layout', 'conf'],
  banner: { js: "import { createRequire as __emshCreateRequire } from 'node:module'; const require = __emshCreateRequire(import.meta.url);" },
  sourcemap: 'linked',
  logLevel: 'warning',
  jsx: 'automatic',
});
