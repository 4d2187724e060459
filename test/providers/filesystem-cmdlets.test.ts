// The file-system cmdlets over PowerShell drives: locations, Get-ChildItem, content (bytes included),
// items, paths and PSDrives, with PowerShell's error texts. Cases follow PowerShell's Get-ChildItem,
// Get-Content, Set-Content, New-Item, Remove-Item, Split-Path, Join-Path, Test-Path and New-PSDrive tests.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PSObject } from '../../src/runtime/values.ts';
import { withShell } from '../cmdlets/core/helpers.ts';

describe('locations', () => {
  it('starts at the process directory and maps C: under the state root', async () => {
    await withShell(async (sh) => {
      assert.equal((await sh.run('(Get-Location).Path')).out, `${process.cwd()}\n`);
      const native = path.join(sh.stateRoot, 'drives', 'C');
      assert.equal((await sh.run('Convert-Path C:\\')).out, `${native}\n`);
      assert.ok(existsSync(native));
    });
  });

  it('Set-Location, cd .., pwd, and $PWD', async () => {
    await withShell(async (sh) => {
      await sh.run('New-Item -ItemType Directory C:\\certificates\\edge | Out-Null');
      const r = await sh.run('Set-Location c:\\CERTIFICATES\\edge; (pwd).Path; cd ..; "$PWD"; sl \\; (Get-Location).Path');
      assert.equal(r.err, '');
      assert.equal(r.out, 'C:\\certificates\\edge\nC:\\certificates\nC:\\\n');
    });
  });

  it('shows Get-Location as the Path table', async () => {
    await withShell(async (sh) => {
      assert.equal((await sh.run('cd C:\\; Get-Location')).out, '\nPath\n----\nC:\\\n\n');
    });
  });

  it('reports missing folders and drives with PowerShell’s errors', async () => {
    await withShell(async (sh) => {
      const r1 = await sh.run('Set-Location C:\\nope');
      assert.match(r1.err, /^Set-Location : Cannot find path 'C:\\nope' because it does not exist\./);
      assert.match(r1.err, /ObjectNotFound: \(C:\\nope:String\) \[Set-Location\], ItemNotFoundException/);
      assert.match(r1.err, /FullyQualifiedErrorId : PathNotFound,Microsoft\.PowerShell\.Commands\.SetLocationCommand/);
      const r2 = await sh.run('Set-Location Q:\\x');
      assert.match(r2.err, /Cannot find drive\. A drive with the name 'Q' does not exist\./);
      assert.match(r2.err, /DriveNotFound,Microsoft\.PowerShell\.Commands\.SetLocationCommand/);
    });
  });

  it('Push-Location and Pop-Location keep a stack', async () => {
    await withShell(async (sh) => {
      const r = await sh.run('cd C:\\; New-Item -ItemType Directory C:\\a | Out-Null; pushd C:\\a; (pwd).Path; popd; (pwd).Path');
      assert.equal(r.out, 'C:\\a\nC:\\\n');
    });
  });
});

