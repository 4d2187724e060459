# Helpers for the scripted tutorials: narration, echoing each command the way it is typed at the
# prompt before running it, waiting for mail to arrive, and pausing between steps on a terminal.
# A tutorial dot-sources them: . $PSScriptRoot\tutorial-helpers.ps1

function Write-Chapter {
    param([string]$Title, [string[]]$Text)
    Write-Host ''
    Write-Host ('=' * 100) -ForegroundColor DarkCyan
    Write-Host $Title -ForegroundColor Cyan
    Write-Host ('=' * 100) -ForegroundColor DarkCyan
    foreach ($line in $Text) { Write-Host $line }
}

function Write-Note {
    param([string[]]$Text)
    Write-Host ''
    foreach ($line in $Text) { Write-Host "# $line" -ForegroundColor DarkGray }
}

# Shows `PS C:\> <command>` and runs it, its output formatted as at the prompt. A script block is
# echoed exactly as written; a string is run with Invoke-Expression (for a command that carries a
# value found earlier, such as a thumbprint). -Variable stores the output in the script's variable
# instead, echoed as `$name = <command>`.
function Invoke-TutorialCommand {
    param([Parameter(Mandatory = $true, Position = 0)] $Command, [string]$Variable)
    $text = if ($Command -is [scriptblock]) { $Command.ToString().Trim() } else { [string]$Command }
    if ($Variable) { $text = "`$$Variable = $text" }
    Write-Host ''
    Write-Host "PS C:\> " -NoNewline -ForegroundColor Yellow
    Write-Host $text
    $output = if ($Command -is [scriptblock]) { & $Command } else { Invoke-Expression $Command }
    if ($Variable) { Set-Variable -Name $Variable -Value $output -Scope Script }
    else { $output | Out-Host }
}

# Polls until the condition returns something, or fails the tutorial after the timeout.
function Wait-TutorialCondition {
    param([string]$For, [scriptblock]$Condition, [int]$TimeoutSeconds = 30)
    $deadline = (Get-Date).AddSeconds($TimeoutSeconds)
    Write-Host "(waiting for $For)" -ForegroundColor DarkGray
    while ($true) {
        $result = & $Condition
        if ($result) { return }
        if ((Get-Date) -gt $deadline) { throw "The tutorial waited $TimeoutSeconds seconds for $For; it did not happen." }
        Start-Sleep -Milliseconds 200
    }
}

# On a terminal, waits for Enter between steps (scripts/tutorial.mjs passes -Pause only there).
function Wait-Reader {
    if ($script:Pause) { Read-Host 'Press Enter to continue' | Out-Null }
}
