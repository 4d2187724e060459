// Argument mode: barewords, parameters, command names, `--`, and every command of the walkthrough.
// PowerShell cases matched: about_Parsing (`Write-Output 2+2`, `(2+2)`, `$a/H`); Parser.Tests.ps1
// "pipe objects into a script and use arguments" (`4 -5 6 -blah -- foo -bar`), "Test that & can be used as a
// parameter as long as it is quoted", "Unicode escape sequence ... in an argument"; Parsing.Tests.ps1
// "commands parsing" (`gcm -a:`, `gcm ,`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CommandAst } from '../../grammar/ast.ts';
import { errors, firstStatement, show } from './ast-text.ts';

function command(text: string): CommandAst {
  const statement = firstStatement(text);
  assert.equal(statement.kind, 'Pipeline');
  const element = statement.elements[0];
  assert.equal(element.kind, 'Command');
  return element;
}

test('every command of the walkthrough parses to the expected command', () => {
  const cases: [string, string][] = [
    [
      'New-ExchangeCertificate -GenerateRequest -FriendlyName "Internet certificate" -Path c:\\certificates\\request.p7c -SubjectName "DC=com,DC=Contoso,CN=mail1.contoso.com"  -DomainName mail.contoso.com',
      '(cmd "New-ExchangeCertificate" -GenerateRequest -FriendlyName d"Internet certificate" -Path "c:\\\\certificates\\\\request.p7c" -SubjectName d"DC=com,DC=Contoso,CN=mail1.contoso.com" -DomainName "mail.contoso.com")',
    ],
    [
      'Import-ExchangeCertificate -Path c:\\certificates\\import.pfx | Enable-ExchangeCertificate -Services SMTP',
      '(cmd "Import-ExchangeCertificate" -Path "c:\\\\certificates\\\\import.pfx") | (cmd "Enable-ExchangeCertificate" -Services "SMTP")',
    ],
    ['Import-ExchangeCertificate -Path c:\\certificates\\import.pfx', '(cmd "Import-ExchangeCertificate" -Path "c:\\\\certificates\\\\import.pfx")'],
    ['Get-ExchangeCertificate |FL', '(cmd "Get-ExchangeCertificate") | (cmd "FL")'],
    [
      'Enable-ExchangeCertificate -Thumbprint AB493A0C9A6C0327162FE04EF74609CB8FB7FE24 -Services SMTP',
      '(cmd "Enable-ExchangeCertificate" -Thumbprint "AB493A0C9A6C0327162FE04EF74609CB8FB7FE24" -Services "SMTP")',
    ],
    ['Set-TransportConfig -TLSSendDomainSecureList woodgrovebank.com', '(cmd "Set-TransportConfig" -TLSSendDomainSecureList "woodgrovebank.com")'],
    ['Set-SendConnector Internet -DomainSecureEnabled:$True', '(cmd "Set-SendConnector" "Internet" -DomainSecureEnabled:$True)'],
    ['Set-TransportConfig -TLSReceiveDomainSecureList woodgrovebank.com', '(cmd "Set-TransportConfig" -TLSReceiveDomainSecureList "woodgrovebank.com")'],
    [
      'Set-ReceiveConnector Inet -DomainSecureEnabled:$True -AuthMechanism TLS',
      '(cmd "Set-ReceiveConnector" "Inet" -DomainSecureEnabled:$True -AuthMechanism "TLS")',
    ],
    ['Set-ReceiveConnector Inet -ProtocolLoggingLevel Verbose', '(cmd "Set-ReceiveConnector" "Inet" -ProtocolLoggingLevel "Verbose")'],
    ['Set-SendConnector Internet -ProtocolLoggingLevel Verbose', '(cmd "Set-SendConnector" "Internet" -ProtocolLoggingLevel "Verbose")'],
  ];
  for (const [text, expected] of cases) assert.equal(show(text), expected, text);
});