describe('Get-ChildItem and Get-Item', () => {
  const setup = "New-Item -ItemType Directory C:\\logs\\old -Force | Out-Null; Set-Content C:\\logs\\b.log 'bb'; Set-Content C:\\logs\\a.txt 'a'; Set-Content C:\\logs\\.hidden 'h'; Set-Content C:\\logs\\old\\c.log 'ccc'\n";

  it('lists folders first, then files, by name; hides dot files unless -Force', async () => {
    await withShell(async (sh) => {
      await sh.run(setup);
      assert.equal((await sh.run('Get-ChildItem C:\\logs -Name')).out, 'old\na.txt\nb.log\n');
      assert.equal((await sh.run('Get-ChildItem C:\\logs -Name -Force')).out, 'old\n.hidden\na.txt\nb.log\n');
    });
  });

  it('filters, recurses, and keeps files or folders only', async () => {
    await withShell(async (sh) => {
      await sh.run(setup);
      assert.equal((await sh.run('Get-ChildItem C:\\logs -Filter *.log -Recurse -Name')).out, 'b.log\nold\\c.log\n');
      assert.equal((await sh.run('(Get-ChildItem C:\\logs -Directory).Name')).out, 'old\n');
      assert.equal((await sh.run('(Get-ChildItem C:\\logs\\*.log).Name')).out, 'b.log\n');
      assert.equal((await sh.run('Get-ChildItem C:\\logs -Recurse -Depth 0 -Name')).out, 'old\na.txt\nb.log\n');
      assert.equal((await sh.run('Get-ChildItem C:\\logs -Exclude *.txt -Name')).out, 'old\nb.log\n');
    });
  });

  it('writes FileInfo and DirectoryInfo objects with provider properties', async () => {
    await withShell(async (sh) => {
      await sh.run(setup);
      const [file] = (await sh.values('Get-Item C:\\logs\\b.log')) as PSObject[];
      assert.equal(file.typeName, 'System.IO.FileInfo');
      assert.equal(file.getProperty('Name'), 'b.log');
      assert.equal(file.getProperty('Length'), 3);
      assert.equal(file.getProperty('FullName'), 'C:\\logs\\b.log');
      assert.equal(file.getProperty('PSParentPath'), 'Microsoft.PowerShell.Core\\FileSystem::C:\\logs');
      assert.equal(file.getProperty('Mode'), '-a----');
      assert.equal(file.getProperty('BaseName'), 'b');
      assert.equal(file.getProperty('Extension'), '.log');
      const [dir] = (await sh.values('Get-Item C:\\logs\\old')) as PSObject[];
      assert.equal(dir.typeName, 'System.IO.DirectoryInfo');
      assert.equal(dir.getProperty('Mode'), 'd-----');
      assert.equal(dir.getProperty('PSIsContainer'), true);
    });
  });

  it('shows the 5.1 Directory: table', async () => {
    await withShell(async (sh) => {
      await sh.run(setup);
      const { out } = await sh.run('Get-ChildItem C:\\logs');
      const lines = out.split('\n');
      assert.deepEqual(lines.slice(0, 6), ['', '    Directory: C:\\logs', '', '', 'Mode                LastWriteTime         Length Name', '----                -------------         ------ ----']);
      assert.match(lines[6], /^d----- +\d{1,2}\/\d{1,2}\/\d{4} +\d{1,2}:\d\d [AP]M {16}old$/);
      assert.match(lines[7], /^-a---- +\d{1,2}\/\d{1,2}\/\d{4} +\d{1,2}:\d\d [AP]M +2 a\.txt$/);
      // Mode is 7 wide, LastWriteTime 25 (right-aligned, `{0,10}  {1,8}`), Length 14 (right-aligned), then Name.
      assert.equal(lines[6].indexOf('old'), 49);
      assert.equal(lines[7].indexOf('a.txt'), 49);
      assert.equal(lines[7].indexOf(' 2 a.txt'), 46);
      assert.match(lines[7].slice(8, 33), /^ *\d{1,2}\/\d{1,2}\/\d{4}  [ \d]\d:\d\d [AP]M$/);
    });
  });

  it('pipes items to other cmdlets by PSPath', async () => {
    await withShell(async (sh) => {
      await sh.run(setup);
      assert.equal((await sh.run('Get-ChildItem C:\\logs -File | Get-Content')).out, 'a\nbb\n');
      await sh.run('Get-ChildItem C:\\logs -Filter *.txt | Remove-Item');
      assert.equal((await sh.run('Test-Path C:\\logs\\a.txt')).out, 'False\n');
    });
  });

  it('reports missing paths with PathNotFound, but not wildcards that match nothing', async () => {
    await withShell(async (sh) => {
      assert.equal((await sh.run('Get-ChildItem C:\\nothing*; Remove-Item C:\\nothing*')).err, '');
      assert.match((await sh.run('Resolve-Path C:\\nothing*')).err, /Cannot find path 'C:\\nothing\*' because it does not exist\./);
      const r = await sh.run('Get-ChildItem C:\\nope');
      assert.match(r.err, /^Get-ChildItem : Cannot find path 'C:\\nope' because it does not exist\./);
      assert.match(r.err, /PathNotFound,Microsoft\.PowerShell\.Commands\.GetChildItemCommand/);
    });
  });
});

