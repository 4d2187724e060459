// Get-FileHash: each algorithm's digest in upper-case hex, the provider path, wildcards, piped paths,
// -InputStream without a Path, and a missing file as a path error.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createShell } from '../../helpers/run.ts';
import type { PSObject } from '../../../src/runtime/values.ts';

describe('Get-FileHash', () => {
  const shell = createShell();
  after(() => shell.dispose());

  it('hashes a file with every algorithm', async () => {
    await shell.run("Set-Content -Path c:\\h\\a.txt -Value 'abc' -NoNewline -Force; New-Item c:\\h -ItemType Directory -Force | Out-Null; Set-Content -Path c:\\h\\a.txt -Value 'abc' -NoNewline");
    const expected: Record<string, string> = {
      SHA1: 'A9993E364706816ABA3E25717850C26C9CD0D89D',
      SHA256: 'BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD',
      MD5: '900150983CD24FB0D6963F7D28E17F72',
    };
    for (const [algorithm, hash] of Object.entries(expected)) {
      const [result] = (await shell.values(`Get-FileHash c:\\h\\a.txt -Algorithm ${algorithm.toLowerCase()}`)) as PSObject[];
      assert.equal(result.getProperty('Algorithm'), algorithm);
      assert.equal(result.getProperty('Hash'), hash);
      assert.equal(result.getProperty('Path'), 'C:\\h\\a.txt');
      assert.equal(result.typeNames[0], 'Microsoft.Powershell.Utility.FileHash');
    }
    const [sha512] = (await shell.values('(Get-FileHash c:\\h\\a.txt SHA512).Hash')) as string[];
    assert.match(sha512, /^DDAF35A193617ABA[0-9A-F]{112}$/);
  });

  it('takes wildcards and piped files', async () => {
    await shell.run("Set-Content -Path c:\\h\\b.txt -Value 'x'");
    const paths = await shell.values('Get-ChildItem c:\\h | Get-FileHash | ForEach-Object Path');
    assert.deepEqual(paths, ['C:\\h\\a.txt', 'C:\\h\\b.txt']);
    assert.equal((await shell.values('Get-FileHash c:\\h\\*.txt')).length, 2);
  });

  it('hashes -InputStream bytes without a Path', async () => {
    const [result] = (await shell.values("Get-FileHash -InputStream ([byte[]](97,98,99)) -Algorithm SHA1")) as PSObject[];
    assert.equal(result.getProperty('Hash'), 'A9993E364706816ABA3E25717850C26C9CD0D89D');
    assert.equal(result.getProperty('Path'), null);
  });

  it('a missing file is a path error and a bad algorithm is refused', async () => {
    const missing = await shell.run('Get-FileHash c:\\h\\nothing.txt');
    assert.match(missing.err, /Cannot find path 'C:\\h\\nothing\.txt' because it does not exist\./);
    const bad = await shell.run('Get-FileHash c:\\h\\a.txt -Algorithm SHA3');
    assert.match(bad.err, /Cannot validate argument on parameter 'Algorithm'/);
  });
});