test('a parameter with a colon carries its argument', () => {
  const cmd = command('Set-SendConnector Internet -DomainSecureEnabled:$True');
  const parameter = cmd.elements[1];
  assert.equal(parameter.kind, 'CommandParameter');
  assert.equal(parameter.name, 'DomainSecureEnabled');
  assert.equal(parameter.usedColon, true);
  assert.equal(parameter.argument?.kind, 'Variable');
  assert.deepEqual([parameter.span.start, parameter.span.end], [27, 53]);
  assert.equal(show('Get-X -P: value'), '(cmd "Get-X" -P:"value")');
  assert.equal(show('Get-X -P:-x'), '(cmd "Get-X" -P:"-x")');
  assert.equal(show('Get-X -Flag:$false -Other'), '(cmd "Get-X" -Flag:$false -Other)');
});

test('barewords: paths, hosts, lists, numbers and expandable words', () => {
  assert.equal(show('Write-Output c:\\certificates\\request.p7c'), '(cmd "Write-Output" "c:\\\\certificates\\\\request.p7c")');
  assert.equal(show('Write-Output mail.contoso.com foo.txt'), '(cmd "Write-Output" "mail.contoso.com" "foo.txt")');
  assert.equal(show('Set-X -Protocols POP,IMAP'), '(cmd "Set-X" -Protocols (arr "POP" "IMAP"))');
  assert.equal(show('Set-X a, b,\n c'), '(cmd "Set-X" (arr "a" "b" "c"))');
  assert.equal(show('Write-Output 2GB -5 0x1F 1.5 007'), '(cmd "Write-Output" 2147483648:long -5:int 31:int 1.5:double 7:int)');
  assert.equal(show('Write-Output a-b \\\\server\\share\\x *.log https://x/y'),
    '(cmd "Write-Output" "a-b" "\\\\\\\\server\\\\share\\\\x" "*.log" "https://x/y")');
  assert.equal(show('Write-Output $a/H'), '(cmd "Write-Output" xbare<$a,"/H">)');
  assert.equal(show('Write-Output a$(1)b'), '(cmd "Write-Output" xbare<"a",$(1:int),"b">)');
  assert.equal(show('Write-Output a"b c"d \'x\'y'), '(cmd "Write-Output" "ab cd" s"x" "y")');
  assert.equal(show('Write-Output user@contoso.com 7z.exe'), '(cmd "Write-Output" "user@contoso.com" "7z.exe")');
  assert.equal(show('Write-Output [int] 1..10'), '(cmd "Write-Output" "[int]" "1..10")');
});

test('argument mode keeps 2+2 as text; parentheses switch to expression mode', () => {
  assert.equal(show('Write-Output 2+2'), '(cmd "Write-Output" "2+2")');
  assert.equal(show('Write-Output (2+2)'), '(cmd "Write-Output" (paren (+ 2:int 2:int)))');
  assert.equal(show('Write-Output $a + 1'), '(cmd "Write-Output" $a "+" 1:int)');
  assert.equal(show('Write-Output $(Get-Date) @(1,2) @{a=1} {x}'),
    '(cmd "Write-Output" $((cmd "Get-Date")) @((arr 1:int 2:int)) @{"a"=1:int} {(cmd "x")})');
});

test('a word starting with a number is a number only when nothing is glued to it', () => {
  const cmd = command('Write-Output 2GB 1tb');
  assert.deepEqual(cmd.elements.map((e) => (e.kind === 'Constant' ? [e.value, e.type, e.text] : e.kind)), [
    [2147483648, 'long', '2GB'], [1099511627776, 'long', '1tb'],
  ]);
  assert.equal(show('Write-Output 2+2 1.2.3.4 5abc'), '(cmd "Write-Output" "2+2" "1.2.3.4" "5abc")');
});

test('variables in argument mode: member and index access, but `$a. b` is two arguments', () => {
  assert.equal(show('Write-Output $a.Name $a[0] $a.M(1) $env:HOME'), '(cmd "Write-Output" (. $a "Name") (idx $a 0:int) (call $a "M" 1:int) $env:HOME)');
  assert.equal(show('Write-Output $a. b'), '(cmd "Write-Output" $a "." "b")');
  assert.equal(show('Get-X @params -Y 1'), '(cmd "Get-X" @params -Y 1:int)');
});