describe('content', () => {
  it('Set-Content, Add-Content and Get-Content with -Raw, -TotalCount, -Tail, -ReadCount', async () => {
    await withShell(async (sh) => {
      await sh.run("Set-Content C:\\f.txt 'one','two'; Add-Content C:\\f.txt 'three'");
      assert.equal(readFileSync(path.join(sh.stateRoot, 'drives', 'C', 'f.txt'), 'utf8'), 'one\ntwo\nthree\n');
      assert.deepEqual(await sh.values('Get-Content C:\\f.txt'), ['one', 'two', 'three']);
      assert.deepEqual(await sh.values('Get-Content C:\\f.txt -Raw'), ['one\ntwo\nthree\n']);
      assert.deepEqual(await sh.values('Get-Content C:\\f.txt -TotalCount 2'), ['one', 'two']);
      assert.deepEqual(await sh.values('Get-Content C:\\f.txt -Tail 1'), ['three']);
      assert.deepEqual(await sh.values('Get-Content C:\\f.txt -ReadCount 2'), [['one', 'two'], ['three']]);
      assert.deepEqual(await sh.values('Get-Content C:\\f.txt -ReadCount 0'), [['one', 'two', 'three']]);
      assert.deepEqual(await sh.values("'x','y' | Set-Content C:\\g.txt -PassThru"), ['x', 'y']);
    });
  });

  it('reads bytes: -Encoding Byte -ReadCount 0 gives one byte array', async () => {
    await withShell(async (sh) => {
      await sh.run('Set-Content C:\\b.bin -Value 0,1,255 -Encoding Byte');
      const [bytes] = await sh.values('$b = [Byte[]](Get-Content -Path C:\\b.bin -Encoding byte -ReadCount 0); ,$b');
      assert.ok(bytes instanceof Uint8Array);
      assert.deepEqual([...(bytes as Uint8Array)], [0, 1, 255]);
      assert.deepEqual(await sh.values('Get-Content C:\\b.bin -Encoding Byte'), [0, 1, 255]);
      const [raw] = await sh.values('Get-Content C:\\b.bin -Encoding Byte -Raw');
      assert.ok(raw instanceof Uint8Array);
    });
  });

  it('writes -NoNewline and honours byte order marks when reading', async () => {
    await withShell(async (sh) => {
      await sh.run("Set-Content C:\\n.txt 'a','b' -NoNewline; Set-Content C:\\u.txt 'é' -Encoding UTF8");
      assert.equal(readFileSync(path.join(sh.stateRoot, 'drives', 'C', 'n.txt'), 'utf8'), 'ab');
      assert.deepEqual([...readFileSync(path.join(sh.stateRoot, 'drives', 'C', 'u.txt'))].slice(0, 3), [0xef, 0xbb, 0xbf]);
      assert.deepEqual(await sh.values('Get-Content C:\\u.txt'), ['é']);
    });
  });

  it('reports missing files and folders as PowerShell does', async () => {
    await withShell(async (sh) => {
      const r = await sh.run('Get-Content C:\\missing.txt');
      assert.match(r.err, /Cannot find path 'C:\\missing\.txt' because it does not exist\./);
      assert.match(r.err, /PathNotFound,Microsoft\.PowerShell\.Commands\.GetContentCommand/);
      const w = await sh.run("Set-Content C:\\no\\such\\f.txt 'x'");
      assert.match(w.err, /Could not find a part of the path 'C:\\no\\such\\f\.txt'\./);
    });
  });
});

