// What every start of the command line loads: scripts/build.mjs lists the source files and packages of
// the chunks the entry imports statically (dist/startup-inputs.json). Cmdlet modules, the crypto library,
// the state store, the transport and the interactive shell must stay behind import() so that
// `emsh -Command 1+1` does not load them; a cmdlet of a lazy module still runs on first use.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

const inputs: string[] = JSON.parse(readFileSync('dist/startup-inputs.json', 'utf8'));

describe('the startup bundle', () => {
  it('lists the entry and the parser (the list is real)', () => {
    assert.ok(inputs.includes('src/host/main.ts'));
    assert.ok(inputs.includes('grammar/parser.ts'));
  });

  it('does not load cmdlet declarations', () => {
    const declaring = inputs.filter((i) => i.startsWith('cmdlets/') && readFileSync(i, 'utf8').includes('defineCmdlet('));
    assert.deepEqual(declaring, []);
  });

  for (const [what, pattern] of [
    ['node-forge', /node-forge/],
    ['conf (the state store)', /^conf$|node_modules\/conf\/|^src\/store\/(documents|emsh-state)\.ts$/],
    ['the transport', /^src\/transport\//],
    ['the PKI code', /^src\/pki\//],
    ['ink and React', /^(ink|react|react\/.*)$|node_modules\/(ink|react|react-reconciler|yoga-layout|scheduler)\/|^src\/host\/repl\/(start|ShellView)\.tsx$/],
    ["Node's process, network, crypto and readline modules", /^node:(child_process|net|tls|dns|crypto|readline)$/],
  ] as const) {
    it(`does not load ${what}`, () => {
      assert.deepEqual(inputs.filter((i) => pattern.test(i)), []);
    });
  }
});

describe("the parser's lookahead table", () => {
  it('is built into the bundle (grammar/parser-lookahead-table.ts)', () => {
    const chunks = readdirSync('dist').filter((f) => f.endsWith('.js'));
    assert.ok(chunks.some((f) => /"statement:Alternation:\d+"/.test(readFileSync(join('dist', f), 'utf8'))));
  });
});

describe('a cmdlet of a lazy module', () => {
  const home = mkdtempSync(join(tmpdir(), 'emsh-cli-'));
  after(() => rmSync(home, { recursive: true, force: true }));

  it('runs on first use from the command line, with its help and completion data', () => {
    const r = spawnSync(process.execPath, ['bin/emsh.js', '-NoProfile', '-Command', "Join-Path 'a' 'b'; (Get-Help Get-ExchangeCertificate).Name"], {
      encoding: 'utf8',
      env: { ...process.env, EMSH_HOME: home, NO_COLOR: '1' },
    });
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, 'a\\b\nGet-ExchangeCertificate\n');
    assert.equal(r.status, 0);
  });
});
