// A session registers every cmdlet by name and imports a cmdlet's module on first use: the cmdlet still
// runs, and Get-Command, Get-Help and tab completion still see its whole declaration.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { cmdletGroups } from '../../cmdlets/cmdlet-groups.ts';
import { renderCmdletManifest } from '../../cmdlets/manifest-render.ts';
import { allCmdletGroups } from '../../cmdlets/registry.ts';
import { complete } from '../../src/completion/complete.ts';
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import { BufferHost } from '../../src/runtime/host-ui.ts';
import { Session } from '../../src/runtime/session.ts';
import { createShell, trimBlankLines } from '../helpers/run.ts';

/** A session with one lazily registered module of two cmdlets; counts how often the module is imported. */
function lazySession(session = new Session({ host: new BufferHost() })) {
  const loads: number[] = [];
  const declare = (name: string) =>
    defineCmdlet({
      name,
      synopsis: `The ${name} synopsis.`,
      description: '',
      module: 'Contoso.Lab',
      parameters: { Id: { type: 'int', position: 0, description: 'An id.' } },
      examples: [],
      process: (p, ctx) => ctx.write(`${name} ${p.Id}`),
    });
  session.registerLazyCmdlets(
    [
      { name: 'Get-Widget', module: 'Contoso.Lab', aliases: ['gwd'] },
      { name: 'Set-Widget', module: 'Contoso.Lab' },
    ],
    async () => {
      loads.push(1);
      return [declare('Get-Widget'), declare('Set-Widget')];
    },
  );
  return { session, loads };
}

describe('lazily registered cmdlets', () => {
  it('are found by name and alias before their module is imported, as stand-ins that refuse to bind', () => {
    const { session, loads } = lazySession();
    const stub = session.getCmdlet('get-widget');
    assert.equal(stub?.name, 'Get-Widget');
    assert.equal(stub?.module, 'Contoso.Lab');
    assert.equal(session.globalScope.lookupAlias('gwd'), 'Get-Widget');
    assert.deepEqual(session.allCmdlets().map((c) => c.name), ['Get-Widget', 'Set-Widget']);
    assert.throws(() => stub!.parameters, /The cmdlet 'Get-Widget' was used before its module was loaded/);
    assert.equal(loads.length, 0);
  });

  it('import their module once, for every cmdlet of it', async () => {
    const { session, loads } = lazySession();
    const loaded = await session.loadCmdlet(session.getCmdlet('Get-Widget')!);
    assert.equal(loaded.synopsis, 'The Get-Widget synopsis.');
    assert.equal(session.getCmdlet('Get-Widget'), loaded);
    assert.equal(session.loadCmdlet(loaded), loaded, 'a loaded cmdlet comes back without waiting');
    const other = await session.loadCmdlet(session.getCmdlet('Set-Widget')!);
    assert.ok(other.parameters.Id);
    assert.equal(loads.length, 1);
    assert.deepEqual(session.allCmdlets().map((c) => c.name), ['Get-Widget', 'Set-Widget'], 'registration order is kept');
  });

  it('run on first use, through an alias too', async () => {
    const shell = createShell();
    try {
      const { loads } = lazySession(shell.session);
      assert.equal(trimBlankLines((await shell.run('gwd 7; Set-Widget -Id 8')).out), 'Get-Widget 7\nSet-Widget 8');
      assert.equal(loads.length, 1);
    } finally {
      await shell.dispose();
    }
  });

  it('keep a cmdlet registered later under the same name', async () => {
    const { session } = lazySession();
    const replacement = defineCmdlet({ name: 'Get-Widget', synopsis: 'Replaced.', description: '', module: 'Test', parameters: {}, examples: [] });
    session.registerCmdlet(replacement);
    await session.loadAllCmdlets();
    assert.equal(session.getCmdlet('Get-Widget'), replacement);
    assert.equal(session.getCmdlet('Set-Widget')?.synopsis, 'The Set-Widget synopsis.');
  });

  it('let a failed import be retried', async () => {
    const session = new Session({ host: new BufferHost() });
    let attempts = 0;
    session.registerLazyCmdlets([{ name: 'Get-Flaky', module: 'Test' }], async () => {
      attempts++;
      if (attempts === 1) throw new Error('disk on fire');
      return [defineCmdlet({ name: 'Get-Flaky', synopsis: 'Works now.', description: '', module: 'Test', parameters: {}, examples: [] })];
    });
    await assert.rejects(async () => session.loadCmdlet(session.getCmdlet('Get-Flaky')!), /disk on fire/);
    assert.equal((await session.loadCmdlet(session.getCmdlet('Get-Flaky')!)).synopsis, 'Works now.');
  });
});

describe('a new shell session', () => {
  it('registers every cmdlet, in declaration order, without importing its module', () => {
    const shell = createShell();
    try {
      const names = shell.session.allCmdlets().map((c) => c.name);
      assert.deepEqual(names, allCmdletGroups.flat().map((c) => c.name));
      assert.throws(() => shell.session.getCmdlet('Get-ExchangeCertificate')!.parameters, /before its module was loaded/);
    } finally {
      void shell.dispose();
    }
  });

  it('runs a cmdlet of a module not imported yet', async () => {
    const shell = createShell();
    try {
      assert.equal(trimBlankLines((await shell.run("Join-Path 'c:\\certificates' 'contoso.pfx'")).out), 'c:\\certificates\\contoso.pfx');
      assert.ok(shell.session.getCmdlet('Join-Path')!.parameters.ChildPath);
    } finally {
      await shell.dispose();
    }
  });

  it('shows the whole declaration of a cmdlet not imported yet in Get-Command and Get-Help', async () => {
    const shell = createShell();
    try {
      const syntax = trimBlankLines((await shell.run('Get-Command Get-ExchangeCertificate -Syntax')).out);
      assert.match(syntax, /^Get-ExchangeCertificate \[\[-Thumbprint\] <string>\]/);
      const synopsis = trimBlankLines((await shell.run('(Get-Help Get-ExchangeCertificate).Synopsis')).out);
      assert.equal(synopsis, allCmdletGroups.flat().find((c) => c.name === 'Get-ExchangeCertificate')!.synopsis);
      const count = trimBlankLines((await shell.run('(Get-Command -CommandType Cmdlet).Count')).out);
      assert.equal(Number(count), allCmdletGroups.flat().length);
    } finally {
      await shell.dispose();
    }
  });

  it('completes the parameters of a cmdlet not imported yet, by name and by alias', async () => {
    const shell = createShell();
    try {
      const texts = async (input: string) => (await complete(shell.session, input, input.length)).items.map((i) => i.text);
      assert.deepEqual(await texts('Enable-ExchangeCertificate -Servi'), ['-Services']);
      assert.deepEqual(await texts('Enable-ExchangeCertificate -Services SM'), ['SMTP']);
      assert.ok((await texts('gci -Fi')).includes('-Filter'));
    } finally {
      await shell.dispose();
    }
  });
});

describe('cmdlets/cmdlet-manifest.ts', () => {
  it('is current (run: node --import tsx scripts/gen-docs.mjs)', () => {
    const text = renderCmdletManifest(cmdletGroups.map((g, i) => ({ id: g.id, cmdlets: allCmdletGroups[i] })));
    assert.equal(readFileSync(new URL('../../cmdlets/cmdlet-manifest.ts', import.meta.url), 'utf8'), text);
  });
});
