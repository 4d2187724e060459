// about_ topics on the syntax of the language: parsing, quoting, variables, arrays, hash tables,
// splatting (written for emsh).
import type { AboutTopic } from './about-topic.ts';

export const languageTopics: AboutTopic[] = [
  {
    name: 'about_Parsing',
    synopsis: 'Describes how the shell reads commands.',
    body: `
Each statement is read in one of two modes.

Expression mode
    A statement that starts with a value - a number, a quoted string, a
    variable, ( or @( - is an expression:
        2 + 2                  gives 4
        'contoso' + '.com'     gives contoso.com
        $servers.Count

Argument mode
    A statement that starts with a name is a command, and the words after
    it are its arguments. Unquoted words are strings:
        Write-Output 2+2                  writes the text 2+2
        Get-Content c:\\certificates\\request.p7c
        Set-SendConnector Internet -AddressSpaces contoso.com,fabrikam.com
    A word that starts with $ is a variable, and ( ) or $( ) starts an
    expression again:
        Write-Output (2+2)                writes 4
    Numbers stay numbers (10, 2GB), a comma makes an array, and -Name
    is a parameter name. --% is not supported.

Parameters
    -Name value or -Name:value gives a parameter its value. Switches need
    no value (-Force) but accept one with a colon (-Force:$false).
    Parameter names may be shortened while they stay unique: -Rec for
    -Recurse.

Line continuation
    A backtick (\`) at the end of a line continues the statement on the
    next line; so does a line that ends with |, a comma, an operator or an
    open bracket.

Command lookup
    A name is looked for as an alias, then a function, then a cmdlet, then
    a script or program. If nothing matches, Get- is put in front of it:
    Date runs Get-Date.

SEE ALSO
    about_Quoting_Rules
    about_Pipelines
    about_Splatting
`,
  },
  {
    name: 'about_Quoting_Rules',
    synopsis: 'Describes single and double quotation marks.',
    body: `
Single quotation marks
    Text in single quotation marks is taken as it is:
        'Total: $count'        stays Total: $count
    Write '' for one single quotation mark inside: 'It''s done'.

Double quotation marks
    Variables and subexpressions inside double quotation marks are
    replaced by their values:
        "Server: $server"              Server: EDGE01
        "Count: $($list.Count)"        only $list is replaced without $( )
    Write "" or \` (backtick) before " for a quotation mark inside.

Escape sequences (double quotation marks only)
    \`n new line   \`t tab   \`r carriage return   \`0 null   \`a alert
    \`e escape     \`$ a dollar sign   \`\` a backtick   \`u{2713} a Unicode character

Here-strings
    Text between @" on a line of its own and "@ at the start of a line
    keeps its line breaks; @' ... '@ does the same without replacing
    variables:
        $body = @"
        Hello $name,
        the certificate expires on $date.
        "@

SEE ALSO
    about_Parsing
    about_Variables
`,
  },
  {
    name: 'about_Variables',
    synopsis: 'Describes how variables store values.',
    body: `
A variable holds a value. Its name starts with $ and is not case
sensitive:
    $server = 'EDGE01'
    $count = (Get-ChildItem C:\\certificates).Count

Types
    A variable holds any object. A type in brackets fixes its type, and
    later values are converted: [int]$port = '25'.

Scopes
    Variables set at the prompt or in a script's top level live in that
    scope; a function gets its own scope and sees its callers' variables.
    Prefix a name to choose the scope: $global:x, $script:x, $local:x.

Automatic variables
    $_ / $PSItem   the current pipeline object
    $?             whether the last command succeeded
    $Error         the errors of the session, newest first
    $args          arguments of a function without parameters
    $true $false $null
    $HOME $PWD $PID $PSVersionTable $LASTEXITCODE $Matches

Environment variables
    $env:PATH reads an environment variable; assigning to it changes it
    for this session.

Cmdlets
    Get-Variable, Set-Variable, New-Variable, Remove-Variable and
    Clear-Variable work with variables by name.

SEE ALSO
    about_Arrays
    about_Hash_Tables
`,
  },
  {
    name: 'about_Arrays',
    synopsis: 'Describes arrays, lists of values.',
    body: `
An array is an ordered list of values.

Creating arrays
    $domains = 'contoso.com', 'fabrikam.com'     a comma makes an array
    $numbers = 1..10                             a range
    $empty = @()                                 an empty array
    $one = @('only')                             @( ) always makes an array
    $results = @(Get-ChildItem C:\\logs)          even for one or no result

Reading
    $domains[0]     the first item       $domains[-1]    the last
    $domains[0,1]   several items        $domains[1..3]  a range of items
    $domains.Count  the number of items

Changing
    $domains += 'woodgrove.com'     makes a new, longer array.
    Arrays have a fixed size; for a list that grows, use
    [System.Collections.ArrayList] or New-Object System.Collections.Generic.List[string].

Member access on arrays
    $servers.Name gives the Name of every item.

In pipelines
    An array is written to the pipeline item by item:
        $domains | ForEach-Object { $_.ToUpper() }
    Write-Output -NoEnumerate and the unary comma (,$array) pass it whole.

Comparison operators filter arrays: $domains -like '*.com'.

SEE ALSO
    about_Hash_Tables
    about_Foreach
`,
  },
  {
    name: 'about_Hash_Tables',
    synopsis: 'Describes hash tables, collections of keys and values.',
    body: `
A hash table stores values under keys:

    $ports = @{ SMTP = 25; Submission = 587 }
    $ports['SMTP']          25
    $ports.Submission       587
    $ports.Count            2

Keys are not case sensitive when they are strings. Separate entries
with ; or new lines. [ordered]@{ ... } keeps the keys in the order
written; a plain @{ } does too in emsh.

Changing entries
    $ports['POP3'] = 110        adds or replaces
    $ports.Remove('POP3')
    $ports.ContainsKey('SMTP')

Going through entries
    foreach ($key in $ports.Keys) { "$key uses $($ports[$key])" }
    $ports.GetEnumerator() | Sort-Object Value

Objects from hash tables
    [pscustomobject]@{ Name = 'EDGE01'; Role = 'Edge' } makes an object
    with those properties, in that order.

Hash tables as parameters
    Calculated properties (@{Name='Size'; Expression={ $_.Length / 1kb }}),
    splatting (see about_Splatting) and multi-valued Exchange properties
    (@{Add='contoso.com'; Remove='fabrikam.com'}) all use hash tables.

SEE ALSO
    about_Arrays
    about_Splatting
`,
  },
  {
    name: 'about_Splatting',
    synopsis: 'Passes parameters to a command from a hash table or array.',
    body: `
Splatting passes a collection of parameter values to a command in one
go. Use @ instead of $ in front of the variable name.

With a hash table, each key is a parameter name:
    $params = @{
        Name          = 'Internet'
        AddressSpaces = '*'
        Fqdn          = 'mail.contoso.com'
    }
    New-SendConnector @params

With an array, the values are positional arguments:
    $paths = 'C:\\certificates', 'request.req'
    Join-Path @paths

Splatting can be mixed with ordinary arguments. Parameters given
explicitly win over the same parameters in the splatted hash table:
    New-SendConnector @params -Fqdn mail2.contoso.com

Switch parameters take $true or $false as their value in the hash table:
    $common = @{ Force = $true; ErrorAction = 'Stop' }

SEE ALSO
    about_Hash_Tables
    about_Parsing
`,
  },
];
