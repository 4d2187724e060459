// about_ topics on operators, pipelines, redirection and common parameters (written for emsh).
import type { AboutTopic } from './about-topic.ts';

export const operatorTopics: AboutTopic[] = [
  {
    name: 'about_Operators',
    synopsis: 'Describes the operators of the language.',
    body: `
Operators combine or change values in expressions. emsh supports the
operators of Windows PowerShell:

Arithmetic operators
    +  -  *  /  %   Add, subtract, multiply, divide and take the remainder.
                    + also joins strings and arrays: 'mail.' + 'contoso.com'.

Assignment operators
    =  +=  -=  *=  /=  %=  ++  --
                    $count += 1 adds to a variable; $count++ does the same.

Comparison operators
    -eq -ne -gt -ge -lt -le -like -notlike -match -notmatch
    -contains -notcontains -in -notin -is -isnot -replace
                    See about_Comparison_Operators.

Logical operators
    -and -or -xor -not !
                    ($a -gt 1) -and ($b -lt 5). -and and -or stop as soon
                    as the result is known.

Bitwise operators
    -band -bor -bxor -bnot -shl -shr

Split and join
    'a,b,c' -split ','            gives a, b and c.
    'a','b' -join ';'             gives a;b.

Type operators
    [int]'42'                     converts (a cast).
    '42' -as [int]                converts, or gives $null when it cannot.
    $x -is [string]               tests the type.

Format operator
    '{0} has {1:N0} messages' -f 'Contoso', 12345

Range operator
    1..5                          the integers 1 to 5 (also 5..1).

Special operators
    ( )    grouping: runs the expression first.
    $( )   subexpression: any statements, usable inside "double quotes".
    @( )   array subexpression: the result is always an array.
    .      member access: $cert.Thumbprint; a method call: $name.ToUpper().
    ::     static member: [DateTime]::Now.
    [ ]    index: $list[0], $list[-1], $table['key'].
    ,      array: 'POP','IMAP'.
    &      call: & 'C:\\scripts\\setup.ps1'.
    .      dot sourcing: . .\\functions.ps1 runs a script in the current scope.
    |      pipeline: see about_Pipelines.

Precedence, highest first: grouping and subexpressions; member access
and indexing; casts; the comma; ++ and --; -not and !; the range
operator; -f; * / %; + -; the comparison operators; the bitwise
operators; -and -or -xor. Use parentheses when in doubt.

SEE ALSO
    about_Comparison_Operators
    about_Pipelines
    about_Redirection
`,
  },
  {
    name: 'about_Comparison_Operators',
    synopsis: 'Describes the operators that compare values.',
    body: `
Comparison operators compare two values and give $true or $false:

    -eq   equal                      -ne   not equal
    -gt   greater than               -ge   greater than or equal
    -lt   less than                  -le   less than or equal
    -like     wildcard match         -notlike     no wildcard match
    -match    regular expression     -notmatch    no regular expression match
    -contains     a collection holds the value   -notcontains
    -in           the value is in a collection    -notin
    -is   of a type                  -isnot   not of a type
    -replace  replace text matching a regular expression

Case
    Comparisons of text ignore case: 'Contoso' -eq 'contoso' is $true.
    Put c before the name to respect case (-ceq, -clike, -cmatch...);
    i (-ieq) says explicitly that case is ignored.

Conversion
    The value on the right is converted to the type of the value on the
    left: 25 -eq '25' is $true, and '10' -lt 9 compares as text.

Collections on the left
    With a collection on the left, the operators filter it and return
    the matching items: 1,2,3,2 -eq 2 gives 2 and 2.

Wildcards (-like)
    *   any run of characters        ?   one character
    [a-c]  one character in the range    \` (backtick) escapes the next one.
    'mail.contoso.com' -like '*.contoso.com' is $true.

Regular expressions (-match, -replace)
    These use .NET regular expressions. After a successful -match on a
    single value, $Matches holds what matched:
        'EDGE01' -match '(\\d+)$'    # $Matches[1] is 01
    -replace substitutes $1, \${name} and $0:
        'contoso.com' -replace '^(\\w+)\\.com$', 'mail.$1.com'

SEE ALSO
    about_Operators
`,
  },
  {
    name: 'about_Pipelines',
    synopsis: 'Combines commands into pipelines.',
    body: `
A pipeline passes the objects one command writes to the next command:

    Get-ChildItem C:\\certificates | Where-Object Length -gt 1kb | Sort-Object Name

Objects, not text, travel between the commands. Each command can read
their properties: Where-Object tests Length, Sort-Object reads Name.

Streaming
    Objects flow one at a time. The first command's output reaches the
    next command as soon as it is written, so
        1..1000000000 | Select-Object -First 3
    returns at once: Select-Object stops the commands before it when it
    has what it needs.

Begin, process, end
    A command's begin step runs once before any object arrives, its
    process step once per object, and its end step after the last one.
    Commands that need every object (Sort-Object, Group-Object,
    Measure-Object) write their results in the end step.

Binding pipeline input
    A piped object is given to a parameter that accepts pipeline input:
    first to a parameter that takes the whole object (ByValue), then to
    parameters named like the object's properties (ByPropertyName). For
    example, Get-ChildItem | Remove-Item gives each file's PSPath to
    Remove-Item's -LiteralPath. Get-Help <command> -Full shows which
    parameters accept pipeline input.

$_ and $PSItem
    Inside the script blocks of ForEach-Object, Where-Object and
    calculated properties, $_ (or $PSItem) is the current object.

The end of the pipeline
    Objects that reach the end of a pipeline are formatted and shown
    (see Format-Table, Format-List) unless you store them in a variable
    or discard them with Out-Null.

SEE ALSO
    about_Parsing
    about_Redirection
`,
  },
  {
    name: 'about_Redirection',
    synopsis: 'Sends the output of commands to files or other streams.',
    body: `
Commands write to several streams:

    1  Success (the objects)       2  Error
    3  Warning                     4  Verbose
    5  Debug                       6  Information
    *  all of them

Redirection operators
    >     writes the stream to a file, replacing it:   Get-Date > C:\\date.txt
    >>    appends to a file:                           Get-Date >> C:\\date.txt
    2>    sends errors to a file
    2>&1  sends errors to the success stream, with the objects
    *>    sends every stream
    > $null   discards the output

Redirected objects are formatted as text the way the console shows them,
like Out-File does. Paths in redirections follow the same rules as other
paths: C:\\ is a folder under the state root, relative paths start at the
current location.

Other ways to discard output
    $null = New-Item C:\\logs -ItemType Directory
    [void]$list.Add('x')
    New-Item C:\\logs -ItemType Directory | Out-Null

SEE ALSO
    about_Pipelines
    about_CommonParameters
`,
  },
  {
    name: 'about_CommonParameters',
    synopsis: 'Describes the parameters that every cmdlet accepts.',
    body: `
Every cmdlet, and every advanced function, accepts these parameters:

    -Verbose (-vb)           shows VERBOSE: messages.
    -Debug (-db)             shows DEBUG: messages.
    -ErrorAction (-ea)       what to do on a non-terminating error:
                             Continue (show it and go on, the default),
                             SilentlyContinue (go on without showing it),
                             Stop (make it terminating), Ignore (forget it),
                             Inquire (ask).
    -WarningAction (-wa)     the same for warnings.
    -InformationAction (-infa)  the same for information messages.
    -ErrorVariable (-ev)     also stores errors in a variable (+name adds).
    -WarningVariable (-wv)   also stores warnings in a variable.
    -InformationVariable (-iv)  also stores information messages.
    -OutVariable (-ov)       also stores the output in a variable.
    -OutBuffer (-ob)         how many objects to collect before passing them on.
    -PipelineVariable (-pv)  keeps the current object in a variable for
                             later commands of the pipeline.

Commands that change things also accept:

    -WhatIf (-wi)            shows what would happen, without doing it.
    -Confirm (-cf)           asks before each change; -Confirm:$false
                             turns an automatic prompt off.

The preference variables $ErrorActionPreference, $WarningPreference,
$VerbosePreference, $DebugPreference, $InformationPreference,
$ConfirmPreference and $WhatIfPreference set the defaults.

EXAMPLES
    Remove-Item C:\\old -Recurse -WhatIf
    Get-Item C:\\missing -ErrorAction SilentlyContinue -ErrorVariable problems

SEE ALSO
    about_Redirection
`,
  },
];