describe('items', () => {
  it('New-Item makes files and folders, and refuses existing ones without -Force', async () => {
    await withShell(async (sh) => {
      const made = await sh.run("New-Item C:\\certs\\req.txt -ItemType File -Force -Value 'v' | ForEach-Object FullName; Get-Content C:\\certs\\req.txt");
      assert.equal(made.out, 'C:\\certs\\req.txt\nv\n');
      const again = await sh.run('New-Item C:\\certs\\req.txt');
      assert.match(again.err, /^New-Item : The file 'C:\\certs\\req\.txt' already exists\./);
      assert.match(again.err, /NewItemIOError,Microsoft\.PowerShell\.Commands\.NewItemCommand/);
      const dir = await sh.run('New-Item -ItemType Directory C:\\certs');
      assert.match(dir.err, /An item with the specified name C:\\certs already exists\./);
      assert.match(dir.err, /DirectoryExist,Microsoft\.PowerShell\.Commands\.NewItemCommand/);
      assert.equal((await sh.run('(New-Item -ItemType Directory C:\\certs -Force).Name')).out, 'certs\n');
      assert.equal((await sh.run('(New-Item -Path C:\\certs -Name x.txt).Name')).out, 'x.txt\n');
      assert.match((await sh.run('New-Item C:\\missing\\y.txt')).err, /Could not find a part of the path/);
    });
  });

  it('Remove-Item deletes, -WhatIf only reports, folders with children need -Recurse', async () => {
    await withShell(async (sh) => {
      await sh.run("New-Item C:\\d\\f.txt -Force | Out-Null");
      assert.equal((await sh.run('Remove-Item C:\\d\\f.txt -WhatIf')).out, 'What if: Performing the operation "Remove File" on target "C:\\d\\f.txt".\n');
      assert.equal((await sh.run('Test-Path C:\\d\\f.txt')).out, 'True\n');
      const r = await sh.run('Remove-Item C:\\d');
      assert.match(r.err, /has children and the Recurse parameter was not specified/);
      assert.equal((await sh.run('Remove-Item C:\\d -Recurse; Test-Path C:\\d')).out, 'False\n');
      assert.match((await sh.run('Remove-Item C:\\gone')).err, /PathNotFound,Microsoft\.PowerShell\.Commands\.RemoveItemCommand/);
    });
  });

  it('Copy-Item, Move-Item and Rename-Item', async () => {
    await withShell(async (sh) => {
      await sh.run("Set-Content C:\\a.txt 'a'; New-Item -ItemType Directory C:\\dest | Out-Null");
      await sh.run('Copy-Item C:\\a.txt C:\\dest');
      assert.equal((await sh.run('Get-Content C:\\dest\\a.txt')).out, 'a\n');
      await sh.run('Move-Item C:\\a.txt C:\\b.txt');
      assert.equal((await sh.run('Test-Path C:\\a.txt, C:\\b.txt')).out, 'False\nTrue\n');
      assert.match((await sh.run('Move-Item C:\\b.txt C:\\dest\\a.txt')).err, /Cannot create a file when that file already exists\./);
      await sh.run('Rename-Item C:\\b.txt c.txt');
      assert.equal((await sh.run('Test-Path C:\\c.txt')).out, 'True\n');
      assert.match((await sh.run('Rename-Item C:\\c.txt C:\\x\\d.txt')).err, /Cannot rename the specified target, because it represents a path or device name\./);
      await sh.run("New-Item C:\\tree\\sub\\f.txt -Force | Out-Null; Copy-Item C:\\tree C:\\copy -Recurse");
      assert.equal((await sh.run('Test-Path C:\\copy\\sub\\f.txt')).out, 'True\n');
    });
  });
});

