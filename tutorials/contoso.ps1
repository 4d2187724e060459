# The Contoso walkthrough, end to end: Exchange Server 2007's "How to configure mutual TLS for domain
# security" (see docs/walkthrough or /work/shared/WALKTHROUGH.md), replayed in one emsh session.
#
# This shell is Contoso's Edge Transport server mail1.contoso.com (its state root is $env:EMSH_HOME).
# The partner, Woodgrove Bank, is a second lab organisation in its own state root ($WoodgroveRoot),
# administered from here through lab remoting (New-PSSession / Invoke-Command), as an administrator
# reaches another server. Run it with `npm run tutorial` (scripts/tutorial.mjs prepares the lab folder).
param(
    # The folder for Woodgrove Bank's state root: a new folder beside Contoso's by default.
    [string]$WoodgroveRoot = (Join-Path (Split-Path $env:EMSH_HOME -Parent) 'woodgrove'),
    # Wait for Enter between steps (scripts/tutorial.mjs passes it on a terminal, never in CI).
    [switch]$Pause
)
$ErrorActionPreference = 'Stop'
. $PSScriptRoot\tutorial-helpers.ps1

Write-Chapter 'Domain security between Contoso and Woodgrove Bank' @(
    'Contoso wants all mail to and from its partner Woodgrove Bank protected by mutual TLS, and that mail rejected',
    'whenever mutual TLS cannot be established. This tutorial runs the walkthrough''s commands, verbatim, in this shell:',
    'Contoso''s Edge Transport server mail1.contoso.com. Woodgrove Bank''s server is another lab computer, reached',
    'with Invoke-Command. Each command is shown after PS C:\> and followed by its real output.'
)

# ---------------------------------------------------------------------------------------------------
Write-Chapter 'The lab: two organisations on this machine' @(
    'Contoso has two Edge Transport servers (mail1.contoso.com, mail2.mail.contoso.com) subscribed to its Hub Transport',
    'server through EdgeSync, the DNS-routed "Internet" send connector and the "Inet" receive connector.'
)
Invoke-TutorialCommand { Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com,mail2.mail.contoso.com | Format-List Name,DomainName,EdgeServers,LocalServer,SendConnector,ReceiveConnectors }
Write-Note "Woodgrove Bank gets a state root of its own (-Path): another organisation, another lab computer. `$WoodgroveRoot is $WoodgroveRoot."
Invoke-TutorialCommand { Initialize-LabOrganization -Name "Woodgrove Bank" -DomainName woodgrovebank.com -EdgeServer mail.woodgrovebank.com -Path $WoodgroveRoot | Format-List Name,DomainName,EdgeServers,ReceiveConnectors }
Write-Note 'An administrator reaches the partner''s Edge server through PowerShell remoting:'
Invoke-TutorialCommand -Variable woodgrove { New-PSSession -ComputerName mail.woodgrovebank.com }
Invoke-TutorialCommand { Get-PSSession }
Write-Note @(
    'Certificates come from a certification authority. In the walkthrough both organisations use the same well-known',
    'third-party CA; in the lab each organisation has its own root CA, and each side trusts the other''s root (below).'
)
Invoke-TutorialCommand { New-LabCertificateAuthority -Name "Contoso Root CA" -CertificatePath c:\certificates\contoso-root.cer | Format-List Subject,Thumbprint }
Wait-Reader

# ---------------------------------------------------------------------------------------------------
Write-Chapter 'Step 1: generate a certificate request' @(
    'The request (base64 PKCS #10) names the Edge server and, as a subject alternative name, mail.contoso.com: the FQDN',
    'of Contoso''s Internet send connector. The key pair stays on mail1 with the pending request.'
)
Invoke-TutorialCommand { New-ExchangeCertificate -GenerateRequest -FriendlyName "Internet certificate" -Path c:\certificates\request.p7c -SubjectName "DC=com,DC=Contoso,CN=mail1.contoso.com"  -DomainName mail.contoso.com }
Write-Note 'The CA approves the request and returns the certificate:'
Invoke-TutorialCommand { Approve-LabCertificateRequest -Path c:\certificates\request.p7c -OutPath c:\certificates\issued.cer | Format-List Subject,Issuer,Thumbprint }
Write-Note 'Importing the answer completes the pending request: the certificate is bound to the key that never left mail1.'
Invoke-TutorialCommand -Variable issued { Import-ExchangeCertificate -Path c:\certificates\issued.cer }
Invoke-TutorialCommand { $issued | Format-List Subject,CertificateDomains,HasPrivateKey,PrivateKeyExportable,Services,Status }
Write-Note @(
    'Moving a certificate and its key: the walkthrough converts the CA''s answer into a PFX (certificate + private key)',
    'to carry it to every Edge server. This key can''t go: New-ExchangeCertificate made it non-exportable.'
)
Invoke-TutorialCommand { Export-ExchangeCertificate -Thumbprint $issued.Thumbprint -BinaryEncoded -Path c:\certificates\import.pfx -ErrorAction SilentlyContinue -ErrorVariable refused; $refused[0].Exception.Message }
Write-Note 'So the lab CA issues the PFX the walkthrough imports: certificate, new key and CA chain, for both Edge servers.'
Invoke-TutorialCommand { New-LabCertificate -SubjectName "DC=com,DC=Contoso,CN=mail1.contoso.com" -DomainName mail.contoso.com,mail2.mail.contoso.com -Path c:\certificates\import.pfx | Format-List Subject,Issuer,Path }
Wait-Reader

