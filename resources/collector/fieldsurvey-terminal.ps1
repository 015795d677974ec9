#requires -Version 3.0
<#
.SYNOPSIS
    FieldSurvey terminal collector 1.0.0: reads the security-relevant facts of one Windows terminal
    and writes them to one JSON file (schema "fieldsurvey-terminal-facts/1").

.DESCRIPTION
    READ-ONLY: this script is read-only and changes nothing on the terminal. It writes no registry
    value, changes no service, setting, feature, firewall rule or policy, installs nothing, starts
    no installer or other program (except whoami.exe, see below) and creates no file or folder on
    the terminal. It only reads: WMI/CIM classes (Get-CimInstance and Get-CimAssociatedInstance,
    with Get-WmiObject as fallback), registry values (Microsoft.Win32.RegistryKey opened read-only,
    or Get-ItemProperty / Get-Item / Get-ChildItem in Constrained Language Mode), Get-Service,
    Get-HotFix, Get-MpComputerStatus, Get-NetConnectionProfile, Get-NetRoute,
    Get-NetFirewallProfile, Get-LocalUser, Get-LocalGroupMember, Get-FileHash (of this script),
    and read-only properties of the COM objects Microsoft.Update.Session,
    Microsoft.Update.AutoUpdate and Shell.Application. Only where .NET calls are blocked
    (Constrained Language Mode) it runs whoami.exe /groups /fo csv to learn the group SIDs of the
    token. Only with -InternetProbe it resolves one name, opens two TCP connections and sends one
    HTTP GET (System.Net.Dns, System.Net.Sockets.TcpClient, Invoke-WebRequest).
    The only file written is the output JSON in -OutputDirectory.

    What it reads (one section each, each in its own try/catch; see docs/terminal-collector.md):
      computer          $env:COMPUTERNAME, Win32_ComputerSystem, Win32_BIOS, Win32_NetworkAdapterConfiguration
      os                Win32_OperatingSystem, HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion
      esu               SoftwareLicensingProduct (ESU licences; Windows 10 build 19045 only; slow, 10-30 s)
      updates           Get-HotFix, Microsoft.Update.AutoUpdate Results, Microsoft.Update.Session
                        QueryHistory, reboot-pending keys, WindowsUpdate policy keys
      antivirus         root/SecurityCenter2 AntiVirusProduct (client Windows only)
      defender          Get-MpComputerStatus (registry Signature Updates as fallback)
      securityServices  Get-Service and Uninstall keys of known AV/EDR/device-control products
      usbStorage        USBSTOR/UASPStor/WpdBusEnum Start, RemovableStorageDevices, DeviceInstall
                        Restrictions, StorageDevicePolicies, FVE, Enum\USBSTOR
      internet          Get-NetConnectionProfile, Get-NetRoute, WinINet proxy settings; with
                        -InternetProbe only: DNS lookup, TCP 443/80, one HTTP GET of the probe host
                        and one HTTPS HEAD of www.microsoft.com
      firewall          Get-NetFirewallProfile -PolicyStore ActiveStore (registry as fallback)
      bitlocker         Shell property System.Volume.BitLockerProtection of the system drive
      smb1              Win32_OptionalFeature SMB1Protocol, mrxsmb10 and LanmanServer registry values
      rdp               Terminal Server registry values and policy, TermService state
      accounts          Get-LocalGroupMember -SID S-1-5-32-544 / Win32_GroupUser, Get-LocalUser /
                        Win32_UserAccount, the token of the current user
      screenLock        InactivityTimeoutSecs, screen saver settings and policy of the current user

    Administrator rights: none of the checks is designed to need them; the core checks run as a
    standard user. Some sources are only believed to work without elevation (Get-MpComputerStatus,
    Win32_OptionalFeature, WUA QueryHistory, Enum\USBSTOR, the BitLocker shell property,
    Get-NetFirewallProfile). When one of them is refused ("access denied") in a session that is not
    elevated, its section gets needsAdmin = true, its name is listed in collector.adminOnlyChecks and
    printed at the end. Every section has status ok | error | not_applicable | skipped; a section
    whose main source worked but some secondary read failed keeps status ok and names the failed
    reads in its error field.

    How to run: double-click fieldsurvey-terminal.cmd on the USB stick (it starts the 64-bit Windows
    PowerShell 5.1 with -NoProfile -NonInteractive -ExecutionPolicy Bypass -File for this one
    process), or from a command prompt:
        fieldsurvey-terminal.cmd
        fieldsurvey-terminal.cmd -InternetProbe        (only after the hospital has agreed)
        fieldsurvey-terminal.cmd -OutputDirectory \\server\share\survey

    Output: one UTF-8 JSON file without BOM named after the computer, <COMPUTERNAME>.json (name
    reduced to A-Z a-z 0-9 _ -), in -OutputDirectory (default: the folder of this script, i.e. the
    USB stick). In Constrained Language Mode the .NET write is blocked and the file is written by
    PowerShell's redirection instead (UTF-16 LE with BOM; the importer reads both).
    Schema: "fieldsurvey-terminal-facts/1" (resources/collector/terminal-facts.schema.json).
    Dates are ISO-8601 UTC. Exit code 0 = written, 1 = could not write, 2 = refused to run.

    Not executed on the development machine (no PowerShell there); the JSON schema it emits is checked by tests against the importer's schema.

    Coding convention (checked by a test): every JSON object is written as one ordered hashtable
    literal with one "key = value" line per schema property; nothing is added to it afterwards.
    The file is ASCII only (Windows PowerShell 5.1 reads a file without BOM in the ANSI code page).

.PARAMETER OutputDirectory
    Existing folder for <COMPUTERNAME>.json. Default: the folder this script is in.
.PARAMETER InternetProbe
    Opt-in active probe (DNS, TCP 443/80 with a 5 s timeout, HTTPS HEAD of www.microsoft.com and an
    HTTP GET through the system proxy with
    a 5 s timeout). Without it the script opens no connection of its own (resolving domain members
    of the Administrators group may ask the domain controller, as Windows does for any lookup).