describe('paths', () => {
  it('Test-Path with -PathType, and false for missing drives', async () => {
    await withShell(async (sh) => {
      await sh.run("Set-Content C:\\f.txt 'x'");
      assert.equal((await sh.run('Test-Path C:\\f.txt -PathType Leaf; Test-Path C:\\f.txt -PathType Container; Test-Path Q:\\x; Test-Path C:\\*.txt')).out, 'True\nFalse\nFalse\nTrue\n');
    });
  });

  it('Resolve-Path and Convert-Path', async () => {
    await withShell(async (sh) => {
      await sh.run("Set-Content C:\\a.req 'x'; Set-Content C:\\b.req 'y'; cd C:\\");
      assert.equal((await sh.run('(Resolve-Path C:\\*.req).Path')).out, 'C:\\a.req\nC:\\b.req\n');
      assert.equal((await sh.run('Resolve-Path C:\\a.req -Relative')).out, '.\\a.req\n');
      assert.equal((await sh.run('Convert-Path C:\\a.req')).out, `${path.join(sh.stateRoot, 'drives', 'C', 'a.req')}\n`);
      assert.match((await sh.run('Resolve-Path C:\\none')).err, /PathNotFound,Microsoft\.PowerShell\.Commands\.ResolvePathCommand/);
    });
  });

  it('Split-Path parts', async () => {
    await withShell(async (sh) => {
      const r = await sh.run(
        "Split-Path c:\\certificates\\request.p7c; Split-Path c:\\certificates\\request.p7c -Leaf; Split-Path c:\\certificates\\request.p7c -Qualifier; Split-Path c:\\certificates\\request.p7c -NoQualifier; Split-Path c:\\certificates\\request.p7c -Extension; Split-Path c:\\certificates\\request.p7c -LeafBase; Split-Path C:\\x; Split-Path .\\a -IsAbsolute; Split-Path /tmp/x/y",
      );
      assert.equal(r.out, 'c:\\certificates\nrequest.p7c\nc:\n\\certificates\\request.p7c\n.p7c\nrequest\nC:\\\nFalse\n/tmp/x\n');
      assert.match((await sh.run('Split-Path a\\b -Qualifier')).err, /Cannot parse path because path 'a\\b' does not have a qualifier specified\./);
    });
  });

  it('Join-Path joins with one separator and checks the drive', async () => {
    await withShell(async (sh) => {
      assert.equal((await sh.run("Join-Path C:\\certs\\ \\req.txt; Join-Path /tmp x; Join-Path C:\\ a b c; Join-Path 'C:\\a','C:\\b' x")).out, 'C:\\certs\\req.txt\n/tmp/x\nC:\\a\\b\\c\nC:\\a\\x\nC:\\b\\x\n');
      assert.match((await sh.run('Join-Path Q:\\x y')).err, /Cannot find drive\. A drive with the name 'Q' does not exist\./);
    });
  });
});

describe('PSDrives', () => {
  it('New-PSDrive maps a name to a folder; Remove-PSDrive removes it', async () => {
    await withShell(async (sh) => {
      await sh.run('New-Item -ItemType Directory C:\\certificates | Out-Null');
      const made = await sh.run('New-PSDrive -Name Certs -PSProvider FileSystem -Root C:\\certificates | ForEach-Object Root');
      assert.equal(made.out, 'C:\\certificates\n');
      await sh.run("Set-Content certs:\\x.txt 'via drive'");
      assert.equal((await sh.run('Get-Content C:\\certificates\\x.txt; (Get-Item Certs:\\x.txt).FullName')).out, 'via drive\nC:\\certificates\\x.txt\n');
      assert.match((await sh.run('New-PSDrive Certs FileSystem C:\\')).err, /A drive with the name 'Certs' already exists\./);
      assert.match((await sh.run('New-PSDrive X FileSystem C:\\nope')).err, /The specified drive root "C:\\nope" either does not exist, or it is not a folder\./);
      assert.match((await sh.run('New-PSDrive X Registry C:\\')).err, /Cannot find a provider with the name 'Registry'\./);
      await sh.run('Remove-PSDrive Certs');
      assert.match((await sh.run('Get-PSDrive Certs')).err, /Cannot find drive\. A drive with the name 'Certs' does not exist\./);
    });
  });

  it('Get-PSDrive lists C: with its root under the state root', async () => {
    await withShell(async (sh) => {
      const [c] = (await sh.values('Get-PSDrive C')) as PSObject[];
      assert.equal(c.getProperty('Root'), path.join(sh.stateRoot, 'drives', 'C'));
      assert.match((await sh.run('Get-PSDrive')).out, /^Name +Used \(GB\) +Free \(GB\) Provider +Root +CurrentLocation$/m);
    });
  });
});