# ---------------------------------------------------------------------------------------------------
Write-Chapter 'Step 2: import the certificate on each Edge server and enable it for SMTP' @(
    'One certificate may serve all Edge servers: import.pfx is imported and enabled on mail2 and on mail1. The key',
    'imported from a PFX is always marked non-exportable, by design.'
)
Write-Note @(
    'mail2.mail.contoso.com first, through a remote session (in the lab both Edge servers share c:\certificates).',
    'Import-ExchangeCertificate passes the imported certificate down the pipeline to Enable-ExchangeCertificate:'
)
Invoke-TutorialCommand -Variable mail2 { New-PSSession -ComputerName mail2.mail.contoso.com }
Invoke-TutorialCommand { Invoke-Command -Session $mail2 { Import-ExchangeCertificate -Path c:\certificates\import.pfx | Enable-ExchangeCertificate -Services SMTP } }
Invoke-TutorialCommand { Invoke-Command -Session $mail2 { Get-ExchangeCertificate } }
Invoke-TutorialCommand { Remove-PSSession $mail2 }
Write-Note 'Then mail1, this shell, with the two-step form: import, list with Format-List, copy the Thumbprint, enable.'
Invoke-TutorialCommand { Import-ExchangeCertificate -Path c:\certificates\import.pfx }
Invoke-TutorialCommand { Get-ExchangeCertificate |FL }
$thumbprint = (Get-ExchangeCertificate | Where-Object { $_.CertificateDomains -contains 'mail2.mail.contoso.com' }).Thumbprint
Write-Note @(
    'Two certificates: the one completing the request (step 1) and the one from import.pfx, which also names',
    "mail2.mail.contoso.com. Its Thumbprint is $thumbprint."
)
Invoke-TutorialCommand "Enable-ExchangeCertificate -Thumbprint $thumbprint -Services SMTP"
Invoke-TutorialCommand { Get-ExchangeCertificate }
Write-Note 'Woodgrove Bank does the same on its Edge server, through the remote session:'
Invoke-TutorialCommand { Invoke-Command -Session $woodgrove { New-LabCertificateAuthority -Name "Woodgrove Bank Root CA" -CertificatePath c:\certificates\woodgrove-root.cer | Out-Null; New-LabCertificate -SubjectName "CN=mail.woodgrovebank.com" -Path c:\certificates\import.pfx | Out-Null; Import-ExchangeCertificate -Path c:\certificates\import.pfx | Enable-ExchangeCertificate -Services SMTP; Get-ExchangeCertificate } }
Write-Note 'Each side trusts the other''s root CA (the role of the well-known third-party CA): the roots travel as text.'
Invoke-TutorialCommand { Invoke-Command -Session $woodgrove { Get-Content c:\certificates\woodgrove-root.cer -Raw } | Set-Content c:\certificates\woodgrove-root.cer }
Invoke-TutorialCommand { Import-Certificate -FilePath c:\certificates\woodgrove-root.cer -CertStoreLocation Cert:\LocalMachine\Root | Format-List Subject,Thumbprint }
Invoke-TutorialCommand { Invoke-Command -Session $woodgrove { param($pem) Set-Content c:\certificates\contoso-root.cer $pem; Import-Certificate -FilePath c:\certificates\contoso-root.cer -CertStoreLocation Cert:\LocalMachine\Root } -ArgumentList (Get-Content c:\certificates\contoso-root.cer -Raw) | Format-List Subject,PSComputerName }
Wait-Reader

