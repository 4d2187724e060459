// Add-PSSnapin / Get-PSSnapin / Remove-PSSnapin: the Exchange 2007 snap-in marked added, 5.1's errors for
// unknown and twice-added snap-ins, idempotent use with -ErrorAction SilentlyContinue, wildcards.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withShell } from './helpers.ts';

const EXCHANGE = 'Microsoft.Exchange.Management.PowerShell.Admin';

describe('PSSnapin cmdlets', () => {
  it('a new session has only Microsoft.PowerShell.Core; adding the Exchange snap-in lists it after', () =>
    withShell(async (shell) => {
      assert.deepEqual(await shell.values('(Get-PSSnapin).Name'), ['Microsoft.PowerShell.Core']);
      assert.deepEqual(await shell.values(`Add-PSSnapin ${EXCHANGE}`), []);
      assert.deepEqual(await shell.values('(Get-PSSnapin).Name'), ['Microsoft.PowerShell.Core', EXCHANGE]);
      assert.deepEqual(await shell.values('(Get-PSSnapin -Name *exchange*).PSVersion.ToString()'), ['1.0']);
    }));

  it('adding twice is an error, silenced by -ErrorAction SilentlyContinue', () =>
    withShell(async (shell) => {
      await shell.run(`Add-PSSnapin ${EXCHANGE}`);
      const again = await shell.run(`Add-PSSnapin ${EXCHANGE}`);
      assert.match(again.err, new RegExp(`^Add-PSSnapin : Cannot add Windows PowerShell snap-in ${EXCHANGE} because it is already added\\.`));
      assert.match(again.err, /FullyQualifiedErrorId : AddPSSnapInRead,Microsoft\.PowerShell\.Commands\.AddPSSnapinCommand/);
      const quiet = await shell.run(`Add-PSSnapin ${EXCHANGE} -ErrorAction SilentlyContinue; 'next'`);
      assert.equal(quiet.err, '');
      assert.equal(quiet.out, 'next\n');
      const core = await shell.run('Add-PSSnapin Microsoft.PowerShell.Core');
      assert.match(core.err, /Cannot add Windows PowerShell snap-in Microsoft\.PowerShell\.Core because it is already added\./);
    }));

  it('an unknown snap-in is not installed; Get-PSSnapin of an unknown name finds none; wildcards are quiet', () =>
    withShell(async (shell) => {
      const add = await shell.run('Add-PSSnapin VMware.VimAutomation.Core');
      assert.match(add.err, /The Windows PowerShell snap-in 'VMware\.VimAutomation\.Core' is not installed on this computer\./);
      assert.match(add.err, /InvalidArgument: \(VMware\.VimAutomation\.Core:String\) \[Add-PSSnapin\], PSArgumentException/);
      const get = await shell.run('Get-PSSnapin Citrix.Snapin');
      assert.match(get.err, /No Windows PowerShell snap-ins matching the pattern 'Citrix\.Snapin' were found\./);
      const wild = await shell.run('Add-PSSnapin VMware*; Get-PSSnapin VMware*');
      assert.equal(wild.err + wild.out, '');
    }));

  it('-PassThru writes PSSnapInInfo; Remove-PSSnapin removes it but never the core snap-in', () =>
    withShell(async (shell) => {
      assert.deepEqual(await shell.values(`(Add-PSSnapin ${EXCHANGE} -PassThru).PSTypeNames[0]`), ['System.Management.Automation.PSSnapInInfo']);
      assert.deepEqual(await shell.values(`(Remove-PSSnapin ${EXCHANGE} -PassThru).Name`), [EXCHANGE]);
      assert.deepEqual(await shell.values('(Get-PSSnapin).Name'), ['Microsoft.PowerShell.Core']);
      const core = await shell.run('Remove-PSSnapin Microsoft.PowerShell.Core');
      assert.match(core.err, /Cannot remove the Windows PowerShell snap-in Microsoft\.PowerShell\.Core/);
      assert.deepEqual(await shell.values('(Get-PSSnapin -Registered).Name'), [EXCHANGE]);
    }));

  it('the Exchange cmdlets work whether or not the snap-in was added', () =>
    withShell(async (shell) => {
      assert.deepEqual(await shell.values("(Get-Command Get-AcceptedDomain).Source"), [EXCHANGE]);
    }));
});
