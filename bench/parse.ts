// Lexer + parser throughput on a large, realistic generated script (functions, pipelines, strings,
// hashtables, Exchange commands). Run: node --import tsx bench/parse.ts [megabytes]
import { tokenize } from '../grammar/lexer.ts';
import { parseScript } from '../grammar/parse.ts';

const CHUNKS = [
  (i: number) => `
function Get-Report${i} {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline)]
        [ValidateNotNullOrEmpty()]
        [string[]]$Name,
        [ValidateSet('Table', 'List')] [string]$Format = 'Table',
        [int]$Limit = 10
    )
    begin { $count = 0; $seen = @{} }
    process {
        foreach ($item in $Name) {
            if ($seen.ContainsKey($item)) { continue }
            $seen[$item] = $true
            $count++
            "Processing $item ($count of $($Name.Count))" | Write-Verbose
        }
    }
    end {
        $seen.Keys | Sort-Object | Select-Object -First $Limit | ForEach-Object { [pscustomobject]@{ Name = $_; Length = $_.Length } }
    }
}
`,
  (i: number) => `
New-ExchangeCertificate -GenerateRequest -FriendlyName "Internet certificate ${i}" -Path c:\\certificates\\request${i}.p7c -SubjectName "DC=com,DC=Contoso,CN=mail${i}.contoso.com"  -DomainName mail.contoso.com
Import-ExchangeCertificate -Path c:\\certificates\\import${i}.pfx | Enable-ExchangeCertificate -Services SMTP
Get-ExchangeCertificate |FL
Set-TransportConfig -TLSSendDomainSecureList woodgrovebank.com, fabrikam${i}.com
Set-SendConnector Internet -DomainSecureEnabled:$True -ProtocolLoggingLevel Verbose
Set-ReceiveConnector Inet -DomainSecureEnabled:$True -AuthMechanism TLS 2>&1 > $null
`,
  (i: number) => `
$settings${i} = @{
    Server     = 'mail${i}.contoso.com'
    Port       = ${25 + (i % 100)}
    Domains    = @('contoso.com', 'woodgrovebank.com')
    Enabled    = $true
    Retry      = [timespan]::FromMinutes(${i % 60})
}
$total = 0
for ($j = 0; $j -lt $settings${i}.Port; $j++) { $total += $j * 2 - 1 }
switch -Wildcard ($settings${i}.Server) {
    '*.contoso.com' { Write-Output "internal: $($settings${i}.Server)"; break }
    default { Write-Warning ('unknown server {0}' -f $settings${i}.Server) }
}
try {
    $cert = Get-ExchangeCertificate -Thumbprint AB493A0C9A6C0327162FE04EF74609CB8FB7FE24 -ErrorAction Stop
    if ($cert.Services -notcontains 'SMTP' -and $cert.NotAfter -gt (Get-Date)) { Enable-ExchangeCertificate -Thumbprint $cert.Thumbprint -Services SMTP }
} catch [System.Exception] {
    Write-Error -Message "Failed: $_" -Category InvalidOperation
} finally { $null = $total }
# comment line ${i}: the end of a chunk <# not a block #>
`,
];

function generate(megabytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < megabytes * 1024 * 1024; i++) {
    const chunk = CHUNKS[i % CHUNKS.length](i);
    parts.push(chunk);
    size += chunk.length;
  }
  return parts.join('');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const megabytes = Number(process.argv[2] ?? 4);
const script = generate(megabytes);
const size = script.length / (1024 * 1024);

// Warm up, and check that the script parses (the result is not kept: a live 4 MB AST would slow every GC).
const warmDiagnostics = parseScript(script).diagnostics;
if (warmDiagnostics.length > 0) {
  console.error('The benchmark script does not parse:', warmDiagnostics.slice(0, 3));
  process.exit(1);
}

const RUNS = 9;
const lexTimes: number[] = [];
const totalTimes: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const t0 = performance.now();
  tokenize(script);
  lexTimes.push(performance.now() - t0);
}
for (let run = 0; run < RUNS; run++) {
  const t0 = performance.now();
  parseScript(script);
  totalTimes.push(performance.now() - t0);
}
const mbps = (ms: number): string => (size / (ms / 1000)).toFixed(1);
const tokens = tokenize(script).tokens.length;
console.log(`script: ${size.toFixed(2)} MB, ${script.split('\n').length} lines, ${tokens} tokens`);
console.log(`lex only:    median ${median(lexTimes).toFixed(0)} ms (${mbps(median(lexTimes))} MB/s)`);
console.log(
  `lex + parse: median ${median(totalTimes).toFixed(0)} ms (${mbps(median(totalTimes))} MB/s), ` +
    `best ${Math.min(...totalTimes).toFixed(0)} ms (${mbps(Math.min(...totalTimes))} MB/s), ${RUNS} runs`,
);
