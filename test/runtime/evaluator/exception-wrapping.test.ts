// A .NET exception raised by an expression reaches the script as a RuntimeException around it, as in
// Windows PowerShell: the error view says RuntimeException, `catch` takes either type.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createShell } from '../../helpers/run.ts';

describe('exceptions raised by expressions', () => {
  const shell = createShell();
  after(() => shell.dispose());

  it('a failed cast is a RuntimeException wrapping PSInvalidCastException', async () => {
    const [outer, inner] = await shell.values(
      "try { [int]'x' } catch [System.Management.Automation.RuntimeException] { $_.Exception.GetType().FullName; $_.Exception.InnerException.GetType().FullName }",
    );
    assert.equal(outer, 'System.Management.Automation.RuntimeException');
    assert.equal(inner, 'System.Management.Automation.PSInvalidCastException');
  });

  it('catch and trap of the inner type take it too', async () => {
    assert.deepEqual(await shell.values("try { [int]'x' } catch [System.InvalidCastException] { $_.FullyQualifiedErrorId }"), ['InvalidCastFromStringToInteger']);
    assert.deepEqual(await shell.values('& { trap [System.DivideByZeroException] { "trapped"; continue }; 1/0; "after" }'), ['trapped', 'after']);
  });

  it('the error view names RuntimeException and keeps the inner ErrorId', async () => {
    const { err } = await shell.run("[int]'x'");
    assert.match(err, /CategoryInfo {10}: InvalidArgument: \(:\) \[\], RuntimeException\n/);
    assert.match(err, /FullyQualifiedErrorId : InvalidCastFromStringToInteger\n/);
    const div = await shell.run('1/0');
    assert.match(div.err, /CategoryInfo {10}: NotSpecified: \(:\) \[\], RuntimeException\n/);
  });
});