test('`--` ends the parameters: later dash words and `--` are plain text', () => {
  assert.equal(show('script 4 -5 6 -blah -- foo -bar --'), '(cmd "script" 4:int -5:int 6:int -blah -- "foo" "-bar" "--")');
  const cmd = command('x -- -y');
  assert.equal(cmd.elements[0].kind, 'CommandParameter');
  assert.equal(cmd.elements[0].kind === 'CommandParameter' && cmd.elements[0].name, '-');
});

test('command names: barewords, aliases, paths, and expressions after & and .', () => {
  assert.equal(show('ls; %; ?'), '(cmd "ls"); (cmd "%"); (cmd "?")');
  assert.equal(show('.\\script.ps1 a'), '(cmd ".\\\\script.ps1" "a")');
  assert.equal(show('c:\\x\\y.ps1'), '(cmd "c:\\\\x\\\\y.ps1")');
  assert.equal(show('& $sb 1'), '(cmd:call $sb 1:int)');
  assert.equal(show("& 'c:\\a b\\x.ps1' -Name x"), '(cmd:call s"c:\\\\a b\\\\x.ps1" -Name "x")');
  assert.equal(show('. .\\lib.ps1'), '(cmd:dot ".\\\\lib.ps1")');
  assert.equal(show('& { $args } 1'), '(cmd:call {$args} 1:int)');
  assert.equal(show('. $profile'), '(cmd:dot $profile)');
});

test('a keyword used as an argument or glued to more text is a bareword', () => {
  assert.equal(show('Write-Output if else foreach'), '(cmd "Write-Output" "if" "else" "foreach")');
  assert.equal(show('foreach-object { $_ }'), '(cmd "foreach-object" {$_})');
  assert.equal(show('Get-X | foreach { $_ }'), '(cmd "Get-X") | (cmd "foreach" {$_})');
});

test('backtick escapes inside barewords', () => {
  assert.equal(show('Write-Output `u{a9}` Acme` Inc `$x `&Get'), '(cmd "Write-Output" "© Acme Inc" "$x" "&Get")');
  assert.equal(show('Write-Output a`nb'), '(cmd "Write-Output" "a\\nb")');
});

test('a quote glued to a parameter name makes the whole token an argument', () => {
  assert.equal(show('Import-X -FileName" \\\\FileServer01\\Data\\x.pfx"'), '(cmd "Import-X" "-FileName \\\\\\\\FileServer01\\\\Data\\\\x.pfx")');
});

test('redirections', () => {
  assert.equal(show('Get-X > out.txt'), '(cmd "Get-X" output> "out.txt")');
  assert.equal(show('Get-X >> out.txt 2> err.txt 3>> w.txt'), '(cmd "Get-X" output>> "out.txt" error> "err.txt" warning>> "w.txt")');
  assert.deepEqual(errors('Get-X 2> a 2>> b'), ['StreamAlreadyRedirected@11']);
  assert.equal(show('Get-X 2>&1 3>&1'), '(cmd "Get-X" error>&output warning>&output)');
  assert.equal(show('Get-X *> $null'), '(cmd "Get-X" all> $null)');
  assert.equal(show('Get-X > $null'), '(cmd "Get-X" output> $null)');
  assert.equal(show('$x > file'), '$x output> "file"');
});

test('argument errors: -P: without argument, a stray comma, a trailing comma', () => {
  assert.deepEqual(errors('gcm -a:'), ['ParameterRequiresArgument@7']);
  assert.deepEqual(errors('gcm ,'), ['MissingArgument@4']);
  assert.deepEqual(errors('gcm -a: 1,'), ['MissingExpression@10+incomplete']);
  assert.deepEqual(errors('Get-X >'), ['MissingFileSpecification@7']);
  assert.deepEqual(errors('Get-X 2>&2'), ['RedirectionNotSupported@6']);
  assert.deepEqual(errors('& '), ['MissingExpression@0']);
});