# ---------------------------------------------------------------------------------------------------
Write-Chapter 'Step 3: outbound domain security' @(
    'Inside the organisation (EdgeSync replicates it to both Edge servers): name the domain to send domain-secured mail',
    'to, and set DomainSecureEnabled on the send connector that sends there. TLSSendDomainSecureList is multi-valued and',
    'Set-TransportConfig replaces the whole value: to add a domain, pass the existing list plus the new one.'
)
Invoke-TutorialCommand { Set-TransportConfig -TLSSendDomainSecureList woodgrovebank.com }
Invoke-TutorialCommand { Set-SendConnector Internet -DomainSecureEnabled:$True }
Write-Note 'The connector routes with DNS, and its FQDN matches a name of the certificate (mail.contoso.com):'
Invoke-TutorialCommand { Get-SendConnector Internet | Format-List Name,AddressSpaces,DNSRoutingEnabled,SmartHosts,Fqdn,DomainSecureEnabled }
Wait-Reader

# ---------------------------------------------------------------------------------------------------
Write-Chapter 'Step 4: inbound domain security' @(
    'TLS is then enforced on connections from Woodgrove Bank (its domain is on the list and the connector has',
    'DomainSecureEnabled); other senders use TLS only if they offer it.'
)
Invoke-TutorialCommand { Set-TransportConfig -TLSReceiveDomainSecureList woodgrovebank.com }
Invoke-TutorialCommand { Set-ReceiveConnector Inet -DomainSecureEnabled:$True -AuthMechanism TLS }
Invoke-TutorialCommand { Get-TransportConfig | Format-List TLSSendDomainSecureList,TLSReceiveDomainSecureList }
Write-Note 'Woodgrove Bank''s administrator runs the same commands for contoso.com:'
Invoke-TutorialCommand { Invoke-Command -Session $woodgrove { Set-TransportConfig -TLSSendDomainSecureList contoso.com; Set-SendConnector Internet -DomainSecureEnabled:$True; Set-TransportConfig -TLSReceiveDomainSecureList contoso.com; Set-ReceiveConnector Inet -DomainSecureEnabled:$True -AuthMechanism TLS } }
Invoke-TutorialCommand { Invoke-Command -Session $woodgrove { Get-TransportConfig } | Format-List TLSSendDomainSecureList,TLSReceiveDomainSecureList,PSComputerName }
Wait-Reader

# ---------------------------------------------------------------------------------------------------
Write-Chapter 'Step 5: test the domain-secured mail flow' @(
    'Verbose protocol logs on both connectors, the transport services started, then mail both ways.'
)
Invoke-TutorialCommand { Set-ReceiveConnector Inet -ProtocolLoggingLevel Verbose }
Invoke-TutorialCommand { Set-SendConnector Internet -ProtocolLoggingLevel Verbose }
Invoke-TutorialCommand { Invoke-Command -Session $woodgrove { Set-ReceiveConnector Inet -ProtocolLoggingLevel Verbose; Set-SendConnector Internet -ProtocolLoggingLevel Verbose } }
Invoke-TutorialCommand { Start-Service MSExchangeTransport }
Invoke-TutorialCommand { Invoke-Command -Session $woodgrove { Start-Service MSExchangeTransport } }
Invoke-TutorialCommand { Get-Service MSExchangeTransport }
Invoke-TutorialCommand { Invoke-Command -Session $woodgrove { Get-Service MSExchangeTransport } | Format-Table Status,Name,PSComputerName -AutoSize }

Write-Note 'Contoso writes to Woodgrove Bank:'
Invoke-TutorialCommand { Send-MailMessage -From kim@contoso.com -To ted@woodgrovebank.com -Subject "Contoso to Woodgrove" -Body "Sent over mutual TLS" }
Wait-TutorialCondition -For 'the mail at Woodgrove Bank' -Condition { Invoke-Command -Session $woodgrove { Get-LabMailboxMessage -Mailbox ted@woodgrovebank.com } }
Invoke-TutorialCommand { Invoke-Command -Session $woodgrove { Get-LabMailboxMessage -Mailbox ted@woodgrovebank.com } | Format-Table Subject,From,DomainSecured,AuthDomain -AutoSize }
Write-Note 'Woodgrove Bank replies:'
Invoke-TutorialCommand { Invoke-Command -Session $woodgrove { Send-MailMessage -From ted@woodgrovebank.com -To kim@contoso.com -Subject "Woodgrove to Contoso" -Body "Reply, over mutual TLS" } }
Wait-TutorialCondition -For 'the reply at Contoso' -Condition { Get-LabMailboxMessage -Mailbox kim@contoso.com }
Invoke-TutorialCommand { Get-LabMailboxMessage -Mailbox kim@contoso.com | Format-Table Subject,From,DomainSecured,AuthDomain -AutoSize }
Write-Note 'Both messages travelled a mutually authenticated path: Outlook would show them as "Domain Secured".'

