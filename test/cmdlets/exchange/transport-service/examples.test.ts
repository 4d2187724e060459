// The transport service group's examples on their own (examples.test.ts runs them with every other
// cmdlet's): quick to run while working on this group.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { transportServiceCmdlets } from '../../../../cmdlets/exchange/transport-service/index.ts';
import { createShell, trimBlankLines } from '../../../helpers/run.ts';

process.env.EMSH_LAB_REGISTRY ??= join(mkdtempSync(join(tmpdir(), 'emsh-labdns-')), 'registry.json');

for (const cmdlet of transportServiceCmdlets) {
  describe(`${cmdlet.name} examples`, () => {
    cmdlet.examples.forEach((example, i) => {
      it(`example ${i + 1}`, async () => {
        const shell = createShell();
        try {
          if (example.setup) {
            const setup = await shell.run(example.setup);
            assert.equal(setup.err, '', `setup failed: ${setup.err}`);
          }
          const { out, err } = await shell.run(example.code);
          assert.equal(err, '', `the example wrote errors:\n${err}`);
          if (example.output !== undefined) assert.equal(trimBlankLines(out), trimBlankLines(example.output));
          if (example.outputMatches !== undefined) assert.match(out, new RegExp(example.outputMatches, 'm'));
        } finally {
          await shell.dispose();
        }
      });
    });
  });
}
