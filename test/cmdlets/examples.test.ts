// Every example declared by every registered cmdlet runs here, in a fresh session with its own state
// root, and must produce its declared output (exactly, leading/trailing blank lines aside) or match its
// declared pattern, with nothing written to the error stream.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allCmdletGroups } from '../../cmdlets/registry.ts';
import { createShell, trimBlankLines } from '../helpers/run.ts';

for (const group of allCmdletGroups) {
  for (const cmdlet of group) {
    describe(`${cmdlet.name} examples`, () => {
      it('declares at least one example', () => {
        assert.ok(cmdlet.examples.length > 0, `${cmdlet.name} has no examples`);
      });
      cmdlet.examples.forEach((example, i) => {
        it(`example ${i + 1}: ${example.code.split('\n')[0]}`, async () => {
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
}
