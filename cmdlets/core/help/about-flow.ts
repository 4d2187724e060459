// about_ topics on flow control and functions (written for emsh).
import type { AboutTopic } from './about-topic.ts';

export const flowTopics: AboutTopic[] = [
  {
    name: 'about_If',
    synopsis: 'Runs statements when a condition is true.',
    body: `
    if (<condition>) { <statements> }
    elseif (<condition>) { <statements> }
    else { <statements> }

The first block whose condition is true runs; else runs when none is.

Conditions are true unless they are $false, $null, 0, an empty string or
an empty collection. A command in the condition is true when it writes
something:
    if (Get-ChildItem C:\\certificates\\*.pfx) { 'There are PFX files' }

Examples
    if ($cert.NotAfter -lt (Get-Date).AddDays(30)) {
        Write-Warning "The certificate expires soon."
    }
    elseif (-not $cert.HasPrivateKey) {
        'No private key'
    }
    else {
        'The certificate is fine'
    }

Put $null on the left of a comparison with a collection: $null -eq $x.

SEE ALSO
    about_Comparison_Operators
    about_Switch
`,
  },
  {
    name: 'about_Foreach',
    synopsis: 'Runs statements for each item of a collection.',
    body: `
The foreach statement
    foreach ($domain in $domains) {
        "Checking $domain"
    }
    The collection is evaluated first, then the block runs once per item
    with the loop variable set to it.

ForEach-Object in a pipeline
    $domains | ForEach-Object { "Checking $_" }
    The pipeline version streams: it starts before the collection is
    complete. Its aliases are % and foreach. ForEach-Object Name reads a
    property of each object.

Other loops
    for ($i = 0; $i -lt 3; $i++) { $i }
    while ($queue.Count -gt 0) { ... }
    do { ... } while (<condition>)   and   do { ... } until (<condition>)

Leaving a loop
    break leaves the loop; continue goes on with the next item. A label
    (:outer foreach (...)) lets break outer leave an outer loop.

The .ForEach() method
    $domains.ForEach({ $_.ToUpper() })

SEE ALSO
    about_Pipelines
    about_Arrays
`,
  },
  {
    name: 'about_Switch',
    synopsis: 'Chooses statements by comparing a value with several conditions.',
    body: `
    switch (<value>) {
        <condition> { <statements> }
        ...
        default { <statements> }
    }

Every condition that matches runs its block (use break to stop after
the first). Text compares without regard to case. A condition can be a
value, or a script block that uses $_:

    switch ($role) {
        'Edge'  { 'Edge Transport' }
        'Hub'   { 'Hub Transport' }
        { $_ -like 'Mail*' } { 'Mailbox' }
        default { 'Unknown role' }
    }

Options
    -Wildcard       conditions are wildcard patterns
    -Regex          conditions are regular expressions ($Matches is set)
    -CaseSensitive  respect case
    -Exact          plain comparison (the default)
    -File <path>    go through the lines of a file

With an array as the value, the switch runs once per item:
    switch (1, 5, 10) { { $_ -gt 4 } { "$_ is big" } }

SEE ALSO
    about_If
`,
  },
  {
    name: 'about_Try_Catch_Finally',
    synopsis: 'Handles terminating errors.',
    body: `
    try {
        <statements>
    }
    catch [<exception type>] {
        <statements>
    }
    catch {
        <statements>
    }
    finally {
        <statements>
    }

A terminating error in the try block stops it and runs the first catch
block whose type matches the error's exception (or a catch without a
type). Inside catch, $_ is the error record: $_.Exception.Message,
$_.FullyQualifiedErrorId, $_.CategoryInfo. finally always runs.

Non-terminating errors (most cmdlet errors, such as a missing file) do
not reach catch unless they are made terminating:
    try {
        Get-Item C:\\certificates\\missing.pfx -ErrorAction Stop
    }
    catch [System.Management.Automation.ItemNotFoundException] {
        'The file is not there.'
    }

Setting $ErrorActionPreference = 'Stop' does the same for every command.

throw raises a terminating error: throw 'The connector is missing.'
In a catch block, throw alone raises the error again.

trap { ... } handles the errors of the scope it is in.

SEE ALSO
    about_CommonParameters
`,
  },
  {
    name: 'about_Functions',
    synopsis: 'Describes how to write and use functions.',
    body: `
A function is a named block of statements:

    function Get-Expiring {
        param(
            [Parameter(Mandatory)]
            [int]$Days,
            [string]$Server = 'EDGE01'
        )
        "Certificates on $Server expiring within $Days days"
    }

    Get-Expiring -Days 30
    Get-Expiring 30 -Server HUB01

Parameters
    param( ) declares parameters; give them types, default values and
    attributes. Without param( ), the arguments are in $args. The binder
    treats function parameters as it treats cmdlet parameters: names may
    be shortened, positions are in declaration order, and mandatory
    parameters are asked for.

Advanced functions
    [CmdletBinding()] before param( ) adds the common parameters
    (-Verbose, -ErrorAction...); [Parameter(ValueFromPipeline)] accepts
    pipeline input, processed in a process { } block:

    function Show-Name {
        [CmdletBinding()]
        param([Parameter(ValueFromPipeline)]$InputObject)
        process { $InputObject.Name }
    }

Output
    Everything a function writes and does not capture is its output;
    return <value> writes the value and leaves the function.

Scope
    Variables set in a function stay in it. Dot-source a script
    (. .\\helpers.ps1) to define its functions in the current scope.

Filters
    filter Get-Upper { $_.ToUpper() } runs once per pipeline object.

SEE ALSO
    about_CommonParameters
    about_Splatting
`,
  },
];