Write-Note 'The performance counters of MSExchange Secure Mail Transport moved:'
Wait-TutorialCondition -For 'the counters' -Condition { (Get-Counter '\MSExchange Secure Mail Transport(_total)\Domain Secure Messages Sent').CounterSamples[0].CookedValue -ge 1 }
Invoke-TutorialCommand { Get-Counter '\MSExchange Secure Mail Transport(_total)\*' }

Write-Note 'The send protocol log (Verbose): EHLO, STARTTLS, both certificates, the second EHLO, MAIL FROM ... QUIT.'
$sendLogs = Join-Path $env:EMSH_HOME 'TransportRoles/Logs/ProtocolLog/SmtpSend'
Wait-TutorialCondition -For 'the send protocol log' -Condition { (Get-ChildItem $sendLogs | ForEach-Object { Get-Content $_.FullName }) -match 'QUIT' }
Invoke-TutorialCommand -Variable log { Get-ChildItem $env:EMSH_HOME\TransportRoles\Logs\ProtocolLog\SmtpSend | Select-Object -First 1 }
Invoke-TutorialCommand -Variable fields { ((Get-Content $log.FullName | Where-Object { $_ -like '#Fields:*' }) -replace '^#Fields: ', '') -split ',' }
Invoke-TutorialCommand { Import-Csv -Path $log.FullName -Header $fields | Where-Object { $_.'date-time' -notlike '#*' } | Format-Table event,context,data -AutoSize -Wrap }
Wait-Reader

# ---------------------------------------------------------------------------------------------------
Write-Chapter 'When mutual TLS fails, the mail waits' @(
    'Woodgrove Bank''s certificate is swapped for one that names another server (mail.fabrikam.com). Contoso can''t',
    'authenticate the partner any more: domain security keeps the mail queued and never sends it in clear.'
)
Invoke-TutorialCommand { Invoke-Command -Session $woodgrove { $old = Get-ExchangeCertificate; New-LabCertificate -SubjectName "CN=mail.fabrikam.com" -Path c:\certificates\wrong-name.pfx | Out-Null; Import-ExchangeCertificate -Path c:\certificates\wrong-name.pfx | Enable-ExchangeCertificate -Services SMTP -Force; $old | Remove-ExchangeCertificate -Confirm:$false; Get-ExchangeCertificate } }
Invoke-TutorialCommand { Send-MailMessage -From kim@contoso.com -To ted@woodgrovebank.com -Subject "Should stay queued" -Body "Never in clear" }
Wait-TutorialCondition -For 'the failed delivery attempt' -Condition { (Get-Queue -Identity woodgrovebank.com -ErrorAction SilentlyContinue).LastError -match '4\.7\.5' }
Invoke-TutorialCommand { Get-Queue }
Invoke-TutorialCommand { Get-Queue -Identity woodgrovebank.com | Format-List Identity,Status,MessageCount,NextHopDomain,LastError }
Invoke-TutorialCommand { Get-Message -Queue woodgrovebank.com | Format-List FromAddress,Status,Subject }
Invoke-TutorialCommand { Get-Counter '\MSExchange Secure Mail Transport(_total)\Domain Secure Outbound Session Failures' }
Write-Note 'Woodgrove Bank received nothing new: still the one message from before.'
Invoke-TutorialCommand { Invoke-Command -Session $woodgrove { Get-LabMailboxMessage -Mailbox ted@woodgrovebank.com } | Format-Table Subject,DomainSecured -AutoSize }
Wait-Reader

# ---------------------------------------------------------------------------------------------------
Write-Chapter 'Cleaning up' @('The queued message is removed without a non-delivery report, and both services stop.')
Invoke-TutorialCommand { Get-Message -Queue woodgrovebank.com | ForEach-Object { Remove-Message -Identity $_.Identity -WithNDR:$false -Confirm:$false } }
Invoke-TutorialCommand { Stop-Service MSExchangeTransport }
Invoke-TutorialCommand { Invoke-Command -Session $woodgrove { Stop-Service MSExchangeTransport } }
Invoke-TutorialCommand { Remove-PSSession $woodgrove }

Write-Chapter 'Done' @(
    'You configured mutual TLS between two organisations with the walkthrough''s own commands, watched Domain Secured mail',
    'flow both ways, and saw domain security refuse to fall back to clear text. The lab stays in:',
    "  Contoso:        $env:EMSH_HOME",
    "  Woodgrove Bank: $WoodgroveRoot",
    'Open it with: EMSH_HOME=<folder> npx emsh   (Get-Help about_* and docs/cmdlets.md describe every cmdlet).'
)
