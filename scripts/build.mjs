// Bundles the command line into dist/ so that startup does not pay for a TypeScript loader.
// Cmdlet modules, the interactive shell and the transport daemon are imported with import(), so esbuild
// splits them into chunks that load on first use; dist/startup-inputs.json lists what loads at start
// (test/cli/startup-imports.test.ts keeps node-forge, conf, the transport and ink out of it).
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });

/**
 * The parser's lookahead table (grammar/parser-lookahead-table.ts), computed from the grammar being
 * bundled: a small bundle builds the parser once and prints the table, which goes into the command line
 * as EMSH_LOOKAHEAD_TABLE so that a first parse does not compute lookahead through the whole grammar.
 */
async function lookaheadTable() {
  const script = 'dist/lookahead-table.mjs';
  await build({
    stdin: {
      contents:
        "import { PsParser } from './grammar/parser.ts'; import { computeLookaheadTable } from './grammar/parser-lookahead-table.ts';" +
        'process.stdout.write(JSON.stringify(computeLookaheadTable(new PsParser(false).getGAstProductions())));',
      resolveDir: '.',
      loader: 'ts',
    },
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  const json = execFileSync(process.execPath, [script], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  rmSync(script);
  JSON.parse(json); // fails the build when the script printed anything but the table
  return json;
}

const result = await build({
  // The transport's receive workers are processes of their own (src/transport/receive-worker-pool.ts).
  entryPoints: { emsh: 'src/host/main.ts', 'receive-worker': 'src/transport/receive-worker-main.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: true,
  // Bundle the libraries (chevrotain's many lodash-es files dominated startup when loaded one by one).
  // ink and React are bundled too, into the interactive shell's chunk that only the shell imports: loaded
  // file by file (and React's CommonJS lexed for named exports) they cost the first prompt about a quarter.
  // conf stays external (loaded with the first Exchange cmdlet); react-devtools-core is ink's optional
  // development dependency.
  external: ['ink-testing-library', 'react-devtools-core', 'conf'],
  banner: { js: "import { createRequire as __emshCreateRequire } from 'node:module'; const require = __emshCreateRequire(import.meta.url);" },
  sourcemap: 'linked',
  logLevel: 'warning',
  jsx: 'automatic',
  metafile: true,
  // Less text for V8 to parse at every start; names are kept, and the linked source maps map positions back.
  minifyWhitespace: true,
  minifySyntax: true,
  define: { EMSH_LOOKAHEAD_TABLE: await lookaheadTable() },
});

/** The source files and packages in the chunks the entry imports statically (what every start loads). */
function startupInputs(metafile) {
  const outputs = metafile.outputs;
  const entry = Object.keys(outputs).find((o) => outputs[o].entryPoint === 'src/host/main.ts');
  const seen = new Set();
  const pending = [entry];
  while (pending.length > 0) {
    const output = pending.pop();
    if (seen.has(output)) continue;
    seen.add(output);
    for (const i of outputs[output].imports) if (i.kind === 'import-statement' && outputs[i.path]) pending.push(i.path);
  }
  const inputs = new Set();
  for (const output of seen) {
    for (const input of Object.keys(outputs[output].inputs)) inputs.add(input);
    for (const i of outputs[output].imports) if (i.external && i.kind === 'import-statement') inputs.add(i.path);
  }
  return [...inputs].sort();
}

writeFileSync('dist/startup-inputs.json', `${JSON.stringify(startupInputs(result.metafile), null, 1)}\n`);