.PARAMETER ProbeHost
    Host name for the probe. Default www.msftconnecttest.com (Windows' own connectivity test host).
#>
[CmdletBinding()]
param(
    [string]$OutputDirectory = '',
    [switch]$InternetProbe,
    [ValidatePattern('^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$')]
    [string]$ProbeHost = 'www.msftconnecttest.com'
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

$script:CollectorName = 'fieldsurvey-terminal.ps1'
$script:CollectorVersion = '1.0.0'
$script:SchemaName = 'fieldsurvey-terminal-facts/1'
$script:DefaultProbeHost = 'www.msftconnecttest.com'
# The HTTPS half of the probe: a well-known site that answers HEAD over TLS.
$script:HttpsProbeHost = 'www.microsoft.com'
$script:StartTime = Get-Date
$script:ScriptPath = $MyInvocation.MyCommand.Path
$script:LanguageMode = [string]$ExecutionContext.SessionState.LanguageMode
$script:FullLanguage = ($script:LanguageMode -eq 'FullLanguage')
$script:StepErrors = @()
$script:StepDenied = $false

# ---------------------------------------------------------------------------------------------
# Process and OS bitness. A 32-bit PowerShell on a 64-bit Windows sees HKLM\SOFTWARE redirected
# to WOW6432Node; the script does not relaunch itself but reads the 64-bit registry view.
# ---------------------------------------------------------------------------------------------
$script:Is64BitOs = $false
if ($env:PROCESSOR_ARCHITEW6432 -or ($env:PROCESSOR_ARCHITECTURE -and $env:PROCESSOR_ARCHITECTURE -ne 'x86')) {
    $script:Is64BitOs = $true
}
$script:Is64BitProcess = ($env:PROCESSOR_ARCHITECTURE -ne 'x86')
if ($script:FullLanguage) {
    try {
        $script:Is64BitOs = [Environment]::Is64BitOperatingSystem
        $script:Is64BitProcess = [Environment]::Is64BitProcess
    } catch {
        # keep the values derived from the environment variables
    }
}
$script:Wow64Process = ($script:Is64BitOs -and -not $script:Is64BitProcess)

if ($script:Wow64Process -and -not $script:FullLanguage) {
    Write-Host 'FieldSurvey terminal collector: this is the 32-bit Windows PowerShell on a 64-bit Windows,'
    Write-Host ('and the session runs in ' + $script:LanguageMode + ', so the 64-bit registry cannot be read.')
    Write-Host 'Nothing was collected. Start the 64-bit Windows PowerShell instead:'
    Write-Host '  %SystemRoot%\System32\WindowsPowerShell\v1.0\powershell.exe -NoProfile -ExecutionPolicy Bypass -File fieldsurvey-terminal.ps1'
    Write-Host '(from a 32-bit program use %SystemRoot%\Sysnative\ instead of System32), or run fieldsurvey-terminal.cmd.'
    exit 2
}

# Registry access: in FullLanguage through Microsoft.Win32.RegistryKey (read-only OpenSubKey) on the
# 64-bit view of a 64-bit Windows; in Constrained Language Mode through the registry provider.
$script:UseDotNetRegistry = $false
$script:HklmBase = $null
$script:HkcuBase = $null
if ($script:FullLanguage) {
    try {
        $view = [Microsoft.Win32.RegistryView]::Default
        if ($script:Is64BitOs) {
            $view = [Microsoft.Win32.RegistryView]::Registry64
        }
        $script:HklmBase = [Microsoft.Win32.RegistryKey]::OpenBaseKey([Microsoft.Win32.RegistryHive]::LocalMachine, $view)
        $script:HkcuBase = [Microsoft.Win32.RegistryKey]::OpenBaseKey([Microsoft.Win32.RegistryHive]::CurrentUser, $view)
        $script:UseDotNetRegistry = $true
    } catch {
        $script:UseDotNetRegistry = $false
    }
}
if ($script:Wow64Process -and -not $script:UseDotNetRegistry) {
    Write-Host 'FieldSurvey terminal collector: the 64-bit registry view could not be opened from this 32-bit PowerShell.'
    Write-Host 'Nothing was collected. Start the 64-bit Windows PowerShell (%SystemRoot%\System32\WindowsPowerShell\v1.0\powershell.exe) or fieldsurvey-terminal.cmd.'
    exit 2
}

# ---------------------------------------------------------------------------------------------
# Small helpers: errors, conversions
# ---------------------------------------------------------------------------------------------
function Get-ErrorText {
    param($ErrorObject)
    $ex = $ErrorObject
    if ($ErrorObject -is [System.Management.Automation.ErrorRecord]) {
        $ex = $ErrorObject.Exception
    }
    while ($ex -is [System.Management.Automation.MethodInvocationException] -and $null -ne $ex.InnerException) {
        $ex = $ex.InnerException
    }
    $typeName = $null
    try {
        $typeName = $ex.GetType().Name
    } catch {
        try { $typeName = [string]$ErrorObject.CategoryInfo.Reason } catch { $typeName = 'Exception' }
    }
    if (-not $typeName) {
        $typeName = 'Exception'
    }
    $message = ''
    try { $message = [string]$ex.Message } catch { $message = [string]$ErrorObject }
    return (($typeName + ': ' + $message) -replace '\s+', ' ').Trim()
}

function Test-AccessDenied {
    param($ErrorObject)
    try {
        if ($ErrorObject -is [System.Management.Automation.ErrorRecord]) {
            if ([string]$ErrorObject.CategoryInfo.Category -eq 'PermissionDenied') {
                return $true
            }
            $ex = $ErrorObject.Exception
        } else {
            $ex = $ErrorObject
        }
        $depth = 0
        while ($null -ne $ex -and $depth -lt 8) {
            if ($ex -is [System.UnauthorizedAccessException] -or $ex -is [System.Security.SecurityException]) {
                return $true
            }
            $hr = $null
            try { $hr = $ex.HResult } catch { $hr = $null }
            # 0x80070005 E_ACCESSDENIED, 0x80041003 WBEM_E_ACCESS_DENIED
            if ($hr -eq -2147024891 -or $hr -eq -2147217405) {
                return $true
            }
            $code = $null
            try { $code = [string]$ex.NativeErrorCode } catch { $code = $null }
            if ($code -eq 'AccessDenied') {
                return $true
            }
            try { $code = [string]$ex.ErrorCode } catch { $code = $null }
            if ($code -eq 'AccessDenied') {
                return $true
            }
            $ex = $ex.InnerException
            $depth = $depth + 1
        }
    } catch {
        return $false
    }
    return $false
}

# Per-section bookkeeping of failed reads (reset at the start of every section).
function Initialize-StepLog {
    $script:StepErrors = @()
    $script:StepDenied = $false
}

function Write-StepError {
    param([string]$StepName, $ErrorObject)
    $script:StepErrors += ($StepName + ': ' + (Get-ErrorText $ErrorObject))
    if (Test-AccessDenied $ErrorObject) {
        $script:StepDenied = $true
    }
}

# Runs one read; on failure records it and returns $null. For scalar values only (arrays unroll).
function Read-Step {
    param([string]$StepName, [scriptblock]$StepBlock)
    try {
        return (& $StepBlock)
    } catch {
        Write-StepError $StepName $_
        return $null
    }
}

function Get-StepErrorText {
    if (@($script:StepErrors).Count -eq 0) {
        return $null
    }
    return (Limit-Text (@($script:StepErrors) -join ' | ') 1024)
}

function Get-StepNeedsAdmin {
    if ($script:StepDenied -and $script:Elevated -ne $true) {
        return $true
    }
    return $false
}

function Limit-Text {
    param($Value, [int]$Max)
    if ($null -eq $Value) {
        return $null
    }
    if ($Value -is [array]) {
        $Value = (@($Value) | ForEach-Object { [string]$_ }) -join ', '
    }
    $s = ([string]$Value).Replace([string][char]0, '')
    if ($s.Length -gt $Max) {
        $cut = $Max
        if ($cut -gt 0 -and [char]::IsHighSurrogate($s[$cut - 1])) {
            $cut = $cut - 1
        }
        $s = $s.Substring(0, $cut)
    }
    return $s
}

function ConvertTo-IntOrNull {
    param($Value, [int64]$Min = 0, [int64]$Max = 9007199254740991)
    if ($null -eq $Value -or $Value -is [array] -or $Value -is [bool]) {
        return $null
    }
    $n = $null
    try {
        if ($Value -is [System.Enum]) {
            $n = [int64]$Value
        } elseif ($Value -is [string]) {
            $t = $Value.Trim()
            if ($t -notmatch '^-?\d{1,18}$') {
                return $null
            }
            $n = [int64]$t
        } else {
            $n = [int64]$Value
        }
    } catch {
        return $null
    }
    if ($n -lt $Min -or $n -gt $Max) {
        return $null
    }
    return $n
}

function ConvertTo-BoolOrNull {
    param($Value)
    if ($null -eq $Value -or $Value -is [array]) {
        return $null
    }
    if ($Value -is [bool]) {
        return $Value
    }
    if ($Value -is [System.Enum]) {
        $Value = [string]$Value
    }
    if ($Value -is [string]) {
        $t = $Value.Trim()
        if ($t -eq 'true') {
            return $true
        }
        if ($t -eq 'false') {
            return $false
        }
        if ($t -match '^-?\d{1,18}$') {
            return ([int64]$t -ne 0)
        }
        return $null
    }
    try {
        return ([int64]$Value -ne 0)
    } catch {
        return $null
    }
}

# Any date as ISO-8601 UTC text ('o' format). DateTime values are never handed to ConvertTo-Json.
# -AssumeUtc: the source documents the value as UTC (Windows Update COM dates come back with
# Kind = Unspecified; ToUniversalTime() would shift them by the local offset).
function ConvertTo-IsoUtc {
    param($Value, [switch]$AssumeUtc)
    if ($null -eq $Value) {
        return $null
    }
    $d = $null
    if ($Value -is [datetime]) {
        $d = $Value
    } elseif ($Value -is [string]) {
        $s = $Value.Trim()
        # WMI (Get-WmiObject) DMTF text: yyyymmddHHMMSS.mmmmmmsUUU
        if ($s -match '^(\d{14})\.(\d{6})([+-])(\d{3})$') {
            try {
                $local = [datetime]::ParseExact($Matches[1], 'yyyyMMddHHmmss', [System.Globalization.CultureInfo]::InvariantCulture)
                $local = $local.AddTicks([int64]$Matches[2] * 10)
                $offset = [int]$Matches[4]
                if ($Matches[3] -eq '-') {
                    $offset = -$offset
                }
                $d = [datetime]::SpecifyKind($local.AddMinutes(-$offset), [System.DateTimeKind]::Utc)
            } catch {
                return $null
            }
        } else {
            return $null
        }
    } else {
        return $null
    }
    if ($d.Year -lt 1970 -or $d.Year -gt 9000) {
        return $null
    }
    if ($AssumeUtc -and $d.Kind -eq [System.DateTimeKind]::Unspecified) {
        $d = [datetime]::SpecifyKind($d, [System.DateTimeKind]::Utc)
    }
    return $d.ToUniversalTime().ToString('o')
}

# ---------------------------------------------------------------------------------------------
# Registry (read-only). $Hive is 'HKLM' or 'HKCU'; $Path has no hive prefix.
# ---------------------------------------------------------------------------------------------
function Open-RegKey {
    param([string]$Hive, [string]$Path)
    $base = $script:HklmBase
    if ($Hive -eq 'HKCU') {
        $base = $script:HkcuBase
    }
    return $base.OpenSubKey($Path, $false)
}

function Get-RegProviderPath {
    param([string]$Hive, [string]$Path)
    if ($Hive -eq 'HKCU') {
        return ('Registry::HKEY_CURRENT_USER\' + $Path)
    }
    return ('Registry::HKEY_LOCAL_MACHINE\' + $Path)
}

# The value, or $null when the key or the value is absent. Access denied is thrown.
function Get-RegValue {
    param([string]$Hive, [string]$Path, [string]$Name)
    $value = $null
    if ($script:UseDotNetRegistry) {
        $key = Open-RegKey $Hive $Path
        if ($null -eq $key) {
            return $null
        }
        try {
            $value = $key.GetValue($Name, $null)
        } finally {
            $key.Close()
        }
    } else {
        $p = Get-RegProviderPath $Hive $Path
        if (-not (Test-Path -LiteralPath $p)) {
            return $null
        }
        $item = Get-ItemProperty -LiteralPath $p -ErrorAction Stop
        if ($null -eq $item) {
            return $null
        }
        $value = $item.$Name
    }
    if ($value -is [array]) {
        return , $value
    }
    return $value
}

function Test-RegKey {
    param([string]$Hive, [string]$Path)
    if ($script:UseDotNetRegistry) {
        $key = Open-RegKey $Hive $Path
        if ($null -eq $key) {
            return $false
        }
        $key.Close()
        return $true
    }
    return (Test-Path -LiteralPath (Get-RegProviderPath $Hive $Path))
}

# Names of the subkeys of a key, or with -Values the names of its values (emitted one by one;
# wrap the call in @()).
function Get-RegNames {
    param([string]$Hive, [string]$Path, [switch]$Values)
    if ($script:UseDotNetRegistry) {
        $key = Open-RegKey $Hive $Path
        if ($null -eq $key) {
            return
        }
        try {
            if ($Values) {
                $names = $key.GetValueNames()
            } else {
                $names = $key.GetSubKeyNames()
            }
        } finally {
            $key.Close()
        }
        foreach ($n in $names) {
            $n
        }
        return
    }
    $p = Get-RegProviderPath $Hive $Path
    if (-not (Test-Path -LiteralPath $p)) {
        return
    }
    if (-not $Values) {
        Get-ChildItem -LiteralPath $p -Name -ErrorAction SilentlyContinue
        return
    }
    $item = Get-Item -LiteralPath $p -ErrorAction Stop
    foreach ($n in @($item.Property)) {
        $n
    }
}

# ---------------------------------------------------------------------------------------------
# WMI / CIM: Get-CimInstance, and Get-WmiObject when CIM is missing or fails.
# ---------------------------------------------------------------------------------------------
function Get-WmiData {
    param([string]$Class, [string]$Namespace = 'root/cimv2', [string]$Filter = '')
    $cimFailure = $null
    if (Get-Command -Name Get-CimInstance -ErrorAction SilentlyContinue) {
        try {
            if ($Filter) {
                return (Get-CimInstance -Namespace $Namespace -ClassName $Class -Filter $Filter -ErrorAction Stop)
            }
            return (Get-CimInstance -Namespace $Namespace -ClassName $Class -ErrorAction Stop)
        } catch {
            $cimFailure = $_
        }
    }
    $wmiNamespace = $Namespace.Replace('/', '\')
    try {
        if ($Filter) {
            return (Get-WmiObject -Namespace $wmiNamespace -Class $Class -Filter $Filter -ErrorAction Stop)
        }
        return (Get-WmiObject -Namespace $wmiNamespace -Class $Class -ErrorAction Stop)
    } catch {
        if ($null -ne $cimFailure) {
            throw $cimFailure
        }
        throw
    }
}

# ---------------------------------------------------------------------------------------------
# The current user's token: elevation (IsInRole by the SID S-1-5-32-544, never by group name) and
# membership of Administrators (also as a deny-only SID under UAC).
# ---------------------------------------------------------------------------------------------
function Get-TokenFacts {
    $elevated = $null
    $member = $null
    $userName = $null
    if ($script:FullLanguage) {
        try {
            $identity = [System.Security.Principal.WindowsIdentity]::GetCurrent()
            $userName = $identity.Name
            $principal = New-Object System.Security.Principal.WindowsPrincipal($identity)
            $adminSid = New-Object System.Security.Principal.SecurityIdentifier('S-1-5-32-544')
            $elevated = $principal.IsInRole($adminSid)
            $member = $elevated
            if (-not $member) {
                $member = $false
                foreach ($claim in @($identity.Claims)) {
                    if ([string]$claim.Value -eq 'S-1-5-32-544') {
                        $member = $true
                    }
                }
            }
        } catch {
            $member = $null
        }
    }
    if ($null -eq $elevated -or $null -eq $member) {
        # Constrained Language Mode (or .NET 4.0 without Claims): the SIDs in whoami's CSV output are
        # language-neutral; S-1-16-12288 / S-1-16-16384 = high / system integrity level.
        try {
            $whoami = Join-Path $env:SystemRoot 'System32\whoami.exe'
            $lines = @(& $whoami /groups /fo csv /nh)
            $text = $lines -join "`n"
            if ($null -eq $member) {
                $member = ($text -match '"S-1-5-32-544"')
            }
            if ($null -eq $elevated) {
                $elevated = ($text -match '"S-1-16-12288"' -or $text -match '"S-1-16-16384"')
            }
        } catch {
            # unknown stays $null
        }
    }
    if (-not $userName) {
        $userName = $env:USERNAME
        if ($env:USERDOMAIN) {
            $userName = $env:USERDOMAIN + '\' + $env:USERNAME
        }
    }
    return @{ elevated = $elevated; member = $member; userName = $userName }
}

$script:Token = Get-TokenFacts
$script:Elevated = $script:Token.elevated

# ---------------------------------------------------------------------------------------------
# Sections. Each returns one ordered hashtable with every schema property of its section.
# ---------------------------------------------------------------------------------------------

function ConvertTo-PrefixLength {
    param([string]$Mask)
    if ($Mask -match '^\d{1,3}$') {
        return [int]$Mask
    }
    if ($Mask -notmatch '^\d{1,3}(\.\d{1,3}){3}$') {
        return $null
    }
    $bits = 0
    foreach ($octet in $Mask.Split('.')) {
        $n = [int]$octet
        while ($n -gt 0) {
            $bits = $bits + ($n -band 1)
            $n = $n -shr 1
        }
    }
    return $bits
}

function Get-ComputerSection {
    Initialize-StepLog
    $domain = $null
    $partOfDomain = $null
    $manufacturer = $null
    $model = $null
    $biosSerial = $null
    $ipAddresses = $null
    $macAddresses = $null
    $failed = 0
    try {
        $cs = @(Get-WmiData -Class 'Win32_ComputerSystem') | Select-Object -First 1
        if ($null -ne $cs) {
            $domain = $cs.Domain
            $partOfDomain = ConvertTo-BoolOrNull $cs.PartOfDomain
            $manufacturer = $cs.Manufacturer
            $model = $cs.Model
        }
    } catch {
        Write-StepError 'Win32_ComputerSystem' $_
        $failed = $failed + 1
    }
    try {
        $bios = @(Get-WmiData -Class 'Win32_BIOS') | Select-Object -First 1
        if ($null -ne $bios) {
            $biosSerial = $bios.SerialNumber
        }
    } catch {
        Write-StepError 'Win32_BIOS' $_
        $failed = $failed + 1
    }
    try {
        $ips = @()
        $macs = @()
        foreach ($cfg in @(Get-WmiData -Class 'Win32_NetworkAdapterConfiguration' -Filter 'IPEnabled = TRUE')) {
            if ($cfg.MACAddress) {
                # 00:1B:21:3A:4F:5C -> 00-1B-21-3A-4F-5C (the form ipconfig and Get-NetAdapter show)
                $macs += ([string]$cfg.MACAddress).Replace(':', '-').ToUpperInvariant()
            }
            $addresses = @($cfg.IPAddress)
            $subnets = @($cfg.IPSubnet)
            for ($i = 0; $i -lt $addresses.Count; $i++) {
                $address = [string]$addresses[$i]
                if (-not $address -or $address -eq '127.0.0.1' -or $address -eq '::1') {
                    continue
                }
                $prefix = $null
                if ($i -lt $subnets.Count) {
                    $prefix = ConvertTo-PrefixLength ([string]$subnets[$i])
                }
                if ($null -ne $prefix) {
                    $ips += ($address + '/' + $prefix)
                } else {
                    $ips += $address
                }
            }
        }
        $ipAddresses = @(foreach ($a in @($ips | Select-Object -Unique | Select-Object -First 64)) { Limit-Text $a 64 })
        $macAddresses = @(foreach ($m in @($macs | Select-Object -Unique | Select-Object -First 32)) { Limit-Text $m 32 })
    } catch {
        Write-StepError 'Win32_NetworkAdapterConfiguration' $_
        $failed = $failed + 1
    }
    $status = 'ok'
    if ($failed -ge 3) {
        $status = 'error'
    }
    [ordered]@{
        status = $status
        error = Get-StepErrorText
        needsAdmin = Get-StepNeedsAdmin
        name = Limit-Text $env:COMPUTERNAME 64
        domain = Limit-Text $domain 256
        partOfDomain = $partOfDomain
        manufacturer = Limit-Text $manufacturer 128
        model = Limit-Text $model 128
        biosSerial = Limit-Text $biosSerial 128
        sessionName = Limit-Text $env:SESSIONNAME 64
        ipAddresses = $ipAddresses
        macAddresses = $macAddresses
    }
}

function Get-OsSection {
    Initialize-StepLog
    $cvPath = 'SOFTWARE\Microsoft\Windows NT\CurrentVersion'
    $caption = $null
    $version = $null
    $build = $null
    $sku = $null
    $productType = $null
    $osLanguage = $null
    $installDate = $null
    $lastBoot = $null
    $wmiOk = $false
    try {
        $os = @(Get-WmiData -Class 'Win32_OperatingSystem') | Select-Object -First 1
        if ($null -ne $os) {
            $wmiOk = $true
            $caption = $os.Caption
            $version = $os.Version
            $build = ConvertTo-IntOrNull $os.BuildNumber 0 100000
            $sku = ConvertTo-IntOrNull $os.OperatingSystemSKU 0 1000
            $productType = ConvertTo-IntOrNull $os.ProductType 1 3
            $osLanguage = ConvertTo-IntOrNull $os.OSLanguage 0 100000
            $installDate = ConvertTo-IsoUtc $os.InstallDate
            $lastBoot = ConvertTo-IsoUtc $os.LastBootUpTime
        }
    } catch {
        Write-StepError 'Win32_OperatingSystem' $_
    }
    $regOk = $false
    $ubr = $null
    $displayVersion = $null
    $releaseId = $null
    $editionId = $null
    $compositionEditionId = $null
    $installationType = $null
    $productNameRegistry = $null
    try {
        if (Test-RegKey 'HKLM' $cvPath) {
            $regOk = $true
            $ubr = ConvertTo-IntOrNull (Get-RegValue 'HKLM' $cvPath 'UBR') 0 1000000
            $displayVersion = Get-RegValue 'HKLM' $cvPath 'DisplayVersion'
            $releaseId = Get-RegValue 'HKLM' $cvPath 'ReleaseId'
            $editionId = Get-RegValue 'HKLM' $cvPath 'EditionID'
            $compositionEditionId = Get-RegValue 'HKLM' $cvPath 'CompositionEditionID'
            $installationType = Get-RegValue 'HKLM' $cvPath 'InstallationType'
            $productNameRegistry = Get-RegValue 'HKLM' $cvPath 'ProductName'
            if ($null -eq $build) {
                $build = ConvertTo-IntOrNull (Get-RegValue 'HKLM' $cvPath 'CurrentBuildNumber') 0 100000
            }
            if ($null -eq $installDate) {
                $unix = ConvertTo-IntOrNull (Get-RegValue 'HKLM' $cvPath 'InstallDate') 1 4294967295
                if ($null -ne $unix) {
                    $epoch = New-Object System.DateTime(1970, 1, 1, 0, 0, 0, [System.DateTimeKind]::Utc)
                    $installDate = ConvertTo-IsoUtc ($epoch.AddSeconds($unix))
                }
            }
        }
    } catch {
        Write-StepError 'CurrentVersion registry' $_
    }
    if ($null -eq $productType) {
        $productType = Read-Step 'ProductOptions' { Get-ProductTypeFromRegistry }
    }
    $status = 'ok'
    if (-not $wmiOk -and -not $regOk) {
        $status = 'error'
    }
    [ordered]@{
        status = $status
        error = Get-StepErrorText
        needsAdmin = Get-StepNeedsAdmin
        caption = Limit-Text $caption 256
        version = Limit-Text $version 32
        build = $build
        ubr = $ubr
        displayVersion = Limit-Text $displayVersion 16
        releaseId = Limit-Text $releaseId 16
        editionId = Limit-Text $editionId 64
        compositionEditionId = Limit-Text $compositionEditionId 64
        installationType = Limit-Text $installationType 32
        sku = $sku
        productType = $productType
        productNameRegistry = Limit-Text $productNameRegistry 256
        osLanguage = $osLanguage
        is64Bit = $script:Is64BitOs
        installDate = $installDate
        lastBoot = $lastBoot
    }
}

# ProductOptions\ProductType: WinNT = workstation (1), LanmanNT = domain controller (2), ServerNT = server (3)
function Get-ProductTypeFromRegistry {
    $t = Get-RegValue 'HKLM' 'SYSTEM\CurrentControlSet\Control\ProductOptions' 'ProductType'
    if ($t -eq 'WinNT') {
        return 1
    }
    if ($t -eq 'LanmanNT') {
        return 2
    }
    if ($t -eq 'ServerNT') {
        return 3
    }
    return $null
}

function Get-KnownBuild {
    param($Os)
    if ($null -ne $Os -and $null -ne $Os['build']) {
        return $Os['build']
    }
    return (ConvertTo-IntOrNull (Get-RegValue 'HKLM' 'SOFTWARE\Microsoft\Windows NT\CurrentVersion' 'CurrentBuildNumber') 0 100000)
}

function Get-KnownProductType {
    param($Os)
    if ($null -ne $Os -and $null -ne $Os['productType']) {
        return $Os['productType']
    }
    return (Get-ProductTypeFromRegistry)
}

function Get-EsuSection {
    param($Os)
    Initialize-StepLog
    $status = 'ok'
    $licenses = $null
    $build = Read-Step 'build' { Get-KnownBuild $Os }
    if ($null -ne $build -and $build -ne 19045) {
        $status = 'not_applicable'
    } else {
        try {
            $products = @(Get-WmiData -Class 'SoftwareLicensingProduct' -Filter 'PartialProductKey IS NOT NULL')
            $esu = @($products | Where-Object {
                    ([string]$_.Name -match '(^|[^A-Za-z])ESU([^A-Za-z]|$)') -or
                    ([string]$_.Description -match '(^|[^A-Za-z])ESU([^A-Za-z]|$)')
                } | Select-Object -First 32)
            $licenses = @(foreach ($p in $esu) {
                    [ordered]@{
                        name = Limit-Text $p.Name 256
                        description = Limit-Text $p.Description 512
                        licenseStatus = ConvertTo-IntOrNull $p.LicenseStatus 0 10
                    }
                })
        } catch {
            Write-StepError 'SoftwareLicensingProduct' $_
            $status = 'error'
        }
    }
    [ordered]@{
        status = $status
        error = Get-StepErrorText
        needsAdmin = Get-StepNeedsAdmin
        licenses = $licenses
    }
}

function Get-UpdatesSection {
    Initialize-StepLog
    $failed = 0
    $hotfixes = $null
    try {
        $raw = @(Get-HotFix -ErrorAction Stop | Select-Object -First 2048)
        $hotfixes = @(foreach ($h in $raw) {
                $installedOn = $null
                try {
                    $installedOn = ConvertTo-IsoUtc $h.InstalledOn
                } catch {
                    $installedOn = $null
                }
                [ordered]@{
                    id = Limit-Text $h.HotFixID 32
                    description = Limit-Text $h.Description 64
                    installedOn = $installedOn
                }
            })
    } catch {
        Write-StepError 'Get-HotFix' $_
        $failed = $failed + 1
    }

    $lastSearchSuccess = $null
    $lastInstallSuccess = $null
    try {
        $autoUpdate = New-Object -ComObject 'Microsoft.Update.AutoUpdate'
        $results = $autoUpdate.Results
        $lastSearchSuccess = ConvertTo-IsoUtc $results.LastSearchSuccessDate -AssumeUtc
        $lastInstallSuccess = ConvertTo-IsoUtc $results.LastInstallationSuccessDate -AssumeUtc
    } catch {
        Write-StepError 'Microsoft.Update.AutoUpdate' $_
        $failed = $failed + 1
    }

    $history = $null
    try {
        $session = New-Object -ComObject 'Microsoft.Update.Session'
        $searcher = $session.CreateUpdateSearcher()
        $total = [int]$searcher.GetTotalHistoryCount()
        $count = $total
        if ($count -gt 4096) {
            $count = 4096
        }
        $entries = @()
        if ($count -gt 0) {
            $index = 0
            $entries = @(foreach ($e in $searcher.QueryHistory(0, $count)) {
                    $index = $index + 1
                    $date = $null
                    $ticks = [int64]-1
                    $title = $null
                    $operation = $null
                    $resultCode = $null
                    try {
                        $d = $e.Date
                        $date = ConvertTo-IsoUtc $d -AssumeUtc
                        if ($null -ne $date) {
                            $ticks = [int64]$d.Ticks
                        }
                    } catch {
                        $date = $null
                    }
                    try { $title = [string]$e.Title } catch { $title = $null }
                    try { $operation = ConvertTo-IntOrNull $e.Operation 0 3 } catch { $operation = $null }
                    try { $resultCode = ConvertTo-IntOrNull $e.ResultCode 0 5 } catch { $resultCode = $null }
                    @{ index = $index; ticks = $ticks; date = $date; title = $title; operation = $operation; resultCode = $resultCode }
                })
        }
        $sorted = @($entries | Sort-Object -Property @{ Expression = { $_.ticks }; Descending = $true }, @{ Expression = { $_.index }; Descending = $false })
        $history = @(foreach ($e in $sorted) {
                $kb = $null
                if ($e.title -match 'KB\s?(\d{4,8})') {
                    $kb = 'KB' + $Matches[1]
                }
                [ordered]@{
                    date = $e.date
                    kb = $kb
                    title = Limit-Text $e.title 512
                    operation = $e.operation
                    resultCode = $e.resultCode
                }
            })
    } catch {
        Write-StepError 'Microsoft.Update.Session QueryHistory' $_
        $failed = $failed + 1
    }

    # Reboot pending: three independent sources; false only when all three were read.
    $rebootReasons = @()
    $rebootRead = 0
    try {
        if (Test-RegKey 'HKLM' 'SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\RebootRequired') {
            $rebootReasons += 'WindowsUpdate RebootRequired'
        }
        $rebootRead = $rebootRead + 1
    } catch {
        Write-StepError 'RebootRequired' $_
    }
    try {
        if (Test-RegKey 'HKLM' 'SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\RebootPending') {
            $rebootReasons += 'CBS RebootPending'
        }
        $rebootRead = $rebootRead + 1
    } catch {
        Write-StepError 'RebootPending' $_
    }
    try {
        $pending = Get-RegValue 'HKLM' 'SYSTEM\CurrentControlSet\Control\Session Manager' 'PendingFileRenameOperations'
        if (@(@($pending) | Where-Object { $_ }).Count -gt 0) {
            $rebootReasons += 'PendingFileRenameOperations'
        }
        $rebootRead = $rebootRead + 1
    } catch {
        Write-StepError 'PendingFileRenameOperations' $_
    }
    $rebootPending = $null
    if ($rebootReasons.Count -gt 0) {
        $rebootPending = $true
    } elseif ($rebootRead -eq 3) {
        $rebootPending = $false
    }

    $policyPath = 'SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate'
    $wuServer = Read-Step 'WUServer' { Get-RegValue 'HKLM' $policyPath 'WUServer' }
    $useWuServer = Read-RegFlag 'UseWUServer' 'HKLM' ($policyPath + '\AU') 'UseWUServer'
    $noAutoUpdate = Read-RegFlag 'NoAutoUpdate' 'HKLM' ($policyPath + '\AU') 'NoAutoUpdate'
    $auOptions = ConvertTo-IntOrNull (Read-Step 'AUOptions' { Get-RegValue 'HKLM' ($policyPath + '\AU') 'AUOptions' }) 0 10

    $status = 'ok'
    if ($failed -ge 3 -and $rebootRead -eq 0) {
        $status = 'error'
    }
    [ordered]@{
        status = $status
        error = Get-StepErrorText
        needsAdmin = Get-StepNeedsAdmin
        hotfixes = $hotfixes
        lastSearchSuccess = $lastSearchSuccess
        lastInstallSuccess = $lastInstallSuccess
        history = $history
        rebootPending = $rebootPending
        rebootReasons = [object[]]$rebootReasons
        wuServer = Limit-Text $wuServer 512
        useWuServer = $useWuServer
        noAutoUpdate = $noAutoUpdate
        auOptions = $auOptions
    }
}

# A path as the 64-bit system sees it: environment variables expanded (%ProgramFiles% is the
# 64-bit folder even in a 32-bit process), quotes removed.
function Resolve-NativePath {
    param([string]$Path)
    $p = $Path.Trim().Trim('"')
    if ($env:ProgramW6432) {
        $p = $p -replace '(?i)%ProgramFiles%', $env:ProgramW6432
    }
    foreach ($m in @([regex]::Matches($p, '%([^%]+)%'))) {
        $item = Get-Item -LiteralPath ('Env:' + $m.Groups[1].Value) -ErrorAction SilentlyContinue
        if ($null -ne $item) {
            $p = $p.Replace($m.Value, [string]$item.Value)
        }
    }
    if ($script:Wow64Process) {
        $p = $p -replace '(?i)\\System32\\', '\Sysnative\'
    }
    return $p
}

# Does the product's executable exist? When the product path is a URI (windowsdefender://), the
# reporting executable is checked instead; null when neither is a file path.
function Test-ProductExe {
    param($Path, $ReportingPath)
    $text = [string]$Path
    if (-not $text -or $text -match '^[A-Za-z][A-Za-z0-9+.-]*://') {
        $text = [string]$ReportingPath
    }
    if (-not $text -or $text -match '^[A-Za-z][A-Za-z0-9+.-]*://') {
        return $null
    }
    try {
        return (Test-Path -LiteralPath (Resolve-NativePath $text) -PathType Leaf)
    } catch {
        return $null
    }
}

# Security Center productState, community decoding (Microsoft documents none): bits 12-15 = 1
# real-time protection on; bits 4-7 = 0 signatures up to date. The raw value is kept beside it.
function Get-ProductStateFlag {
    param($State, [string]$Flag)
    $value = ConvertTo-IntOrNull $State 0 16777215
    if ($null -eq $value) {
        return $null
    }
    if ($Flag -eq 'enabled') {
        return ((($value -shr 12) -band 0xF) -eq 1)
    }
    return ((($value -shr 4) -band 0xF) -eq 0)
}

function Get-AntivirusSection {
    param($Os)
    Initialize-StepLog
    $status = 'ok'
    $products = $null
    $productType = Read-Step 'productType' { Get-KnownProductType $Os }
    if ($null -ne $productType -and $productType -ne 1) {
        $status = 'not_applicable'
    } else {
        try {
            $items = @(Get-WmiData -Namespace 'root/SecurityCenter2' -Class 'AntiVirusProduct' | Select-Object -First 32)
            $products = @(foreach ($p in $items) {
                    [ordered]@{
                        displayName = Limit-Text $p.displayName 256
                        productState = ConvertTo-IntOrNull $p.productState 0 16777215
                        enabled = Get-ProductStateFlag $p.productState 'enabled'
                        definitionsUpToDate = Get-ProductStateFlag $p.productState 'upToDate'
                        pathToSignedProductExe = Limit-Text $p.pathToSignedProductExe 1024
                        exeExists = Test-ProductExe $p.pathToSignedProductExe $p.pathToSignedReportingExe
                        timestamp = Limit-Text $p.timestamp 64
                    }
                })
        } catch {
            Write-StepError 'root/SecurityCenter2 AntiVirusProduct' $_
            $status = 'error'
        }
    }
    [ordered]@{
        status = $status
        error = Get-StepErrorText
        needsAdmin = Get-StepNeedsAdmin
        products = $products
    }
}

function Get-DefenderSection {
    Initialize-StepLog
    $status = 'ok'
    $amRunningMode = $null
    $amServiceEnabled = $null
    $antivirusEnabled = $null
    $realTimeProtectionEnabled = $null
    $signatureVersion = $null
    $signatureLastUpdated = $null
    $signatureAgeDays = $null
    $productStatus = $null
    $amProductVersion = $null
    $isTamperProtected = $null
    $deviceControlState = $null

    $haveCmdlet = $null -ne (Get-Command -Name Get-MpComputerStatus -ErrorAction SilentlyContinue)
    $haveService = $null -ne (Get-Service -Name 'WinDefend' -ErrorAction SilentlyContinue)
    if (-not $haveCmdlet -and -not $haveService) {
        $status = 'not_applicable'
    } else {
        $cmdletOk = $false
        if ($haveCmdlet) {
            try {
                $mp = Get-MpComputerStatus -ErrorAction Stop
                $cmdletOk = $true
                $amRunningMode = $mp.AMRunningMode
                $amServiceEnabled = ConvertTo-BoolOrNull $mp.AMServiceEnabled
                $antivirusEnabled = ConvertTo-BoolOrNull $mp.AntivirusEnabled
                $realTimeProtectionEnabled = ConvertTo-BoolOrNull $mp.RealTimeProtectionEnabled
                $signatureVersion = $mp.AntivirusSignatureVersion
                $signatureLastUpdated = ConvertTo-IsoUtc $mp.AntivirusSignatureLastUpdated
                $signatureAgeDays = ConvertTo-IntOrNull $mp.AntivirusSignatureAge 0 100000
                $productStatus = ConvertTo-IntOrNull $mp.ProductStatus 0 4294967295
                $amProductVersion = $mp.AMProductVersion
                $isTamperProtected = ConvertTo-BoolOrNull $mp.IsTamperProtected
                $deviceControlState = $mp.DeviceControlState
            } catch {
                Write-StepError 'Get-MpComputerStatus' $_
            }
        }
        if (-not $cmdletOk) {
            # Fallback: the signature values Defender keeps in the registry (may be stale when
            # Defender is switched off in favour of another product).
            $sigPath = 'SOFTWARE\Microsoft\Windows Defender\Signature Updates'
            $signatureVersion = Read-Step 'Signature Updates' { Get-RegValue 'HKLM' $sigPath 'AVSignatureVersion' }
            $raw = Read-Step 'SignaturesLastUpdated' { Get-RegValue 'HKLM' $sigPath 'SignaturesLastUpdated' }
            if ($raw -is [array] -and @($raw).Count -ge 8) {
                $fileTime = [int64]0
                for ($i = 7; $i -ge 0; $i--) {
                    $fileTime = $fileTime * 256 + [int64]$raw[$i]
                }
                try {
                    $signatureLastUpdated = ConvertTo-IsoUtc ([datetime]::FromFileTimeUtc($fileTime))
                } catch {
                    $signatureLastUpdated = $null
                }
            }
            if ($null -eq $signatureVersion -and $null -eq $signatureLastUpdated) {
                $status = 'error'
            }
        }
    }
    [ordered]@{
        status = $status
        error = Get-StepErrorText
        needsAdmin = Get-StepNeedsAdmin
        amRunningMode = Limit-Text $amRunningMode 32
        amServiceEnabled = $amServiceEnabled
        antivirusEnabled = $antivirusEnabled
        realTimeProtectionEnabled = $realTimeProtectionEnabled
        signatureVersion = Limit-Text $signatureVersion 32
        signatureLastUpdated = $signatureLastUpdated
        signatureAgeDays = $signatureAgeDays
        productStatus = $productStatus
        amProductVersion = Limit-Text $amProductVersion 32
        isTamperProtected = $isTamperProtected
        deviceControlState = Limit-Text $deviceControlState 32
    }
}

# Service names of AV/EDR products (shared/corpus/terminals/av-edr-products-japan.tsv and the
# importer's list) and vendor/product names for display names and Uninstall entries. Japanese
# names are written as \u escapes to keep this file ASCII.
$script:SecurityServiceNamePattern = '^(ntrtscan|TmListen|TmCCSF|TMBMServer|TmWSCSvc|Amsp|ds_agent|ekrn|efwd|EraAgentSvc|ESETService|SepMasterService|ccSvcHst|Rtvscan|SmcService|mfemms|mfefire|mfevtp|masvc|macmnsvc|McAfeeFramework|SAVService|SavService|Sophos.*|hmpalertsvc|CSFalconService|CSAgent|WinDefend|Sense|WdNisSvc|MsMpSvc|CylanceSvc|AVP.*|klnagent|kavfs.*|SentinelAgent|SentinelHelperService|SentinelStaticEngine|EPSecurityService|EPProtectedService|EPIntegrationService|bdredline|CbDefense|xagt|Cybereason.*|CrAmTray|FFRI.*|yarai.*|DeepInstinct.*|Trellix.*|cyserver|CortexXDR.*)$'
$script:SecurityProductPattern = '(Trend ?Micro|Apex ?One|OfficeScan|Deep Security|\bESET\b|Symantec|McAfee|Trellix|Sophos|CrowdStrike|Cylance|Deep ?Instinct|FFRI|yarai|Kaspersky|SentinelOne|Sentinel Agent|Bitdefender|Cybereason|Carbon ?Black|Cortex XDR|SKYSEA|LANSCOPE|LanScope|Hibun|InfoCage|Systemwalker|Desktop ?Keeper|DeviceLock|CWAT|MaLion|AssetView|IntraGuardian|\u30A6\u30A4\u30EB\u30B9\u30D0\u30B9\u30BF\u30FC|\u79D8\u6587)'

function Get-SecurityServicesSection {
    Initialize-StepLog
    $failed = 0
    $services = $null
    try {
        $all = $null
        try {
            $all = @(Get-Service -ErrorAction SilentlyContinue | ForEach-Object {
                    @{ name = [string]$_.Name; displayName = [string]$_.DisplayName; running = ([string]$_.Status -eq 'Running') }
                })
        } catch {
            Write-StepError 'Get-Service' $_
            $all = @(Get-WmiData -Class 'Win32_Service' | ForEach-Object {
                    @{ name = [string]$_.Name; displayName = [string]$_.DisplayName; running = ([string]$_.State -eq 'Running') }
                })
        }
        $matched = @($all | Where-Object {
                $_.name -match $script:SecurityServiceNamePattern -or $_.displayName -match $script:SecurityProductPattern
            } | Sort-Object -Property @{ Expression = { $_.name } } | Select-Object -First 64)
        $services = @(foreach ($s in $matched) {
                [ordered]@{
                    name = Limit-Text $s.name 128
                    displayName = Limit-Text $s.displayName 256
                    running = $s.running
                }
            })
    } catch {
        Write-StepError 'services' $_
        $failed = $failed + 1
    }

    $installedProducts = $null
    try {
        $found = @()
        $seen = @{}
        $roots = @(
            @{ hive = 'HKLM'; path = 'SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall' },
            @{ hive = 'HKLM'; path = 'SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall' },
            @{ hive = 'HKCU'; path = 'Software\Microsoft\Windows\CurrentVersion\Uninstall' }
        )
        foreach ($root in $roots) {
            foreach ($sub in @(Get-RegNames $root.hive $root.path)) {
                $keyPath = $root.path + '\' + $sub
                $displayName = $null
                try {
                    $displayName = Get-RegValue $root.hive $keyPath 'DisplayName'
                } catch {
                    $displayName = $null
                }
                if (-not $displayName -or [string]$displayName -notmatch $script:SecurityProductPattern) {
                    continue
                }
                $displayVersion = $null
                $publisher = $null
                try {
                    $displayVersion = Get-RegValue $root.hive $keyPath 'DisplayVersion'
                    $publisher = Get-RegValue $root.hive $keyPath 'Publisher'
                } catch {
                    $displayVersion = $null
                }
                $identity = ([string]$displayName + '|' + [string]$displayVersion).ToLowerInvariant()
                if ($seen.ContainsKey($identity)) {
                    continue
                }
                $seen.Add($identity, $true)
                $found += @{ displayName = [string]$displayName; displayVersion = $displayVersion; publisher = $publisher }
            }
        }
        $installedProducts = @(foreach ($f in @($found | Sort-Object -Property @{ Expression = { $_.displayName } } | Select-Object -First 64)) {
                [ordered]@{
                    displayName = Limit-Text $f.displayName 256
                    displayVersion = Limit-Text $f.displayVersion 64
                    publisher = Limit-Text $f.publisher 256
                }
            })
    } catch {
        Write-StepError 'Uninstall keys' $_
        $failed = $failed + 1
    }
    $status = 'ok'
    if ($failed -ge 2) {
        $status = 'error'
    }
    [ordered]@{
        status = $status
        error = Get-StepErrorText
        needsAdmin = Get-StepNeedsAdmin
        services = $services
        installedProducts = $installedProducts
    }
}

# A DWORD switch (policy or setting): true when set to non-zero, false when 0 or absent (not
# configured = not in force), null when it could not be read.
function Read-RegFlag {
    param([string]$StepName, [string]$Hive, [string]$Path, [string]$Name)
    $value = $null
    try {
        $value = Get-RegValue $Hive $Path $Name
    } catch {
        Write-StepError $StepName $_
        return $null
    }
    if ($null -eq $value) {
        return $false
    }
    return (ConvertTo-BoolOrNull $value)
}

# The machine policy OR the per-user policy: true if either is set, false if both are 0 or
# absent, null if one could not be read and the other is not set.
function Read-MachineOrUserFlag {
    param([string]$StepName, [string]$Path, [string]$Name)
    $machine = Read-RegFlag ($StepName + ' (HKLM)') 'HKLM' $Path $Name
    $user = Read-RegFlag ($StepName + ' (HKCU)') 'HKCU' $Path $Name
    if ($machine -eq $true -or $user -eq $true) {
        return $true
    }
    if ($machine -eq $false -and $user -eq $false) {
        return $false
    }
    return $null
}

function Get-UsbStorageSection {
    Initialize-StepLog
    $services = 'SYSTEM\CurrentControlSet\Services'
    $rsd = 'SOFTWARE\Policies\Microsoft\Windows\RemovableStorageDevices'
    $removableDisk = $rsd + '\{53f5630d-b6bf-11d0-94f2-00a0c91efb8b}'
    $restrictions = 'SOFTWARE\Policies\Microsoft\Windows\DeviceInstall\Restrictions'

    $usbstorStart = ConvertTo-IntOrNull (Read-Step 'USBSTOR Start' { Get-RegValue 'HKLM' ($services + '\USBSTOR') 'Start' }) 0 4
    $uaspstorStart = ConvertTo-IntOrNull (Read-Step 'UASPStor Start' { Get-RegValue 'HKLM' ($services + '\UASPStor') 'Start' }) 0 4
    $wpdStart = ConvertTo-IntOrNull (Read-Step 'WpdBusEnum Start' { Get-RegValue 'HKLM' ($services + '\WpdBusEnum') 'Start' }) 0 4
    $denyAll = Read-RegFlag 'Deny_All (HKLM)' 'HKLM' $rsd 'Deny_All'
    $denyAllUser = Read-RegFlag 'Deny_All (HKCU)' 'HKCU' $rsd 'Deny_All'
    $removableDiskDenyRead = Read-MachineOrUserFlag 'Removable Disks Deny_Read' $removableDisk 'Deny_Read'
    $removableDiskDenyWrite = Read-MachineOrUserFlag 'Removable Disks Deny_Write' $removableDisk 'Deny_Write'
    $denyRemovableDevices = Read-RegFlag 'DenyRemovableDevices' 'HKLM' $restrictions 'DenyRemovableDevices'

    $denyDeviceClasses = $null
    try {
        $classesOn = ConvertTo-BoolOrNull (Get-RegValue 'HKLM' $restrictions 'DenyDeviceClasses')
        $classes = @()
        if ($classesOn -eq $true) {
            $listPath = $restrictions + '\DenyDeviceClasses'
            foreach ($valueName in @(Get-RegNames 'HKLM' $listPath -Values)) {
                $v = Get-RegValue 'HKLM' $listPath $valueName
                if ($v) {
                    $classes += [string]$v
                }
            }
        }
        $denyDeviceClasses = @(foreach ($c in @($classes | Select-Object -First 64)) { Limit-Text $c 64 })
    } catch {
        Write-StepError 'DenyDeviceClasses' $_
    }

    $writeProtect = Read-RegFlag 'WriteProtect' 'HKLM' 'SYSTEM\CurrentControlSet\Control\StorageDevicePolicies' 'WriteProtect'
    $bitlockerDenyWrite = Read-RegFlag 'RDVDenyWriteAccess' 'HKLM' 'SOFTWARE\Policies\Microsoft\FVE' 'RDVDenyWriteAccess'

    # Storage devices ever attached: the device instances (one per serial number) under the
    # Disk&Ven_...&Prod_... keys of Enum\USBSTOR.
    $everConnectedCount = $null
    try {
        $enumPath = 'SYSTEM\CurrentControlSet\Enum\USBSTOR'
        $count = 0
        foreach ($model in @(Get-RegNames 'HKLM' $enumPath)) {
            $instances = @()
            try {
                $instances = @(Get-RegNames 'HKLM' ($enumPath + '\' + $model))
            } catch {
                $instances = @('unreadable')
            }
            if ($instances.Count -eq 0) {
                $count = $count + 1
            } else {
                $count = $count + $instances.Count
            }
        }
        $everConnectedCount = ConvertTo-IntOrNull $count 0 100000
    } catch {
        Write-StepError 'Enum\USBSTOR' $_
    }

    $status = 'ok'
    if (@($script:StepErrors).Count -ge 14) {
        $status = 'error'
    }
    [ordered]@{
        status = $status
        error = Get-StepErrorText
        needsAdmin = Get-StepNeedsAdmin
        usbstorStart = $usbstorStart
        uaspstorStart = $uaspstorStart
        wpdStart = $wpdStart
        denyAll = $denyAll
        denyAllUser = $denyAllUser
        removableDiskDenyRead = $removableDiskDenyRead
        removableDiskDenyWrite = $removableDiskDenyWrite
        denyRemovableDevices = $denyRemovableDevices
        denyDeviceClasses = $denyDeviceClasses
        writeProtect = $writeProtect
        bitlockerDenyWrite = $bitlockerDenyWrite
        everConnectedCount = $everConnectedCount
        confirmedOnSite = $null
    }
}

function Test-TcpPort {
    param([string]$HostName, [int]$Port, [int]$TimeoutMs)
    $client = New-Object System.Net.Sockets.TcpClient
    try {
        $async = $client.BeginConnect($HostName, $Port, $null, $null)
        if (-not $async.AsyncWaitHandle.WaitOne($TimeoutMs, $false)) {
            return 'timeout'
        }
        $client.EndConnect($async)
        return 'ok'
    } catch {
        return ('failed (' + (Get-ErrorText $_) + ')')
    } finally {
        $client.Close()
    }
}

function Get-InternetSection {
    param([bool]$Probe, [string]$TargetHost)
    Initialize-StepLog
    $profiles = $null
    $profilesOk = $false
    try {
        $raw = @(Get-NetConnectionProfile -ErrorAction Stop | Select-Object -First 32)
        $profilesOk = $true
        $profiles = @(foreach ($p in $raw) {
                [ordered]@{
                    interfaceAlias = Limit-Text $p.InterfaceAlias 128
                    ipv4Connectivity = Limit-Text ([string]$p.IPv4Connectivity) 32
                    ipv6Connectivity = Limit-Text ([string]$p.IPv6Connectivity) 32
                    networkCategory = Limit-Text ([string]$p.NetworkCategory) 32
                }
            })
    } catch {
        if ([string]$_.CategoryInfo.Category -eq 'ObjectNotFound') {
            # no connected network
            $profilesOk = $true
            $profiles = @()
        } else {
            Write-StepError 'Get-NetConnectionProfile' $_
        }
    }

    $defaultRoute = $null
    try {
        $routes = @(Get-NetRoute -DestinationPrefix '0.0.0.0/0' -PolicyStore ActiveStore -ErrorAction Stop)
        $defaultRoute = ($routes.Count -gt 0)
    } catch {
        if ([string]$_.CategoryInfo.Category -eq 'ObjectNotFound') {
            $defaultRoute = $false
        } else {
            Write-StepError 'Get-NetRoute' $_
            try {
                $defaultRoute = (@(Get-WmiData -Class 'Win32_IP4RouteTable' -Filter "Destination = '0.0.0.0'").Count -gt 0)
            } catch {
                Write-StepError 'Win32_IP4RouteTable' $_
            }
        }
    }

    # WinINet proxy of the current user, or of the machine when ProxySettingsPerUser = 0.
    $proxyHive = 'HKCU'
    $proxyPath = 'Software\Microsoft\Windows\CurrentVersion\Internet Settings'
    $perUser = ConvertTo-IntOrNull (Read-Step 'ProxySettingsPerUser' { Get-RegValue 'HKLM' 'SOFTWARE\Policies\Microsoft\Windows\CurrentVersion\Internet Settings' 'ProxySettingsPerUser' }) 0 1
    if ($perUser -eq 0) {
        $proxyHive = 'HKLM'
        $proxyPath = 'SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings'
    }
    $proxyEnabled = Read-RegFlag 'ProxyEnable' $proxyHive $proxyPath 'ProxyEnable'
    $proxyServer = Read-Step 'ProxyServer' { Get-RegValue $proxyHive $proxyPath 'ProxyServer' }
    $autoConfigUrl = Read-Step 'AutoConfigURL' { Get-RegValue $proxyHive $proxyPath 'AutoConfigURL' }

    $probePerformed = $false
    $probeTarget = $null
    $probeDnsOk = $null
    $probeTcpOk = $null
    $probeHttpOk = $null
    $probeViaProxy = $null
    $probeDetail = $null
    if ($Probe) {
        $probePerformed = $true
        $probeTarget = $TargetHost
        $detail = @()

        # DNS (5 s)
        try {
            if ($script:FullLanguage) {
                $async = [System.Net.Dns]::BeginGetHostAddresses($TargetHost, $null, $null)
                if ($async.AsyncWaitHandle.WaitOne(5000, $false)) {
                    $addresses = @([System.Net.Dns]::EndGetHostAddresses($async))
                    $probeDnsOk = ($addresses.Count -gt 0)
                    $detail += ('dns=ok ' + ((@($addresses | Select-Object -First 3) | ForEach-Object { [string]$_ }) -join ','))
                } else {
                    $probeDnsOk = $false
                    $detail += 'dns=timeout'
                }
            } else {
                $answers = @(Resolve-DnsName -Name $TargetHost -QuickTimeout -ErrorAction Stop)
                $probeDnsOk = ($answers.Count -gt 0)
                $detail += 'dns=ok'
            }
        } catch {
            $probeDnsOk = $false
            $detail += ('dns=failed (' + (Get-ErrorText $_) + ')')
        }

        # TCP 443 and 80, direct (5 s each)
        if (-not $script:FullLanguage) {
            $detail += ('tcp=not tried (' + $script:LanguageMode + ')')
        } elseif ($probeDnsOk -ne $true) {
            $probeTcpOk = $false
            $detail += 'tcp=not tried (no address)'
        } else {
            $tcp443 = Test-TcpPort $TargetHost 443 5000
            $tcp80 = Test-TcpPort $TargetHost 80 5000
            $probeTcpOk = ($tcp443 -eq 'ok' -or $tcp80 -eq 'ok')
            $detail += ('tcp443=' + $tcp443)
            $detail += ('tcp80=' + $tcp80)
        }

        # HTTP GET through the system proxy (5 s); no credentials are sent to a proxy.
        $url = 'http://' + $TargetHost + '/'
        if ($TargetHost -eq $script:DefaultProbeHost) {
            $url = 'http://' + $TargetHost + '/connecttest.txt'
        }
        try {
            $uri = New-Object System.Uri($url)
            $webProxy = [System.Net.WebRequest]::DefaultWebProxy
            if ($null -eq $webProxy) {
                $probeViaProxy = $false
            } else {
                $probeViaProxy = -not $webProxy.IsBypassed($uri)
            }
        } catch {
            $probeViaProxy = $null
        }
        try {
            $response = Invoke-WebRequest -Uri $url -UseBasicParsing -TimeoutSec 5 -ErrorAction Stop
            $code = [int]$response.StatusCode
            $body = $response.Content
            if ($body -is [byte[]]) {
                $body = [System.Text.Encoding]::ASCII.GetString($body)
            }
            $body = ([string]$body).Trim()
            if ($TargetHost -eq $script:DefaultProbeHost) {
                $probeHttpOk = ($body -ceq 'Microsoft Connect Test')
                if ($probeHttpOk) {
                    $detail += ('http=' + $code + ' expected body')
                } else {
                    $detail += ('http=' + $code + ' unexpected body (captive portal or block page?) ' + (Limit-Text $body 80))
                }
            } else {
                $probeHttpOk = ($code -ge 200 -and $code -lt 400)
                $detail += ('http=' + $code + ' (body not compared for a non-default probe host)')
            }
        } catch {
            $probeHttpOk = $false
            $httpCode = $null
            try { $httpCode = [int]$_.Exception.Response.StatusCode } catch { $httpCode = $null }
            if ($httpCode -eq 407) {
                $detail += 'http=407 proxy requires authentication'
            } elseif ($null -ne $httpCode -and $httpCode -gt 0) {
                $detail += ('http=' + $httpCode + ' (' + (Get-ErrorText $_) + ')')
            } else {
                $detail += ('http=failed (' + (Get-ErrorText $_) + ')')
            }
        }
        # HTTPS to a well-known host through the system proxy (5 s, HEAD, nothing sent but the request).
        $httpsUrl = 'https://' + $script:HttpsProbeHost + '/'
        try {
            $httpsResponse = Invoke-WebRequest -Uri $httpsUrl -Method Head -UseBasicParsing -TimeoutSec 5 -MaximumRedirection 0 -ErrorAction Stop
            $httpsCode = [int]$httpsResponse.StatusCode
            $detail += ('https=' + $httpsCode + ' ' + $script:HttpsProbeHost)
            if ($httpsCode -ge 200 -and $httpsCode -lt 400) {
                $probeHttpOk = $true
            }
        } catch {
            $httpsCode = $null
            try { $httpsCode = [int]$_.Exception.Response.StatusCode } catch { $httpsCode = $null }
            if ($null -ne $httpsCode -and $httpsCode -ge 300 -and $httpsCode -lt 400) {
                # A redirect from the real site is an answer from the internet.
                $detail += ('https=' + $httpsCode + ' ' + $script:HttpsProbeHost)
                $probeHttpOk = $true
            } elseif ($httpsCode -eq 407) {
                $detail += 'https=407 proxy requires authentication'
            } else {
                $detail += ('https=failed (' + (Get-ErrorText $_) + ')')
            }
        }
        if ($probeViaProxy -eq $true) {
            $detail += 'via system proxy'
        } elseif ($probeViaProxy -eq $false) {
            $detail += 'direct (no proxy for this URL)'
        }
        $probeDetail = Limit-Text ($detail -join '; ') 1024
    }

    $status = 'ok'
    if (-not $profilesOk -and $null -eq $defaultRoute -and $null -eq $proxyEnabled -and -not $probePerformed) {
        $status = 'error'
    }
    [ordered]@{
        status = $status
        error = Get-StepErrorText
        needsAdmin = Get-StepNeedsAdmin
        profiles = $profiles
        defaultRoute = $defaultRoute
        proxyEnabled = $proxyEnabled
        proxyServer = Limit-Text $proxyServer 512
        autoConfigUrl = Limit-Text $autoConfigUrl 1024
        probePerformed = $probePerformed
        probeTarget = Limit-Text $probeTarget 256
        probeDnsOk = $probeDnsOk
        probeTcpOk = $probeTcpOk
        probeHttpOk = $probeHttpOk
        probeViaProxy = $probeViaProxy
        probeDetail = $probeDetail
        confirmedOnSite = $null
    }
}

function Get-FirewallSection {
    Initialize-StepLog
    $status = 'ok'
    $profiles = $null
    try {
        $raw = @(Get-NetFirewallProfile -PolicyStore ActiveStore -ErrorAction Stop | Select-Object -First 8)
        $profiles = @(foreach ($p in $raw) {
                [ordered]@{
                    name = Limit-Text ([string]$p.Name) 32
                    enabled = ConvertTo-BoolOrNull ([string]$p.Enabled)
                    defaultInboundAction = Limit-Text ([string]$p.DefaultInboundAction) 32
                }
            })
    } catch {
        Write-StepError 'Get-NetFirewallProfile' $_
        # Fallback: the local settings, overridden by the Group Policy copy when present.
        try {
            $local = 'SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy'
            $gpo = 'SOFTWARE\Policies\Microsoft\WindowsFirewall'
            $map = @(
                @{ name = 'Domain'; localKey = 'DomainProfile'; gpoKey = 'DomainProfile' },
                @{ name = 'Private'; localKey = 'StandardProfile'; gpoKey = 'PrivateProfile' },
                @{ name = 'Public'; localKey = 'PublicProfile'; gpoKey = 'PublicProfile' }
            )
            $profiles = @(foreach ($m in $map) {
                    $enabledValue = Get-RegValue 'HKLM' ($gpo + '\' + $m.gpoKey) 'EnableFirewall'
                    if ($null -eq $enabledValue) {
                        $enabledValue = Get-RegValue 'HKLM' ($local + '\' + $m.localKey) 'EnableFirewall'
                    }
                    $inboundValue = Get-RegValue 'HKLM' ($gpo + '\' + $m.gpoKey) 'DefaultInboundAction'
                    if ($null -eq $inboundValue) {
                        $inboundValue = Get-RegValue 'HKLM' ($local + '\' + $m.localKey) 'DefaultInboundAction'
                    }
                    $inbound = $null
                    if ($null -ne $inboundValue) {
                        $inbound = 'Allow'
                        if ((ConvertTo-IntOrNull $inboundValue 0 1) -eq 1) {
                            $inbound = 'Block'
                        }
                    }
                    [ordered]@{
                        name = $m.name
                        enabled = ConvertTo-BoolOrNull $enabledValue
                        defaultInboundAction = $inbound
                    }
                })
        } catch {
            Write-StepError 'FirewallPolicy registry' $_
            $status = 'error'
            $profiles = $null
        }
    }
    [ordered]@{
        status = $status
        error = Get-StepErrorText
        needsAdmin = Get-StepNeedsAdmin
        profiles = $profiles
    }
}

function Get-BitlockerSection {
    Initialize-StepLog
    $status = 'ok'
    $systemDrive = $env:SystemDrive
    $protection = $null
    try {
        $shell = New-Object -ComObject 'Shell.Application'
        $folder = $shell.NameSpace($systemDrive + '\')
        if ($null -ne $folder) {
            $protection = ConvertTo-IntOrNull ($folder.Self.ExtendedProperty('System.Volume.BitLockerProtection')) 0 100
        }
    } catch {
        Write-StepError 'Shell.Application System.Volume.BitLockerProtection' $_
        $status = 'error'
    }
    [ordered]@{
        status = $status
        error = Get-StepErrorText
        needsAdmin = Get-StepNeedsAdmin
        systemDrive = Limit-Text $systemDrive 8
        protection = $protection
    }
}

function Get-Smb1Section {
    Initialize-StepLog
    $featureState = $null
    $featureRead = $false
    try {
        $feature = @(Get-WmiData -Class 'Win32_OptionalFeature' -Filter "Name = 'SMB1Protocol'") | Select-Object -First 1
        $featureRead = $true
        if ($null -ne $feature) {
            # 4 (unknown) is outside the schema range and stays null
            $featureState = ConvertTo-IntOrNull $feature.InstallState 0 3
        }
    } catch {
        Write-StepError 'Win32_OptionalFeature' $_
    }
    $clientDriverStart = ConvertTo-IntOrNull (Read-Step 'mrxsmb10 Start' { Get-RegValue 'HKLM' 'SYSTEM\CurrentControlSet\Services\mrxsmb10' 'Start' }) 0 4
    $serverSmb1 = ConvertTo-IntOrNull (Read-Step 'LanmanServer SMB1' { Get-RegValue 'HKLM' 'SYSTEM\CurrentControlSet\Services\LanmanServer\Parameters' 'SMB1' }) 0 1
    $status = 'ok'
    if (-not $featureRead -and @($script:StepErrors).Count -ge 3) {
        $status = 'error'
    }
    [ordered]@{
        status = $status
        error = Get-StepErrorText
        needsAdmin = Get-StepNeedsAdmin
        featureState = $featureState
        clientDriverStart = $clientDriverStart
        serverSmb1 = $serverSmb1
    }
}

function Get-RdpSection {
    Initialize-StepLog
    $ts = 'SYSTEM\CurrentControlSet\Control\Terminal Server'
    $rdpTcp = $ts + '\WinStations\RDP-Tcp'
    $policy = 'SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
    $denyTsConnections = ConvertTo-IntOrNull (Read-Step 'fDenyTSConnections' { Get-RegValue 'HKLM' $ts 'fDenyTSConnections' }) 0 1
    $policyDenyTsConnections = ConvertTo-IntOrNull (Read-Step 'policy fDenyTSConnections' { Get-RegValue 'HKLM' $policy 'fDenyTSConnections' }) 0 1
    $nlaRequired = ConvertTo-BoolOrNull (Read-Step 'policy UserAuthentication' { Get-RegValue 'HKLM' $policy 'UserAuthentication' })
    if ($null -eq $nlaRequired) {
        $nlaRequired = ConvertTo-BoolOrNull (Read-Step 'UserAuthentication' { Get-RegValue 'HKLM' $rdpTcp 'UserAuthentication' })
    }
    $port = ConvertTo-IntOrNull (Read-Step 'PortNumber' { Get-RegValue 'HKLM' $rdpTcp 'PortNumber' }) 0 65535
    $serviceRunning = $null
    try {
        $svc = Get-Service -Name 'TermService' -ErrorAction Stop
        $serviceRunning = ([string]$svc.Status -eq 'Running')
    } catch {
        Write-StepError 'TermService' $_
    }
    $status = 'ok'
    if (@($script:StepErrors).Count -ge 6) {
        $status = 'error'
    }
    [ordered]@{
        status = $status
        error = Get-StepErrorText
        needsAdmin = Get-StepNeedsAdmin
        denyTsConnections = $denyTsConnections
        policyDenyTsConnections = $policyDenyTsConnections
        nlaRequired = $nlaRequired
        port = $port
        serviceRunning = $serviceRunning
    }
}

function Get-AccountsSection {
    Initialize-StepLog
    $failed = 0
    $administrators = $null
    $members = $null
    try {
        if (-not (Get-Command -Name Get-LocalGroupMember -ErrorAction SilentlyContinue)) {
            throw 'Get-LocalGroupMember is not available (PowerShell before 5.1 or a 32-bit host)'
        }
        $members = @(Get-LocalGroupMember -SID 'S-1-5-32-544' -ErrorAction Stop | ForEach-Object {
                @{ name = [string]$_.Name; sid = [string]$_.SID }
            })
    } catch {
        Write-StepError 'Get-LocalGroupMember' $_
        try {
            $group = @(Get-WmiData -Class 'Win32_Group' -Filter "LocalAccount = TRUE AND SID = 'S-1-5-32-544'") | Select-Object -First 1
            if ($null -eq $group) {
                throw 'the local Administrators group (S-1-5-32-544) was not found'
            }
            $related = $null
            if ($group -is [Microsoft.Management.Infrastructure.CimInstance]) {
                $related = @(Get-CimAssociatedInstance -InputObject $group -Association 'Win32_GroupUser' -ErrorAction Stop)
            } else {
                $domainText = ([string]$group.Domain).Replace("'", "\'")
                $nameText = ([string]$group.Name).Replace("'", "\'")
                $query = "ASSOCIATORS OF {Win32_Group.Domain='" + $domainText + "',Name='" + $nameText + "'} WHERE AssocClass = Win32_GroupUser Role = GroupComponent"
                $related = @(Get-WmiObject -Query $query -ErrorAction Stop)
            }
            $members = @(foreach ($r in $related) {
                    $memberName = [string]$r.Name
                    if ($r.Domain) {
                        $memberName = [string]$r.Domain + '\' + [string]$r.Name
                    }
                    @{ name = $memberName; sid = [string]$r.SID }
                })
        } catch {
            Write-StepError 'Win32_GroupUser' $_
            $failed = $failed + 1
        }
    }
    if ($null -ne $members) {
        $administrators = @(foreach ($m in @($members | Select-Object -First 128)) {
                [ordered]@{
                    name = Limit-Text $m.name 256
                    sid = Limit-Text $m.sid 128
                }
            })
    }

    # Built-in accounts by RID: 500 Administrator, 501 Guest (names are localisable).
    $builtinAdministratorEnabled = $null
    $guestEnabled = $null
    try {
        $users = $null
        try {
            if (-not (Get-Command -Name Get-LocalUser -ErrorAction SilentlyContinue)) {
                throw 'Get-LocalUser is not available (PowerShell before 5.1 or a 32-bit host)'
            }
            $users = @(Get-LocalUser -ErrorAction Stop | ForEach-Object {
                    @{ sid = [string]$_.SID; enabled = ConvertTo-BoolOrNull $_.Enabled }
                })
        } catch {
            Write-StepError 'Get-LocalUser' $_
            $users = @(Get-WmiData -Class 'Win32_UserAccount' -Filter 'LocalAccount = TRUE' | ForEach-Object {
                    $disabled = ConvertTo-BoolOrNull $_.Disabled
                    $accountEnabled = $null
                    if ($null -ne $disabled) {
                        $accountEnabled = -not $disabled
                    }
                    @{ sid = [string]$_.SID; enabled = $accountEnabled }
                })
        }
        foreach ($u in $users) {
            if ($u.sid -match '^S-1-5-21-.*-500$') {
                $builtinAdministratorEnabled = $u.enabled
            } elseif ($u.sid -match '^S-1-5-21-.*-501$') {
                $guestEnabled = $u.enabled
            }
        }
    } catch {
        Write-StepError 'Win32_UserAccount' $_
        $failed = $failed + 1
    }
    $status = 'ok'
    if ($failed -ge 2 -and $null -eq $script:Token.member) {
        $status = 'error'
    }
    [ordered]@{
        status = $status
        error = Get-StepErrorText
        needsAdmin = Get-StepNeedsAdmin
        administrators = $administrators
        currentUserIsAdmin = $script:Token.member
        builtinAdministratorEnabled = $builtinAdministratorEnabled
        guestEnabled = $guestEnabled
    }
}

function Get-ScreenLockSection {
    Initialize-StepLog
    $policyDesktop = 'Software\Policies\Microsoft\Windows\Control Panel\Desktop'
    $userDesktop = 'Control Panel\Desktop'
    $inactivityTimeoutSecs = ConvertTo-IntOrNull (Read-Step 'InactivityTimeoutSecs' { Get-RegValue 'HKLM' 'SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System' 'InactivityTimeoutSecs' }) 0 100000000
    # The per-user policy wins over the user's own setting (both HKCU of the user who runs the script).
    $active = Read-Step 'policy ScreenSaveActive' { Get-RegValue 'HKCU' $policyDesktop 'ScreenSaveActive' }
    if ($null -eq $active) {
        $active = Read-Step 'ScreenSaveActive' { Get-RegValue 'HKCU' $userDesktop 'ScreenSaveActive' }
    }
    $secure = Read-Step 'policy ScreenSaverIsSecure' { Get-RegValue 'HKCU' $policyDesktop 'ScreenSaverIsSecure' }
    if ($null -eq $secure) {
        $secure = Read-Step 'ScreenSaverIsSecure' { Get-RegValue 'HKCU' $userDesktop 'ScreenSaverIsSecure' }
    }
    $timeout = Read-Step 'policy ScreenSaveTimeOut' { Get-RegValue 'HKCU' $policyDesktop 'ScreenSaveTimeOut' }
    if ($null -eq $timeout) {
        $timeout = Read-Step 'ScreenSaveTimeOut' { Get-RegValue 'HKCU' $userDesktop 'ScreenSaveTimeOut' }
    }
    $status = 'ok'
    if (@($script:StepErrors).Count -ge 7) {
        $status = 'error'
    }
    [ordered]@{
        status = $status
        error = Get-StepErrorText
        needsAdmin = Get-StepNeedsAdmin
        inactivityTimeoutSecs = $inactivityTimeoutSecs
        screenSaverActive = ConvertTo-BoolOrNull $active
        screenSaverSecure = ConvertTo-BoolOrNull $secure
        screenSaverTimeoutSecs = ConvertTo-IntOrNull $timeout 0 100000000
    }
}

# Runs one section; an unexpected failure still yields a valid section object.
function Invoke-Section {
    param([string]$SectionName, [scriptblock]$SectionBlock)
    Write-Host ('  reading ' + $SectionName + ' ...')
    try {
        $section = & $SectionBlock
        if ($null -eq $section) {
            throw ('the ' + $SectionName + ' check returned nothing')
        }
        return $section
    } catch {
        $needsAdmin = $false
        if ((Test-AccessDenied $_) -and $script:Elevated -ne $true) {
            $needsAdmin = $true
        }
        return [ordered]@{
            status = 'error'
            error = Limit-Text (Get-ErrorText $_) 1024
            needsAdmin = $needsAdmin
        }
    }
}

function Get-ScriptSha256 {
    $path = $PSCommandPath
    if (-not $path) {
        $path = $script:ScriptPath
    }
    if (-not $path) {
        return $null
    }
    try {
        return ([string](Get-FileHash -LiteralPath $path -Algorithm SHA256 -ErrorAction Stop).Hash).ToLowerInvariant()
    } catch {
        try {
            $sha = [System.Security.Cryptography.SHA256]::Create()
            try {
                $digest = $sha.ComputeHash([System.IO.File]::ReadAllBytes($path))
            } finally {
                $sha.Dispose()
            }
            return ((@($digest) | ForEach-Object { $_.ToString('x2') }) -join '')
        } catch {
            return $null
        }
    }
}

function Get-TimeZoneIdText {
    try {
        return [System.TimeZoneInfo]::Local.Id
    } catch {
        try {
            return (Get-TimeZone -ErrorAction Stop).Id
        } catch {
            try {
                return (Get-RegValue 'HKLM' 'SYSTEM\CurrentControlSet\Control\TimeZoneInformation' 'TimeZoneKeyName')
            } catch {
                return $null
            }
        }
    }
}

# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------
if (-not $OutputDirectory) {
    $OutputDirectory = $PSScriptRoot
}
if (-not $OutputDirectory -and $script:ScriptPath) {
    $OutputDirectory = Split-Path -Parent $script:ScriptPath
}
if (-not $OutputDirectory -or -not (Test-Path -LiteralPath $OutputDirectory -PathType Container)) {
    Write-Host ('FieldSurvey terminal collector: the output folder does not exist: ' + $OutputDirectory)
    Write-Host 'Nothing was collected. Give an existing folder with -OutputDirectory (this script creates no folder).'
    exit 1
}
$OutputDirectory = (Resolve-Path -LiteralPath $OutputDirectory).ProviderPath

Write-Host ('FieldSurvey terminal collector ' + $script:CollectorVersion + ' (read-only) on ' + $env:COMPUTERNAME)
Write-Host ('  PowerShell ' + [string]$PSVersionTable.PSVersion + ', ' + $script:LanguageMode + ', administrator: ' + [string]$script:Elevated)

$computer = Invoke-Section 'computer' { Get-ComputerSection }
$os = Invoke-Section 'os' { Get-OsSection }
$esu = Invoke-Section 'esu' { Get-EsuSection -Os $os }
$updates = Invoke-Section 'updates' { Get-UpdatesSection }
$antivirus = Invoke-Section 'antivirus' { Get-AntivirusSection -Os $os }
$defender = Invoke-Section 'defender' { Get-DefenderSection }
$securityServices = Invoke-Section 'securityServices' { Get-SecurityServicesSection }
$usbStorage = Invoke-Section 'usbStorage' { Get-UsbStorageSection }
$internet = Invoke-Section 'internet' { Get-InternetSection -Probe ([bool]$InternetProbe) -TargetHost $ProbeHost }
$firewall = Invoke-Section 'firewall' { Get-FirewallSection }
$bitlocker = Invoke-Section 'bitlocker' { Get-BitlockerSection }
$smb1 = Invoke-Section 'smb1' { Get-Smb1Section }
$rdp = Invoke-Section 'rdp' { Get-RdpSection }
$accounts = Invoke-Section 'accounts' { Get-AccountsSection }
$screenLock = Invoke-Section 'screenLock' { Get-ScreenLockSection }

$sectionList = @(
    @{ name = 'computer'; section = $computer },
    @{ name = 'os'; section = $os },
    @{ name = 'esu'; section = $esu },
    @{ name = 'updates'; section = $updates },
    @{ name = 'antivirus'; section = $antivirus },
    @{ name = 'defender'; section = $defender },
    @{ name = 'securityServices'; section = $securityServices },
    @{ name = 'usbStorage'; section = $usbStorage },
    @{ name = 'internet'; section = $internet },
    @{ name = 'firewall'; section = $firewall },
    @{ name = 'bitlocker'; section = $bitlocker },
    @{ name = 'smb1'; section = $smb1 },
    @{ name = 'rdp'; section = $rdp },
    @{ name = 'accounts'; section = $accounts },
    @{ name = 'screenLock'; section = $screenLock }
)
$adminOnlyChecks = @(foreach ($entry in $sectionList) {
        if ($entry.section['needsAdmin'] -eq $true) {
            $entry.name
        }
    })

$collector = [ordered]@{
    name = $script:CollectorName
    version = $script:CollectorVersion
    scriptSha256 = Get-ScriptSha256
    psVersion = Limit-Text ([string]$PSVersionTable.PSVersion) 32
    is64BitProcess = $script:Is64BitProcess
    languageMode = Limit-Text $script:LanguageMode 32
    elevated = $script:Elevated
    userName = Limit-Text $script:Token.userName 256
    collectedAtUtc = $script:StartTime.ToUniversalTime().ToString('o')
    collectedAtLocal = $script:StartTime.ToString('o')
    timeZoneId = Limit-Text (Get-TimeZoneIdText) 64
    internetProbe = [bool]$InternetProbe
    adminOnlyChecks = [object[]]$adminOnlyChecks
    enteredBy = $null
}

$result = [ordered]@{
    schema = $script:SchemaName
    collector = $collector
    computer = $computer
    os = $os
    esu = $esu
    updates = $updates
    antivirus = $antivirus
    defender = $defender
    securityServices = $securityServices
    usbStorage = $usbStorage
    internet = $internet
    firewall = $firewall
    bitlocker = $bitlocker
    smb1 = $smb1
    rdp = $rdp
    accounts = $accounts
    screenLock = $screenLock
}

$json = ConvertTo-Json -InputObject $result -Depth 8
if ($json.Length -gt 2500000) {
    # keep well below the importer's 8 MiB limit
    $json = ConvertTo-Json -InputObject $result -Depth 8 -Compress
}

$fileName = ([string]$env:COMPUTERNAME) -replace '[^A-Za-z0-9_-]', '_'
if (-not $fileName) {
    $fileName = 'terminal'
}
$outputPath = Join-Path $OutputDirectory ($fileName + '.json')
try {
    if ($script:FullLanguage) {
        $utf8NoBom = New-Object System.Text.UTF8Encoding $false
        [System.IO.File]::WriteAllText($outputPath, $json, $utf8NoBom)
    } else {
        # Constrained Language Mode blocks the .NET call above. PowerShell's redirection writes the
        # same JSON as UTF-16 LE with BOM, which the importer reads as well.
        $json > $outputPath
    }
} catch {
    Write-Host ('Could not write ' + $outputPath + ': ' + (Get-ErrorText $_))
    Write-Host 'The stick may be write-protected by policy. Run again with -OutputDirectory pointing to a writable folder.'
    exit 1
} finally {
    if ($null -ne $script:HklmBase) {
        $script:HklmBase.Close()
    }
    if ($null -ne $script:HkcuBase) {
        $script:HkcuBase.Close()
    }
}

Write-Host ''
foreach ($entry in $sectionList) {
    $s = $entry.section
    if ($s['status'] -ne 'ok') {
        $line = '  ' + $entry.name + ': ' + [string]$s['status']
        if ($s['error']) {
            $line = $line + ' - ' + [string]$s['error']
        }
        Write-Host $line
    }
}
if ($adminOnlyChecks.Count -gt 0) {
    Write-Host ('Incomplete without administrator rights: ' + ($adminOnlyChecks -join ', '))
} else {
    Write-Host 'Incomplete without administrator rights: none'
}
if (-not $InternetProbe) {
    Write-Host 'Internet probe: not run (start with -InternetProbe after the hospital has agreed).'
}
Write-Host ('Written: ' + $outputPath)
exit 0
